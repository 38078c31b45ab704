// Original file: proto/dhcplane/v1/leases.proto

/**
 * Where a lease is in its life.
 */
export const LeaseState = {
  /**
   * Not a state; in a filter, any state.
   */
  LEASE_STATE_UNSPECIFIED: 'LEASE_STATE_UNSPECIFIED',
  /**
   * Offered and held briefly for the client to request.
   */
  LEASE_STATE_OFFERED: 'LEASE_STATE_OFFERED',
  /**
   * Acknowledged: the client holds the address.
   */
  LEASE_STATE_BOUND: 'LEASE_STATE_BOUND',
  /**
   * Given back by the client or an operator.
   */
  LEASE_STATE_RELEASED: 'LEASE_STATE_RELEASED',
  /**
   * Not renewed before it ended.
   */
  LEASE_STATE_EXPIRED: 'LEASE_STATE_EXPIRED',
  /**
   * Declined by a client that found the address in use; held in
   * probation.
   */
  LEASE_STATE_DECLINED: 'LEASE_STATE_DECLINED',
} as const;

/**
 * Where a lease is in its life.
 */
export type LeaseState =
  /**
   * Not a state; in a filter, any state.
   */
  | 'LEASE_STATE_UNSPECIFIED'
  | 0
  /**
   * Offered and held briefly for the client to request.
   */
  | 'LEASE_STATE_OFFERED'
  | 1
  /**
   * Acknowledged: the client holds the address.
   */
  | 'LEASE_STATE_BOUND'
  | 2
  /**
   * Given back by the client or an operator.
   */
  | 'LEASE_STATE_RELEASED'
  | 3
  /**
   * Not renewed before it ended.
   */
  | 'LEASE_STATE_EXPIRED'
  | 4
  /**
   * Declined by a client that found the address in use; held in
   * probation.
   */
  | 'LEASE_STATE_DECLINED'
  | 5

/**
 * Where a lease is in its life.
 */
export type LeaseState__Output = typeof LeaseState[keyof typeof LeaseState]
