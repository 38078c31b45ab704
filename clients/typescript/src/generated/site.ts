import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ApplySiteRequest as _dhcplane_v1_ApplySiteRequest, ApplySiteRequest__Output as _dhcplane_v1_ApplySiteRequest__Output } from './dhcplane/v1/ApplySiteRequest';
import type { ApplySiteResponse as _dhcplane_v1_ApplySiteResponse, ApplySiteResponse__Output as _dhcplane_v1_ApplySiteResponse__Output } from './dhcplane/v1/ApplySiteResponse';
import type { DefaultsClient as _dhcplane_v1_DefaultsClient, DefaultsDefinition as _dhcplane_v1_DefaultsDefinition } from './dhcplane/v1/Defaults';
import type { ExportSiteRequest as _dhcplane_v1_ExportSiteRequest, ExportSiteRequest__Output as _dhcplane_v1_ExportSiteRequest__Output } from './dhcplane/v1/ExportSiteRequest';
import type { GetDefaultsRequest as _dhcplane_v1_GetDefaultsRequest, GetDefaultsRequest__Output as _dhcplane_v1_GetDefaultsRequest__Output } from './dhcplane/v1/GetDefaultsRequest';
import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from './dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from './dhcplane/v1/OptionSetting';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from './dhcplane/v1/OptionValue';
import type { PlannedChange as _dhcplane_v1_PlannedChange, PlannedChange__Output as _dhcplane_v1_PlannedChange__Output } from './dhcplane/v1/PlannedChange';
import type { ServerDefaults as _dhcplane_v1_ServerDefaults, ServerDefaults__Output as _dhcplane_v1_ServerDefaults__Output } from './dhcplane/v1/ServerDefaults';
import type { SiteClient as _dhcplane_v1_SiteClient, SiteDefinition as _dhcplane_v1_SiteDefinition } from './dhcplane/v1/Site';
import type { SiteDocument as _dhcplane_v1_SiteDocument, SiteDocument__Output as _dhcplane_v1_SiteDocument__Output } from './dhcplane/v1/SiteDocument';
import type { SitePool as _dhcplane_v1_SitePool, SitePool__Output as _dhcplane_v1_SitePool__Output } from './dhcplane/v1/SitePool';
import type { SiteReservation as _dhcplane_v1_SiteReservation, SiteReservation__Output as _dhcplane_v1_SiteReservation__Output } from './dhcplane/v1/SiteReservation';
import type { SiteSubnet as _dhcplane_v1_SiteSubnet, SiteSubnet__Output as _dhcplane_v1_SiteSubnet__Output } from './dhcplane/v1/SiteSubnet';
import type { UpdateDefaultsRequest as _dhcplane_v1_UpdateDefaultsRequest, UpdateDefaultsRequest__Output as _dhcplane_v1_UpdateDefaultsRequest__Output } from './dhcplane/v1/UpdateDefaultsRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      ApplySiteRequest: MessageTypeDefinition<_dhcplane_v1_ApplySiteRequest, _dhcplane_v1_ApplySiteRequest__Output>
      ApplySiteResponse: MessageTypeDefinition<_dhcplane_v1_ApplySiteResponse, _dhcplane_v1_ApplySiteResponse__Output>
      /**
       * Defaults: server-wide settings that are not DHCP options. Today the boot
       * fields of the DHCPv4 header, which a subnet or a reservation may set for
       * its own clients instead.
       */
      Defaults: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_DefaultsClient> & { service: _dhcplane_v1_DefaultsDefinition }
      ExportSiteRequest: MessageTypeDefinition<_dhcplane_v1_ExportSiteRequest, _dhcplane_v1_ExportSiteRequest__Output>
      GetDefaultsRequest: MessageTypeDefinition<_dhcplane_v1_GetDefaultsRequest, _dhcplane_v1_GetDefaultsRequest__Output>
      OptionScope: MessageTypeDefinition<_dhcplane_v1_OptionScope, _dhcplane_v1_OptionScope__Output>
      OptionSetting: MessageTypeDefinition<_dhcplane_v1_OptionSetting, _dhcplane_v1_OptionSetting__Output>
      OptionValue: MessageTypeDefinition<_dhcplane_v1_OptionValue, _dhcplane_v1_OptionValue__Output>
      PlannedChange: MessageTypeDefinition<_dhcplane_v1_PlannedChange, _dhcplane_v1_PlannedChange__Output>
      ServerDefaults: MessageTypeDefinition<_dhcplane_v1_ServerDefaults, _dhcplane_v1_ServerDefaults__Output>
      /**
       * Site: the whole provisioning state (subnets with their pools,
       * reservations and options, and the global options) as one document, read
       * with Export and brought about with Apply.
       */
      Site: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_SiteClient> & { service: _dhcplane_v1_SiteDefinition }
      SiteDocument: MessageTypeDefinition<_dhcplane_v1_SiteDocument, _dhcplane_v1_SiteDocument__Output>
      SitePool: MessageTypeDefinition<_dhcplane_v1_SitePool, _dhcplane_v1_SitePool__Output>
      SiteReservation: MessageTypeDefinition<_dhcplane_v1_SiteReservation, _dhcplane_v1_SiteReservation__Output>
      SiteSubnet: MessageTypeDefinition<_dhcplane_v1_SiteSubnet, _dhcplane_v1_SiteSubnet__Output>
      UpdateDefaultsRequest: MessageTypeDefinition<_dhcplane_v1_UpdateDefaultsRequest, _dhcplane_v1_UpdateDefaultsRequest__Output>
    }
  }
}

