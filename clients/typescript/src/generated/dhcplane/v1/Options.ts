// Original file: proto/dhcplane/v1/options.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeleteOptionRequest as _dhcplane_v1_DeleteOptionRequest, DeleteOptionRequest__Output as _dhcplane_v1_DeleteOptionRequest__Output } from '../../dhcplane/v1/DeleteOptionRequest';
import type { DeleteOptionResponse as _dhcplane_v1_DeleteOptionResponse, DeleteOptionResponse__Output as _dhcplane_v1_DeleteOptionResponse__Output } from '../../dhcplane/v1/DeleteOptionResponse';
import type { ListOptionDefinitionsRequest as _dhcplane_v1_ListOptionDefinitionsRequest, ListOptionDefinitionsRequest__Output as _dhcplane_v1_ListOptionDefinitionsRequest__Output } from '../../dhcplane/v1/ListOptionDefinitionsRequest';
import type { ListOptionDefinitionsResponse as _dhcplane_v1_ListOptionDefinitionsResponse, ListOptionDefinitionsResponse__Output as _dhcplane_v1_ListOptionDefinitionsResponse__Output } from '../../dhcplane/v1/ListOptionDefinitionsResponse';
import type { ListOptionsRequest as _dhcplane_v1_ListOptionsRequest, ListOptionsRequest__Output as _dhcplane_v1_ListOptionsRequest__Output } from '../../dhcplane/v1/ListOptionsRequest';
import type { ListOptionsResponse as _dhcplane_v1_ListOptionsResponse, ListOptionsResponse__Output as _dhcplane_v1_ListOptionsResponse__Output } from '../../dhcplane/v1/ListOptionsResponse';
import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from '../../dhcplane/v1/OptionValue';
import type { SetOptionRequest as _dhcplane_v1_SetOptionRequest, SetOptionRequest__Output as _dhcplane_v1_SetOptionRequest__Output } from '../../dhcplane/v1/SetOptionRequest';

/**
 * Options: DHCP options at global, subnet, pool and reservation scope.
 */
export interface OptionsClient extends grpc.Client {
  /**
   * Removes an option from a scope.
   */
  DeleteOption(argument: _dhcplane_v1_DeleteOptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  DeleteOption(argument: _dhcplane_v1_DeleteOptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  DeleteOption(argument: _dhcplane_v1_DeleteOptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  DeleteOption(argument: _dhcplane_v1_DeleteOptionRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes an option from a scope.
   */
  deleteOption(argument: _dhcplane_v1_DeleteOptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  deleteOption(argument: _dhcplane_v1_DeleteOptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  deleteOption(argument: _dhcplane_v1_DeleteOptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  deleteOption(argument: _dhcplane_v1_DeleteOptionRequest, callback: grpc.requestCallback<_dhcplane_v1_DeleteOptionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every option name the server knows, with its code and value type.
   */
  ListOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every option name the server knows, with its code and value type.
   */
  listOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  listOptionDefinitions(argument: _dhcplane_v1_ListOptionDefinitionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionDefinitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The options set at exactly this scope.
   */
  ListOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptions(argument: _dhcplane_v1_ListOptionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ListOptions(argument: _dhcplane_v1_ListOptionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The options set at exactly this scope.
   */
  listOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  listOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  listOptions(argument: _dhcplane_v1_ListOptionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  listOptions(argument: _dhcplane_v1_ListOptionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The options a client at this scope receives after inheritance.
   */
  ResolveOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ResolveOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ResolveOptions(argument: _dhcplane_v1_ListOptionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  ResolveOptions(argument: _dhcplane_v1_ListOptionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The options a client at this scope receives after inheritance.
   */
  resolveOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  resolveOptions(argument: _dhcplane_v1_ListOptionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  resolveOptions(argument: _dhcplane_v1_ListOptionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  resolveOptions(argument: _dhcplane_v1_ListOptionsRequest, callback: grpc.requestCallback<_dhcplane_v1_ListOptionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sets an option at a scope, replacing any value it had there.
   */
  SetOption(argument: _dhcplane_v1_SetOptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  SetOption(argument: _dhcplane_v1_SetOptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  SetOption(argument: _dhcplane_v1_SetOptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  SetOption(argument: _dhcplane_v1_SetOptionRequest, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  /**
   * Sets an option at a scope, replacing any value it had there.
   */
  setOption(argument: _dhcplane_v1_SetOptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  setOption(argument: _dhcplane_v1_SetOptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  setOption(argument: _dhcplane_v1_SetOptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  setOption(argument: _dhcplane_v1_SetOptionRequest, callback: grpc.requestCallback<_dhcplane_v1_OptionValue__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Options: DHCP options at global, subnet, pool and reservation scope.
 */
export interface OptionsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Removes an option from a scope.
   */
  DeleteOption: grpc.handleUnaryCall<_dhcplane_v1_DeleteOptionRequest__Output, _dhcplane_v1_DeleteOptionResponse>;
  
  /**
   * Every option name the server knows, with its code and value type.
   */
  ListOptionDefinitions: grpc.handleUnaryCall<_dhcplane_v1_ListOptionDefinitionsRequest__Output, _dhcplane_v1_ListOptionDefinitionsResponse>;
  
  /**
   * The options set at exactly this scope.
   */
  ListOptions: grpc.handleUnaryCall<_dhcplane_v1_ListOptionsRequest__Output, _dhcplane_v1_ListOptionsResponse>;
  
  /**
   * The options a client at this scope receives after inheritance.
   */
  ResolveOptions: grpc.handleUnaryCall<_dhcplane_v1_ListOptionsRequest__Output, _dhcplane_v1_ListOptionsResponse>;
  
  /**
   * Sets an option at a scope, replacing any value it had there.
   */
  SetOption: grpc.handleUnaryCall<_dhcplane_v1_SetOptionRequest__Output, _dhcplane_v1_OptionValue>;
  
}

export interface OptionsDefinition extends grpc.ServiceDefinition {
  DeleteOption: MethodDefinition<_dhcplane_v1_DeleteOptionRequest, _dhcplane_v1_DeleteOptionResponse, _dhcplane_v1_DeleteOptionRequest__Output, _dhcplane_v1_DeleteOptionResponse__Output>
  ListOptionDefinitions: MethodDefinition<_dhcplane_v1_ListOptionDefinitionsRequest, _dhcplane_v1_ListOptionDefinitionsResponse, _dhcplane_v1_ListOptionDefinitionsRequest__Output, _dhcplane_v1_ListOptionDefinitionsResponse__Output>
  ListOptions: MethodDefinition<_dhcplane_v1_ListOptionsRequest, _dhcplane_v1_ListOptionsResponse, _dhcplane_v1_ListOptionsRequest__Output, _dhcplane_v1_ListOptionsResponse__Output>
  ResolveOptions: MethodDefinition<_dhcplane_v1_ListOptionsRequest, _dhcplane_v1_ListOptionsResponse, _dhcplane_v1_ListOptionsRequest__Output, _dhcplane_v1_ListOptionsResponse__Output>
  SetOption: MethodDefinition<_dhcplane_v1_SetOptionRequest, _dhcplane_v1_OptionValue, _dhcplane_v1_SetOptionRequest__Output, _dhcplane_v1_OptionValue__Output>
}
