// Original file: proto/dhcplane/v1/tokens.proto


/**
 * The token to revoke.
 */
export interface RevokeTokenRequest {
  /**
   * Its name.
   */
  'name'?: (string);
}

/**
 * The token to revoke.
 */
export interface RevokeTokenRequest__Output {
  /**
   * Its name.
   */
  'name': (string);
}
