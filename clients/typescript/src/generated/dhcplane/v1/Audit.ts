// Original file: proto/dhcplane/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListAuditRequest as _dhcplane_v1_ListAuditRequest, ListAuditRequest__Output as _dhcplane_v1_ListAuditRequest__Output } from '../../dhcplane/v1/ListAuditRequest';
import type { ListAuditResponse as _dhcplane_v1_ListAuditResponse, ListAuditResponse__Output as _dhcplane_v1_ListAuditResponse__Output } from '../../dhcplane/v1/ListAuditResponse';

/**
 * Audit: the record of every provisioning and token change.
 */
export interface AuditClient extends grpc.Client {
  /**
   * Newest first.
   */
  ListAudit(argument: _dhcplane_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _dhcplane_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _dhcplane_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _dhcplane_v1_ListAuditRequest, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Newest first.
   */
  listAudit(argument: _dhcplane_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _dhcplane_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _dhcplane_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _dhcplane_v1_ListAuditRequest, callback: grpc.requestCallback<_dhcplane_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Audit: the record of every provisioning and token change.
 */
export interface AuditHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Newest first.
   */
  ListAudit: grpc.handleUnaryCall<_dhcplane_v1_ListAuditRequest__Output, _dhcplane_v1_ListAuditResponse>;
  
}

export interface AuditDefinition extends grpc.ServiceDefinition {
  ListAudit: MethodDefinition<_dhcplane_v1_ListAuditRequest, _dhcplane_v1_ListAuditResponse, _dhcplane_v1_ListAuditRequest__Output, _dhcplane_v1_ListAuditResponse__Output>
}
