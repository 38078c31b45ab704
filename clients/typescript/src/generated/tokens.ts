import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateTokenRequest as _dhcplane_v1_CreateTokenRequest, CreateTokenRequest__Output as _dhcplane_v1_CreateTokenRequest__Output } from './dhcplane/v1/CreateTokenRequest';
import type { CreateTokenResponse as _dhcplane_v1_CreateTokenResponse, CreateTokenResponse__Output as _dhcplane_v1_CreateTokenResponse__Output } from './dhcplane/v1/CreateTokenResponse';
import type { ListTokensRequest as _dhcplane_v1_ListTokensRequest, ListTokensRequest__Output as _dhcplane_v1_ListTokensRequest__Output } from './dhcplane/v1/ListTokensRequest';
import type { ListTokensResponse as _dhcplane_v1_ListTokensResponse, ListTokensResponse__Output as _dhcplane_v1_ListTokensResponse__Output } from './dhcplane/v1/ListTokensResponse';
import type { RevokeTokenRequest as _dhcplane_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _dhcplane_v1_RevokeTokenRequest__Output } from './dhcplane/v1/RevokeTokenRequest';
import type { Token as _dhcplane_v1_Token, Token__Output as _dhcplane_v1_Token__Output } from './dhcplane/v1/Token';
import type { TokensClient as _dhcplane_v1_TokensClient, TokensDefinition as _dhcplane_v1_TokensDefinition } from './dhcplane/v1/Tokens';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dhcplane: {
    v1: {
      CreateTokenRequest: MessageTypeDefinition<_dhcplane_v1_CreateTokenRequest, _dhcplane_v1_CreateTokenRequest__Output>
      CreateTokenResponse: MessageTypeDefinition<_dhcplane_v1_CreateTokenResponse, _dhcplane_v1_CreateTokenResponse__Output>
      ListTokensRequest: MessageTypeDefinition<_dhcplane_v1_ListTokensRequest, _dhcplane_v1_ListTokensRequest__Output>
      ListTokensResponse: MessageTypeDefinition<_dhcplane_v1_ListTokensResponse, _dhcplane_v1_ListTokensResponse__Output>
      RevokeTokenRequest: MessageTypeDefinition<_dhcplane_v1_RevokeTokenRequest, _dhcplane_v1_RevokeTokenRequest__Output>
      Role: EnumTypeDefinition
      Token: MessageTypeDefinition<_dhcplane_v1_Token, _dhcplane_v1_Token__Output>
      /**
       * Tokens: bearer tokens for the API, each with a role. Admin only.
       */
      Tokens: SubtypeConstructor<typeof grpc.Client, _dhcplane_v1_TokensClient> & { service: _dhcplane_v1_TokensDefinition }
    }
  }
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
}

