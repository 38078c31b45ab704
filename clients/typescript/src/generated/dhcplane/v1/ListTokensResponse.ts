// Original file: proto/dhcplane/v1/tokens.proto

import type { Token as _dhcplane_v1_Token, Token__Output as _dhcplane_v1_Token__Output } from '../../dhcplane/v1/Token';

/**
 * Every token.
 */
export interface ListTokensResponse {
  /**
   * Tokens by name.
   */
  'tokens'?: (_dhcplane_v1_Token)[];
}

/**
 * Every token.
 */
export interface ListTokensResponse__Output {
  /**
   * Tokens by name.
   */
  'tokens': (_dhcplane_v1_Token__Output)[];
}
