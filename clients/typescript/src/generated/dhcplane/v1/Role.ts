// Original file: proto/dhcplane/v1/tokens.proto

/**
 * What a token may do. Each role includes the ones before it.
 */
export const Role = {
  /**
   * Not a role; refused.
   */
  ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED',
  /**
   * Read everything and watch events.
   */
  ROLE_VIEWER: 'ROLE_VIEWER',
  /**
   * Also create, change and delete subnets, pools, reservations, options;
   * release leases.
   */
  ROLE_OPERATOR: 'ROLE_OPERATOR',
  /**
   * Also manage tokens.
   */
  ROLE_ADMIN: 'ROLE_ADMIN',
} as const;

/**
 * What a token may do. Each role includes the ones before it.
 */
export type Role =
  /**
   * Not a role; refused.
   */
  | 'ROLE_UNSPECIFIED'
  | 0
  /**
   * Read everything and watch events.
   */
  | 'ROLE_VIEWER'
  | 1
  /**
   * Also create, change and delete subnets, pools, reservations, options;
   * release leases.
   */
  | 'ROLE_OPERATOR'
  | 2
  /**
   * Also manage tokens.
   */
  | 'ROLE_ADMIN'
  | 3

/**
 * What a token may do. Each role includes the ones before it.
 */
export type Role__Output = typeof Role[keyof typeof Role]
