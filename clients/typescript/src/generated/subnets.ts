import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateSubnetRequest as _dhcplane_v1_CreateSubnetRequest, CreateSubnetRequest__Output as _dhcplane_v1_CreateSubnetRequest__Output } from './dhcplane/v1/CreateSubnetRequest';
import type { DeleteSubnetRequest as _dhcplane_v1_DeleteSubnetRequest, DeleteSubnetRequest__Output as _dhcplane_v1_DeleteSubnetRequest__Output } from './dhcplane/v1/DeleteSubnetRequest';
import type { DeleteSubnetResponse as _dhcplane_v1_DeleteSubnetResponse, DeleteSubnetResponse__Output as _dhcplane_v1_DeleteSubnetResponse__Output } from './dhcplane/v1/DeleteSubnetResponse';
import type { GetSubnetRequest as _dhcplane_v1_GetSubnetRequest, GetSubnetRequest__Output as _dhcplane_v1_GetSubnetRequest__Output } from './dhcplane/v1/GetSubnetRequest';
import type { ListSubnetsRequest as _dhcplane_v1_ListSubnetsRequest, ListSubnetsRequest__Output as _dhcplane_v1_ListSubnetsRequest__Output } from './dhcplane/v1/ListSubnetsRequest';
import type { ListSubnetsResponse as _dhcplane_v1_ListSubnetsResponse, ListSubnetsResponse__Output as _dhcplane_v1_ListSubnetsResponse__Output } from './dhcplane/v1/ListSubnetsResponse';
import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from './dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from './dhcplane/v1/OptionSetting';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from './dhcplane/v1/OptionValue';
import type { RelayAddresses as _dhcplane_v1_RelayAddresses, RelayAddresses__Output as _dhcplane_v1_RelayAddresses__Output } from './dhcplane/v1/RelayAddresses';
import type { Subnet as _dhcplane_v1_Subnet, Subnet__Output as _dhcplane_v1_Subnet__Output } from './dhcplane/v1/Subnet';
import type { SubnetsClient as _dhcplane_v1_SubnetsClient, SubnetsDefinition as _dhcplane_v1_SubnetsDefinition } from './dhcplane/v1/Subnets';
import type { UpdateSubnetRequest as _dhcplane_v1_UpdateSubnetRequest, UpdateSubnetRequest__Output as _dhcplane_v1_UpdateSubnetRequest__Output } from './dhcplane/v1/UpdateSubnetRequest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      CreateSubnetRequest: MessageTypeDefinition<_dhcplane_v1_CreateSubnetRequest, _dhcplane_v1_CreateSubnetRequest__Output>
      DeleteSubnetRequest: MessageTypeDefinition<_dhcplane_v1_DeleteSubnetRequest, _dhcplane_v1_DeleteSubnetRequest__Output>
      DeleteSubnetResponse: MessageTypeDefinition<_dhcplane_v1_DeleteSubnetResponse, _dhcplane_v1_DeleteSubnetResponse__Output>
      GetSubnetRequest: MessageTypeDefinition<_dhcplane_v1_GetSubnetRequest, _dhcplane_v1_GetSubnetRequest__Output>
      ListSubnetsRequest: MessageTypeDefinition<_dhcplane_v1_ListSubnetsRequest, _dhcplane_v1_ListSubnetsRequest__Output>
      ListSubnetsResponse: MessageTypeDefinition<_dhcplane_v1_ListSubnetsResponse, _dhcplane_v1_ListSubnetsResponse__Output>
      OptionScope: MessageTypeDefinition<_dhcplane_v1_OptionScope, _dhcplane_v1_OptionScope__Output>
      OptionSetting: MessageTypeDefinition<_dhcplane_v1_OptionSetting, _dhcplane_v1_OptionSetting__Output>
      OptionValue: MessageTypeDefinition<_dhcplane_v1_OptionValue, _dhcplane_v1_OptionValue__Output>
      RelayAddresses: MessageTypeDefinition<_dhcplane_v1_RelayAddresses, _dhcplane_v1_RelayAddresses__Output>
      Subnet: MessageTypeDefinition<_dhcplane_v1_Subnet, _dhcplane_v1_Subnet__Output>
      /**
       * Subnets: the IPv4 networks the server hands out addresses in.
       */
      Subnets: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_SubnetsClient> & { service: _dhcplane_v1_SubnetsDefinition }
      UpdateSubnetRequest: MessageTypeDefinition<_dhcplane_v1_UpdateSubnetRequest, _dhcplane_v1_UpdateSubnetRequest__Output>
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

