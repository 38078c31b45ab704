// Original file: proto/dhcplane/v1/tokens.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateTokenRequest as _dhcplane_v1_CreateTokenRequest, CreateTokenRequest__Output as _dhcplane_v1_CreateTokenRequest__Output } from '../../dhcplane/v1/CreateTokenRequest';
import type { CreateTokenResponse as _dhcplane_v1_CreateTokenResponse, CreateTokenResponse__Output as _dhcplane_v1_CreateTokenResponse__Output } from '../../dhcplane/v1/CreateTokenResponse';
import type { ListTokensRequest as _dhcplane_v1_ListTokensRequest, ListTokensRequest__Output as _dhcplane_v1_ListTokensRequest__Output } from '../../dhcplane/v1/ListTokensRequest';
import type { ListTokensResponse as _dhcplane_v1_ListTokensResponse, ListTokensResponse__Output as _dhcplane_v1_ListTokensResponse__Output } from '../../dhcplane/v1/ListTokensResponse';
import type { RevokeTokenRequest as _dhcplane_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _dhcplane_v1_RevokeTokenRequest__Output } from '../../dhcplane/v1/RevokeTokenRequest';
import type { Token as _dhcplane_v1_Token, Token__Output as _dhcplane_v1_Token__Output } from '../../dhcplane/v1/Token';

/**
 * Tokens: bearer tokens for the API, each with a role. Admin only.
 */
export interface TokensClient extends grpc.Client {
  /**
   * Creates a token; its secret is in the response and nowhere else (the
   * store keeps only a hash).
   */
  CreateToken(argument: _dhcplane_v1_CreateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _dhcplane_v1_CreateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _dhcplane_v1_CreateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _dhcplane_v1_CreateTokenRequest, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a token; its secret is in the response and nowhere else (the
   * store keeps only a hash).
   */
  createToken(argument: _dhcplane_v1_CreateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _dhcplane_v1_CreateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _dhcplane_v1_CreateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _dhcplane_v1_CreateTokenRequest, callback: grpc.requestCallback<_dhcplane_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every token by name (never the secrets).
   */
  ListTokens(argument: _dhcplane_v1_ListTokensRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _dhcplane_v1_ListTokensRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _dhcplane_v1_ListTokensRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _dhcplane_v1_ListTokensRequest, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every token by name (never the secrets).
   */
  listTokens(argument: _dhcplane_v1_ListTokensRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _dhcplane_v1_ListTokensRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _dhcplane_v1_ListTokensRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _dhcplane_v1_ListTokensRequest, callback: grpc.requestCallback<_dhcplane_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Revokes a token by name; calls with it fail from then on.
   */
  RevokeToken(argument: _dhcplane_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _dhcplane_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _dhcplane_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _dhcplane_v1_RevokeTokenRequest, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  /**
   * Revokes a token by name; calls with it fail from then on.
   */
  revokeToken(argument: _dhcplane_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _dhcplane_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _dhcplane_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _dhcplane_v1_RevokeTokenRequest, callback: grpc.requestCallback<_dhcplane_v1_Token__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Tokens: bearer tokens for the API, each with a role. Admin only.
 */
export interface TokensHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a token; its secret is in the response and nowhere else (the
   * store keeps only a hash).
   */
  CreateToken: grpc.handleUnaryCall<_dhcplane_v1_CreateTokenRequest__Output, _dhcplane_v1_CreateTokenResponse>;
  
  /**
   * Every token by name (never the secrets).
   */
  ListTokens: grpc.handleUnaryCall<_dhcplane_v1_ListTokensRequest__Output, _dhcplane_v1_ListTokensResponse>;
  
  /**
   * Revokes a token by name; calls with it fail from then on.
   */
  RevokeToken: grpc.handleUnaryCall<_dhcplane_v1_RevokeTokenRequest__Output, _dhcplane_v1_Token>;
  
}

export interface TokensDefinition extends grpc.ServiceDefinition {
  CreateToken: MethodDefinition<_dhcplane_v1_CreateTokenRequest, _dhcplane_v1_CreateTokenResponse, _dhcplane_v1_CreateTokenRequest__Output, _dhcplane_v1_CreateTokenResponse__Output>
  ListTokens: MethodDefinition<_dhcplane_v1_ListTokensRequest, _dhcplane_v1_ListTokensResponse, _dhcplane_v1_ListTokensRequest__Output, _dhcplane_v1_ListTokensResponse__Output>
  RevokeToken: MethodDefinition<_dhcplane_v1_RevokeTokenRequest, _dhcplane_v1_Token, _dhcplane_v1_RevokeTokenRequest__Output, _dhcplane_v1_Token__Output>
}
