// Original file: proto/dhcplane/v1/defaults.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetDefaultsRequest as _dhcplane_v1_GetDefaultsRequest, GetDefaultsRequest__Output as _dhcplane_v1_GetDefaultsRequest__Output } from '../../dhcplane/v1/GetDefaultsRequest';
import type { ServerDefaults as _dhcplane_v1_ServerDefaults, ServerDefaults__Output as _dhcplane_v1_ServerDefaults__Output } from '../../dhcplane/v1/ServerDefaults';
import type { UpdateDefaultsRequest as _dhcplane_v1_UpdateDefaultsRequest, UpdateDefaultsRequest__Output as _dhcplane_v1_UpdateDefaultsRequest__Output } from '../../dhcplane/v1/UpdateDefaultsRequest';

/**
 * Defaults: server-wide settings that are not DHCP options. Today the boot
 * fields of the DHCPv4 header, which a subnet or a reservation may set for
 * its own clients instead.
 */
export interface DefaultsClient extends grpc.Client {
  /**
   * The current defaults.
   */
  GetDefaults(argument: _dhcplane_v1_GetDefaultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  GetDefaults(argument: _dhcplane_v1_GetDefaultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  GetDefaults(argument: _dhcplane_v1_GetDefaultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  GetDefaults(argument: _dhcplane_v1_GetDefaultsRequest, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  /**
   * The current defaults.
   */
  getDefaults(argument: _dhcplane_v1_GetDefaultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  getDefaults(argument: _dhcplane_v1_GetDefaultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  getDefaults(argument: _dhcplane_v1_GetDefaultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  getDefaults(argument: _dhcplane_v1_GetDefaultsRequest, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes the defaults; fields left unset keep their values.
   */
  UpdateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  UpdateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  UpdateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  UpdateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  /**
   * Changes the defaults; fields left unset keep their values.
   */
  updateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  updateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  updateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  updateDefaults(argument: _dhcplane_v1_UpdateDefaultsRequest, callback: grpc.requestCallback<_dhcplane_v1_ServerDefaults__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Defaults: server-wide settings that are not DHCP options. Today the boot
 * fields of the DHCPv4 header, which a subnet or a reservation may set for
 * its own clients instead.
 */
export interface DefaultsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The current defaults.
   */
  GetDefaults: grpc.handleUnaryCall<_dhcplane_v1_GetDefaultsRequest__Output, _dhcplane_v1_ServerDefaults>;
  
  /**
   * Changes the defaults; fields left unset keep their values.
   */
  UpdateDefaults: grpc.handleUnaryCall<_dhcplane_v1_UpdateDefaultsRequest__Output, _dhcplane_v1_ServerDefaults>;
  
}

export interface DefaultsDefinition extends grpc.ServiceDefinition {
  GetDefaults: MethodDefinition<_dhcplane_v1_GetDefaultsRequest, _dhcplane_v1_ServerDefaults, _dhcplane_v1_GetDefaultsRequest__Output, _dhcplane_v1_ServerDefaults__Output>
  UpdateDefaults: MethodDefinition<_dhcplane_v1_UpdateDefaultsRequest, _dhcplane_v1_ServerDefaults, _dhcplane_v1_UpdateDefaultsRequest__Output, _dhcplane_v1_ServerDefaults__Output>
}
