// Original file: proto/dhcplane/v1/leases.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetLeaseRequest as _dhcplane_v1_GetLeaseRequest, GetLeaseRequest__Output as _dhcplane_v1_GetLeaseRequest__Output } from '../../dhcplane/v1/GetLeaseRequest';
import type { Lease as _dhcplane_v1_Lease, Lease__Output as _dhcplane_v1_Lease__Output } from '../../dhcplane/v1/Lease';
import type { ListLeasesRequest as _dhcplane_v1_ListLeasesRequest, ListLeasesRequest__Output as _dhcplane_v1_ListLeasesRequest__Output } from '../../dhcplane/v1/ListLeasesRequest';
import type { ListLeasesResponse as _dhcplane_v1_ListLeasesResponse, ListLeasesResponse__Output as _dhcplane_v1_ListLeasesResponse__Output } from '../../dhcplane/v1/ListLeasesResponse';
import type { ReleaseLeaseRequest as _dhcplane_v1_ReleaseLeaseRequest, ReleaseLeaseRequest__Output as _dhcplane_v1_ReleaseLeaseRequest__Output } from '../../dhcplane/v1/ReleaseLeaseRequest';

/**
 * Leases: the addresses handed out, as recorded in the store.
 */
export interface LeasesClient extends grpc.Client {
  /**
   * The lease of one address.
   */
  GetLease(argument: _dhcplane_v1_GetLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  GetLease(argument: _dhcplane_v1_GetLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  GetLease(argument: _dhcplane_v1_GetLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  GetLease(argument: _dhcplane_v1_GetLeaseRequest, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  /**
   * The lease of one address.
   */
  getLease(argument: _dhcplane_v1_GetLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  getLease(argument: _dhcplane_v1_GetLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  getLease(argument: _dhcplane_v1_GetLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  getLease(argument: _dhcplane_v1_GetLeaseRequest, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  
  /**
   * Leases in address order, filtered and paged.
   */
  ListLeases(argument: _dhcplane_v1_ListLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  ListLeases(argument: _dhcplane_v1_ListLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  ListLeases(argument: _dhcplane_v1_ListLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  ListLeases(argument: _dhcplane_v1_ListLeasesRequest, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Leases in address order, filtered and paged.
   */
  listLeases(argument: _dhcplane_v1_ListLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  listLeases(argument: _dhcplane_v1_ListLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  listLeases(argument: _dhcplane_v1_ListLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  listLeases(argument: _dhcplane_v1_ListLeasesRequest, callback: grpc.requestCallback<_dhcplane_v1_ListLeasesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Marks a lease released so its address can be handed out again.
   */
  ReleaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  ReleaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  ReleaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  ReleaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  /**
   * Marks a lease released so its address can be handed out again.
   */
  releaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  releaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  releaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  releaseLease(argument: _dhcplane_v1_ReleaseLeaseRequest, callback: grpc.requestCallback<_dhcplane_v1_Lease__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Leases: the addresses handed out, as recorded in the store.
 */
export interface LeasesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The lease of one address.
   */
  GetLease: grpc.handleUnaryCall<_dhcplane_v1_GetLeaseRequest__Output, _dhcplane_v1_Lease>;
  
  /**
   * Leases in address order, filtered and paged.
   */
  ListLeases: grpc.handleUnaryCall<_dhcplane_v1_ListLeasesRequest__Output, _dhcplane_v1_ListLeasesResponse>;
  
  /**
   * Marks a lease released so its address can be handed out again.
   */
  ReleaseLease: grpc.handleUnaryCall<_dhcplane_v1_ReleaseLeaseRequest__Output, _dhcplane_v1_Lease>;
  
}

export interface LeasesDefinition extends grpc.ServiceDefinition {
  GetLease: MethodDefinition<_dhcplane_v1_GetLeaseRequest, _dhcplane_v1_Lease, _dhcplane_v1_GetLeaseRequest__Output, _dhcplane_v1_Lease__Output>
  ListLeases: MethodDefinition<_dhcplane_v1_ListLeasesRequest, _dhcplane_v1_ListLeasesResponse, _dhcplane_v1_ListLeasesRequest__Output, _dhcplane_v1_ListLeasesResponse__Output>
  ReleaseLease: MethodDefinition<_dhcplane_v1_ReleaseLeaseRequest, _dhcplane_v1_Lease, _dhcplane_v1_ReleaseLeaseRequest__Output, _dhcplane_v1_Lease__Output>
}
