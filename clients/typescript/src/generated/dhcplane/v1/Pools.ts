// Original file: proto/dhcplane/v1/pools.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreatePoolRequest as _dhcplane_v1_CreatePoolRequest, CreatePoolRequest__Output as _dhcplane_v1_CreatePoolRequest__Output } from '../../dhcplane/v1/CreatePoolRequest';
import type { DeletePoolRequest as _dhcplane_v1_DeletePoolRequest, DeletePoolRequest__Output as _dhcplane_v1_DeletePoolRequest__Output } from '../../dhcplane/v1/DeletePoolRequest';
import type { DeletePoolResponse as _dhcplane_v1_DeletePoolResponse, DeletePoolResponse__Output as _dhcplane_v1_DeletePoolResponse__Output } from '../../dhcplane/v1/DeletePoolResponse';
import type { GetPoolRequest as _dhcplane_v1_GetPoolRequest, GetPoolRequest__Output as _dhcplane_v1_GetPoolRequest__Output } from '../../dhcplane/v1/GetPoolRequest';
import type { ListPoolsRequest as _dhcplane_v1_ListPoolsRequest, ListPoolsRequest__Output as _dhcplane_v1_ListPoolsRequest__Output } from '../../dhcplane/v1/ListPoolsRequest';
import type { ListPoolsResponse as _dhcplane_v1_ListPoolsResponse, ListPoolsResponse__Output as _dhcplane_v1_ListPoolsResponse__Output } from '../../dhcplane/v1/ListPoolsResponse';
import type { Pool as _dhcplane_v1_Pool, Pool__Output as _dhcplane_v1_Pool__Output } from '../../dhcplane/v1/Pool';
import type { UpdatePoolRequest as _dhcplane_v1_UpdatePoolRequest, UpdatePoolRequest__Output as _dhcplane_v1_UpdatePoolRequest__Output } from '../../dhcplane/v1/UpdatePoolRequest';

/**
 * Pools: the address ranges of a subnet that are handed out dynamically.
 */
export interface PoolsClient extends grpc.Client {
  /**
   * Creates a pool in a subnet; ranges of pools may not overlap.
   */
  CreatePool(argument: _dhcplane_v1_CreatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _dhcplane_v1_CreatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _dhcplane_v1_CreatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  CreatePool(argument: _dhcplane_v1_CreatePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a pool in a subnet; ranges of pools may not overlap.
   */
  createPool(argument: _dhcplane_v1_CreatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _dhcplane_v1_CreatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _dhcplane_v1_CreatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  createPool(argument: _dhcplane_v1_CreatePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a pool and its options; its leases stay until they end.
   */
  DeletePool(argument: _dhcplane_v1_DeletePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _dhcplane_v1_DeletePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _dhcplane_v1_DeletePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  DeletePool(argument: _dhcplane_v1_DeletePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a pool and its options; its leases stay until they end.
   */
  deletePool(argument: _dhcplane_v1_DeletePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _dhcplane_v1_DeletePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _dhcplane_v1_DeletePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  deletePool(argument: _dhcplane_v1_DeletePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_DeletePoolResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A pool by id.
   */
  GetPool(argument: _dhcplane_v1_GetPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  GetPool(argument: _dhcplane_v1_GetPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  GetPool(argument: _dhcplane_v1_GetPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  GetPool(argument: _dhcplane_v1_GetPoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  /**
   * A pool by id.
   */
  getPool(argument: _dhcplane_v1_GetPoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  getPool(argument: _dhcplane_v1_GetPoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  getPool(argument: _dhcplane_v1_GetPoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  getPool(argument: _dhcplane_v1_GetPoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pools in id order.
   */
  ListPools(argument: _dhcplane_v1_ListPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListPools(argument: _dhcplane_v1_ListPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListPools(argument: _dhcplane_v1_ListPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  ListPools(argument: _dhcplane_v1_ListPoolsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pools in id order.
   */
  listPools(argument: _dhcplane_v1_ListPoolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  listPools(argument: _dhcplane_v1_ListPoolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  listPools(argument: _dhcplane_v1_ListPoolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  listPools(argument: _dhcplane_v1_ListPoolsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListPoolsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a pool's range, exclusions or description.
   */
  UpdatePool(argument: _dhcplane_v1_UpdatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _dhcplane_v1_UpdatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _dhcplane_v1_UpdatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  UpdatePool(argument: _dhcplane_v1_UpdatePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a pool's range, exclusions or description.
   */
  updatePool(argument: _dhcplane_v1_UpdatePoolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _dhcplane_v1_UpdatePoolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _dhcplane_v1_UpdatePoolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  updatePool(argument: _dhcplane_v1_UpdatePoolRequest, callback: grpc.requestCallback<_dhcplane_v1_Pool__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Pools: the address ranges of a subnet that are handed out dynamically.
 */
export interface PoolsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a pool in a subnet; ranges of pools may not overlap.
   */
  CreatePool: grpc.handleUnaryCall<_dhcplane_v1_CreatePoolRequest__Output, _dhcplane_v1_Pool>;
  
  /**
   * Deletes a pool and its options; its leases stay until they end.
   */
  DeletePool: grpc.handleUnaryCall<_dhcplane_v1_DeletePoolRequest__Output, _dhcplane_v1_DeletePoolResponse>;
  
  /**
   * A pool by id.
   */
  GetPool: grpc.handleUnaryCall<_dhcplane_v1_GetPoolRequest__Output, _dhcplane_v1_Pool>;
  
  /**
   * Pools in id order.
   */
  ListPools: grpc.handleUnaryCall<_dhcplane_v1_ListPoolsRequest__Output, _dhcplane_v1_ListPoolsResponse>;
  
  /**
   * Changes a pool's range, exclusions or description.
   */
  UpdatePool: grpc.handleUnaryCall<_dhcplane_v1_UpdatePoolRequest__Output, _dhcplane_v1_Pool>;
  
}

export interface PoolsDefinition extends grpc.ServiceDefinition {
  CreatePool: MethodDefinition<_dhcplane_v1_CreatePoolRequest, _dhcplane_v1_Pool, _dhcplane_v1_CreatePoolRequest__Output, _dhcplane_v1_Pool__Output>
  DeletePool: MethodDefinition<_dhcplane_v1_DeletePoolRequest, _dhcplane_v1_DeletePoolResponse, _dhcplane_v1_DeletePoolRequest__Output, _dhcplane_v1_DeletePoolResponse__Output>
  GetPool: MethodDefinition<_dhcplane_v1_GetPoolRequest, _dhcplane_v1_Pool, _dhcplane_v1_GetPoolRequest__Output, _dhcplane_v1_Pool__Output>
  ListPools: MethodDefinition<_dhcplane_v1_ListPoolsRequest, _dhcplane_v1_ListPoolsResponse, _dhcplane_v1_ListPoolsRequest__Output, _dhcplane_v1_ListPoolsResponse__Output>
  UpdatePool: MethodDefinition<_dhcplane_v1_UpdatePoolRequest, _dhcplane_v1_Pool, _dhcplane_v1_UpdatePoolRequest__Output, _dhcplane_v1_Pool__Output>
}
