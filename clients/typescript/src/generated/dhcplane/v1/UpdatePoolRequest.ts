// Original file: proto/dhcplane/v1/pools.proto

import type { Exclusions as _dhcplane_v1_Exclusions, Exclusions__Output as _dhcplane_v1_Exclusions__Output } from '../../dhcplane/v1/Exclusions';
import type { Long } from '@grpc/proto-loader';

/**
 * Changes to a pool; fields left unset keep their values.
 */
export interface UpdatePoolRequest {
  /**
   * The pool to change.
   */
  'id'?: (number | string | Long);
  /**
   * New first address.
   */
  'start'?: (string);
  /**
   * New last address.
   */
  'end'?: (string);
  /**
   * When set, replaces the exclusion list.
   */
  'exclusions'?: (_dhcplane_v1_Exclusions | null);
  /**
   * New description.
   */
  'description'?: (string);
  '_start'?: "start";
  '_end'?: "end";
  '_exclusions'?: "exclusions";
  '_description'?: "description";
}

/**
 * Changes to a pool; fields left unset keep their values.
 */
export interface UpdatePoolRequest__Output {
  /**
   * The pool to change.
   */
  'id': (string);
  /**
   * New first address.
   */
  'start'?: (string);
  /**
   * New last address.
   */
  'end'?: (string);
  /**
   * When set, replaces the exclusion list.
   */
  'exclusions'?: (_dhcplane_v1_Exclusions__Output | null);
  /**
   * New description.
   */
  'description'?: (string);
  '_start'?: "start";
  '_end'?: "end";
  '_exclusions'?: "exclusions";
  '_description'?: "description";
}
