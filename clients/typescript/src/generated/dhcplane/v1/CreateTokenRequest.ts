// Original file: proto/dhcplane/v1/tokens.proto

import type { Role as _dhcplane_v1_Role, Role__Output as _dhcplane_v1_Role__Output } from '../../dhcplane/v1/Role';

/**
 * A token to create.
 */
export interface CreateTokenRequest {
  /**
   * Unique name: letters, digits, "-", "_" and ".", 1 to 64.
   */
  'name'?: (string);
  /**
   * Its role.
   */
  'role'?: (_dhcplane_v1_Role);
}

/**
 * A token to create.
 */
export interface CreateTokenRequest__Output {
  /**
   * Unique name: letters, digits, "-", "_" and ".", 1 to 64.
   */
  'name': (string);
  /**
   * Its role.
   */
  'role': (_dhcplane_v1_Role__Output);
}
