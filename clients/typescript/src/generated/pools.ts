import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreatePoolRequest as _dhcplane_v1_CreatePoolRequest, CreatePoolRequest__Output as _dhcplane_v1_CreatePoolRequest__Output } from './dhcplane/v1/CreatePoolRequest';
import type { DeletePoolRequest as _dhcplane_v1_DeletePoolRequest, DeletePoolRequest__Output as _dhcplane_v1_DeletePoolRequest__Output } from './dhcplane/v1/DeletePoolRequest';
import type { DeletePoolResponse as _dhcplane_v1_DeletePoolResponse, DeletePoolResponse__Output as _dhcplane_v1_DeletePoolResponse__Output } from './dhcplane/v1/DeletePoolResponse';
import type { Exclusions as _dhcplane_v1_Exclusions, Exclusions__Output as _dhcplane_v1_Exclusions__Output } from './dhcplane/v1/Exclusions';
import type { GetPoolRequest as _dhcplane_v1_GetPoolRequest, GetPoolRequest__Output as _dhcplane_v1_GetPoolRequest__Output } from './dhcplane/v1/GetPoolRequest';
import type { ListPoolsRequest as _dhcplane_v1_ListPoolsRequest, ListPoolsRequest__Output as _dhcplane_v1_ListPoolsRequest__Output } from './dhcplane/v1/ListPoolsRequest';
import type { ListPoolsResponse as _dhcplane_v1_ListPoolsResponse, ListPoolsResponse__Output as _dhcplane_v1_ListPoolsResponse__Output } from './dhcplane/v1/ListPoolsResponse';
import type { Pool as _dhcplane_v1_Pool, Pool__Output as _dhcplane_v1_Pool__Output } from './dhcplane/v1/Pool';
import type { PoolsClient as _dhcplane_v1_PoolsClient, PoolsDefinition as _dhcplane_v1_PoolsDefinition } from './dhcplane/v1/Pools';
import type { UpdatePoolRequest as _dhcplane_v1_UpdatePoolRequest, UpdatePoolRequest__Output as _dhcplane_v1_UpdatePoolRequest__Output } from './dhcplane/v1/UpdatePoolRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      CreatePoolRequest: MessageTypeDefinition<_dhcplane_v1_CreatePoolRequest, _dhcplane_v1_CreatePoolRequest__Output>
      DeletePoolRequest: MessageTypeDefinition<_dhcplane_v1_DeletePoolRequest, _dhcplane_v1_DeletePoolRequest__Output>
      DeletePoolResponse: MessageTypeDefinition<_dhcplane_v1_DeletePoolResponse, _dhcplane_v1_DeletePoolResponse__Output>
      Exclusions: MessageTypeDefinition<_dhcplane_v1_Exclusions, _dhcplane_v1_Exclusions__Output>
      GetPoolRequest: MessageTypeDefinition<_dhcplane_v1_GetPoolRequest, _dhcplane_v1_GetPoolRequest__Output>
      ListPoolsRequest: MessageTypeDefinition<_dhcplane_v1_ListPoolsRequest, _dhcplane_v1_ListPoolsRequest__Output>
      ListPoolsResponse: MessageTypeDefinition<_dhcplane_v1_ListPoolsResponse, _dhcplane_v1_ListPoolsResponse__Output>
      Pool: MessageTypeDefinition<_dhcplane_v1_Pool, _dhcplane_v1_Pool__Output>
      /**
       * Pools: the address ranges of a subnet that are handed out dynamically.
       */
      Pools: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_PoolsClient> & { service: _dhcplane_v1_PoolsDefinition }
      UpdatePoolRequest: MessageTypeDefinition<_dhcplane_v1_UpdatePoolRequest, _dhcplane_v1_UpdatePoolRequest__Output>
    }
  }
}

