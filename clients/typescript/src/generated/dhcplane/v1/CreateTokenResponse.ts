// Original file: proto/dhcplane/v1/tokens.proto

import type { Token as _dhcplane_v1_Token, Token__Output as _dhcplane_v1_Token__Output } from '../../dhcplane/v1/Token';

/**
 * The new token and its secret.
 */
export interface CreateTokenResponse {
  /**
   * The token.
   */
  'token'?: (_dhcplane_v1_Token | null);
  /**
   * The bearer secret: send as `authorization: Bearer SECRET`.
   */
  'secret'?: (string);
}

/**
 * The new token and its secret.
 */
export interface CreateTokenResponse__Output {
  /**
   * The token.
   */
  'token': (_dhcplane_v1_Token__Output | null);
  /**
   * The bearer secret: send as `authorization: Bearer SECRET`.
   */
  'secret': (string);
}
