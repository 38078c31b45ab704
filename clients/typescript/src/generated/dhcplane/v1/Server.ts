// Original file: proto/dhcplane/v1/server.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetStatusRequest as _dhcplane_v1_GetStatusRequest, GetStatusRequest__Output as _dhcplane_v1_GetStatusRequest__Output } from '../../dhcplane/v1/GetStatusRequest';
import type { Status as _dhcplane_v1_Status, Status__Output as _dhcplane_v1_Status__Output } from '../../dhcplane/v1/Status';

/**
 * Server: health, version, store and counts.
 */
export interface ServerClient extends grpc.Client {
  /**
   * Version, store, row counts and DHCP counters.
   */
  GetStatus(argument: _dhcplane_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _dhcplane_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _dhcplane_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _dhcplane_v1_GetStatusRequest, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  /**
   * Version, store, row counts and DHCP counters.
   */
  getStatus(argument: _dhcplane_v1_GetStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _dhcplane_v1_GetStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _dhcplane_v1_GetStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _dhcplane_v1_GetStatusRequest, callback: grpc.requestCallback<_dhcplane_v1_Status__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Server: health, version, store and counts.
 */
export interface ServerHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Version, store, row counts and DHCP counters.
   */
  GetStatus: grpc.handleUnaryCall<_dhcplane_v1_GetStatusRequest__Output, _dhcplane_v1_Status>;
  
}

export interface ServerDefinition extends grpc.ServiceDefinition {
  GetStatus: MethodDefinition<_dhcplane_v1_GetStatusRequest, _dhcplane_v1_Status, _dhcplane_v1_GetStatusRequest__Output, _dhcplane_v1_Status__Output>
}
