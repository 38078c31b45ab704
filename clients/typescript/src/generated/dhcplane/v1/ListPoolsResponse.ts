// Original file: proto/dhcplane/v1/pools.proto

import type { Pool as _dhcplane_v1_Pool, Pool__Output as _dhcplane_v1_Pool__Output } from '../../dhcplane/v1/Pool';

/**
 * A page of pools.
 */
export interface ListPoolsResponse {
  /**
   * Pools in id order.
   */
  'pools'?: (_dhcplane_v1_Pool)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * A page of pools.
 */
export interface ListPoolsResponse__Output {
  /**
   * Pools in id order.
   */
  'pools': (_dhcplane_v1_Pool__Output)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
