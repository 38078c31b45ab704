// Original file: proto/dhcplane/v1/subnets.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSubnetRequest as _dhcplane_v1_CreateSubnetRequest, CreateSubnetRequest__Output as _dhcplane_v1_CreateSubnetRequest__Output } from '../../dhcplane/v1/CreateSubnetRequest';
import type { DeleteSubnetRequest as _dhcplane_v1_DeleteSubnetRequest, DeleteSubnetRequest__Output as _dhcplane_v1_DeleteSubnetRequest__Output } from '../../dhcplane/v1/DeleteSubnetRequest';
import type { DeleteSubnetResponse as _dhcplane_v1_DeleteSubnetResponse, DeleteSubnetResponse__Output as _dhcplane_v1_DeleteSubnetResponse__Output } from '../../dhcplane/v1/DeleteSubnetResponse';
import type { GetSubnetRequest as _dhcplane_v1_GetSubnetRequest, GetSubnetRequest__Output as _dhcplane_v1_GetSubnetRequest__Output } from '../../dhcplane/v1/GetSubnetRequest';
import type { ListSubnetsRequest as _dhcplane_v1_ListSubnetsRequest, ListSubnetsRequest__Output as _dhcplane_v1_ListSubnetsRequest__Output } from '../../dhcplane/v1/ListSubnetsRequest';
import type { ListSubnetsResponse as _dhcplane_v1_ListSubnetsResponse, ListSubnetsResponse__Output as _dhcplane_v1_ListSubnetsResponse__Output } from '../../dhcplane/v1/ListSubnetsResponse';
import type { Subnet as _dhcplane_v1_Subnet, Subnet__Output as _dhcplane_v1_Subnet__Output } from '../../dhcplane/v1/Subnet';
import type { UpdateSubnetRequest as _dhcplane_v1_UpdateSubnetRequest, UpdateSubnetRequest__Output as _dhcplane_v1_UpdateSubnetRequest__Output } from '../../dhcplane/v1/UpdateSubnetRequest';

/**
 * Subnets: the IPv4 networks the server hands out addresses in.
 */
export interface SubnetsClient extends grpc.Client {
  /**
   * Creates a subnet with its options; subnets may not overlap.
   */
  CreateSubnet(argument: _dhcplane_v1_CreateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _dhcplane_v1_CreateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _dhcplane_v1_CreateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _dhcplane_v1_CreateSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a subnet with its options; subnets may not overlap.
   */
  createSubnet(argument: _dhcplane_v1_CreateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _dhcplane_v1_CreateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _dhcplane_v1_CreateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _dhcplane_v1_CreateSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a subnet with its pools, reservations, options and leases.
   */
  DeleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a subnet with its pools, reservations, options and leases.
   */
  deleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _dhcplane_v1_DeleteSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A subnet by id or CIDR.
   */
  GetSubnet(argument: _dhcplane_v1_GetSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _dhcplane_v1_GetSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _dhcplane_v1_GetSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _dhcplane_v1_GetSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  /**
   * A subnet by id or CIDR.
   */
  getSubnet(argument: _dhcplane_v1_GetSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _dhcplane_v1_GetSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _dhcplane_v1_GetSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _dhcplane_v1_GetSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  
  /**
   * Subnets in id order.
   */
  ListSubnets(argument: _dhcplane_v1_ListSubnetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _dhcplane_v1_ListSubnetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _dhcplane_v1_ListSubnetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _dhcplane_v1_ListSubnetsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Subnets in id order.
   */
  listSubnets(argument: _dhcplane_v1_ListSubnetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _dhcplane_v1_ListSubnetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _dhcplane_v1_ListSubnetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _dhcplane_v1_ListSubnetsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a subnet's settings; its network cannot change.
   */
  UpdateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  UpdateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  UpdateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  UpdateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a subnet's settings; its network cannot change.
   */
  updateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  updateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  updateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  updateSubnet(argument: _dhcplane_v1_UpdateSubnetRequest, callback: grpc.requestCallback<_dhcplane_v1_Subnet__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Subnets: the IPv4 networks the server hands out addresses in.
 */
export interface SubnetsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a subnet with its options; subnets may not overlap.
   */
  CreateSubnet: grpc.handleUnaryCall<_dhcplane_v1_CreateSubnetRequest__Output, _dhcplane_v1_Subnet>;
  
  /**
   * Deletes a subnet with its pools, reservations, options and leases.
   */
  DeleteSubnet: grpc.handleUnaryCall<_dhcplane_v1_DeleteSubnetRequest__Output, _dhcplane_v1_DeleteSubnetResponse>;
  
  /**
   * A subnet by id or CIDR.
   */
  GetSubnet: grpc.handleUnaryCall<_dhcplane_v1_GetSubnetRequest__Output, _dhcplane_v1_Subnet>;
  
  /**
   * Subnets in id order.
   */
  ListSubnets: grpc.handleUnaryCall<_dhcplane_v1_ListSubnetsRequest__Output, _dhcplane_v1_ListSubnetsResponse>;
  
  /**
   * Changes a subnet's settings; its network cannot change.
   */
  UpdateSubnet: grpc.handleUnaryCall<_dhcplane_v1_UpdateSubnetRequest__Output, _dhcplane_v1_Subnet>;
  
}

export interface SubnetsDefinition extends grpc.ServiceDefinition {
  CreateSubnet: MethodDefinition<_dhcplane_v1_CreateSubnetRequest, _dhcplane_v1_Subnet, _dhcplane_v1_CreateSubnetRequest__Output, _dhcplane_v1_Subnet__Output>
  DeleteSubnet: MethodDefinition<_dhcplane_v1_DeleteSubnetRequest, _dhcplane_v1_DeleteSubnetResponse, _dhcplane_v1_DeleteSubnetRequest__Output, _dhcplane_v1_DeleteSubnetResponse__Output>
  GetSubnet: MethodDefinition<_dhcplane_v1_GetSubnetRequest, _dhcplane_v1_Subnet, _dhcplane_v1_GetSubnetRequest__Output, _dhcplane_v1_Subnet__Output>
  ListSubnets: MethodDefinition<_dhcplane_v1_ListSubnetsRequest, _dhcplane_v1_ListSubnetsResponse, _dhcplane_v1_ListSubnetsRequest__Output, _dhcplane_v1_ListSubnetsResponse__Output>
  UpdateSubnet: MethodDefinition<_dhcplane_v1_UpdateSubnetRequest, _dhcplane_v1_Subnet, _dhcplane_v1_UpdateSubnetRequest__Output, _dhcplane_v1_Subnet__Output>
}
