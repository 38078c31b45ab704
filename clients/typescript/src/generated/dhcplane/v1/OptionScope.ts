// Original file: proto/dhcplane/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Where an option is set. Options are inherited:
 * reservation > pool > subnet > global.
 */
export interface OptionScope {
  /**
   * Every client (must be true).
   */
  'global'?: (boolean);
  /**
   * Clients of this subnet.
   */
  'subnet_id'?: (number | string | Long);
  /**
   * Clients given an address from this pool.
   */
  'pool_id'?: (number | string | Long);
  /**
   * The client of this reservation.
   */
  'reservation_id'?: (number | string | Long);
  /**
   * Exactly one of these.
   */
  'scope'?: "global"|"subnet_id"|"pool_id"|"reservation_id";
}

/**
 * Where an option is set. Options are inherited:
 * reservation > pool > subnet > global.
 */
export interface OptionScope__Output {
  /**
   * Every client (must be true).
   */
  'global'?: (boolean);
  /**
   * Clients of this subnet.
   */
  'subnet_id'?: (string);
  /**
   * Clients given an address from this pool.
   */
  'pool_id'?: (string);
  /**
   * The client of this reservation.
   */
  'reservation_id'?: (string);
  /**
   * Exactly one of these.
   */
  'scope'?: "global"|"subnet_id"|"pool_id"|"reservation_id";
}
