// Original file: proto/dhcplane/v1/pools.proto

import type { Pool as _dhcplane_v1_Pool, Pool__Output as _dhcplane_v1_Pool__Output } from '../../dhcplane/v1/Pool';

/**
 * A pool to create.
 */
export interface CreatePoolRequest {
  /**
   * The pool; id is ignored.
   */
  'pool'?: (_dhcplane_v1_Pool | null);
}

/**
 * A pool to create.
 */
export interface CreatePoolRequest__Output {
  /**
   * The pool; id is ignored.
   */
  'pool': (_dhcplane_v1_Pool__Output | null);
}
