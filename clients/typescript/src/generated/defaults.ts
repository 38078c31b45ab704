import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DefaultsClient as _dhcplane_v1_DefaultsClient, DefaultsDefinition as _dhcplane_v1_DefaultsDefinition } from './dhcplane/v1/Defaults';
import type { GetDefaultsRequest as _dhcplane_v1_GetDefaultsRequest, GetDefaultsRequest__Output as _dhcplane_v1_GetDefaultsRequest__Output } from './dhcplane/v1/GetDefaultsRequest';
import type { ServerDefaults as _dhcplane_v1_ServerDefaults, ServerDefaults__Output as _dhcplane_v1_ServerDefaults__Output } from './dhcplane/v1/ServerDefaults';
import type { UpdateDefaultsRequest as _dhcplane_v1_UpdateDefaultsRequest, UpdateDefaultsRequest__Output as _dhcplane_v1_UpdateDefaultsRequest__Output } from './dhcplane/v1/UpdateDefaultsRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      /**
       * Defaults: server-wide settings that are not DHCP options. Today the boot
       * fields of the DHCPv4 header, which a subnet or a reservation may set for
       * its own clients instead.
       */
      Defaults: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_DefaultsClient> & { service: _dhcplane_v1_DefaultsDefinition }
      GetDefaultsRequest: MessageTypeDefinition<_dhcplane_v1_GetDefaultsRequest, _dhcplane_v1_GetDefaultsRequest__Output>
      ServerDefaults: MessageTypeDefinition<_dhcplane_v1_ServerDefaults, _dhcplane_v1_ServerDefaults__Output>
      UpdateDefaultsRequest: MessageTypeDefinition<_dhcplane_v1_UpdateDefaultsRequest, _dhcplane_v1_UpdateDefaultsRequest__Output>
    }
  }
}

