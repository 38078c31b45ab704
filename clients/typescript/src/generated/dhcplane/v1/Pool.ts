// Original file: proto/dhcplane/v1/pools.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A range of a subnet handed out dynamically.
 */
export interface Pool {
  /**
   * Assigned by the server.
   */
  'id'?: (number | string | Long);
  /**
   * The subnet the range lies in.
   */
  'subnet_id'?: (number | string | Long);
  /**
   * First and last address of the range, inclusive.
   */
  'start'?: (string);
  /**
   * Last address of the range.
   */
  'end'?: (string);
  /**
   * Addresses or ranges ("10.0.0.150" or "10.0.0.150-10.0.0.159") inside the
   * pool that are never handed out.
   */
  'exclusions'?: (string)[];
  /**
   * Free text for operators.
   */
  'description'?: (string);
}

/**
 * A range of a subnet handed out dynamically.
 */
export interface Pool__Output {
  /**
   * Assigned by the server.
   */
  'id': (string);
  /**
   * The subnet the range lies in.
   */
  'subnet_id': (string);
  /**
   * First and last address of the range, inclusive.
   */
  'start': (string);
  /**
   * Last address of the range.
   */
  'end': (string);
  /**
   * Addresses or ranges ("10.0.0.150" or "10.0.0.150-10.0.0.159") inside the
   * pool that are never handed out.
   */
  'exclusions': (string)[];
  /**
   * Free text for operators.
   */
  'description': (string);
}
