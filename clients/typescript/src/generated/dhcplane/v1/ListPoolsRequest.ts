// Original file: proto/dhcplane/v1/pools.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Which pools to list.
 */
export interface ListPoolsRequest {
  /**
   * Only pools of this subnet (0: all).
   */
  'subnet_id'?: (number | string | Long);
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size'?: (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token'?: (string);
}

/**
 * Which pools to list.
 */
export interface ListPoolsRequest__Output {
  /**
   * Only pools of this subnet (0: all).
   */
  'subnet_id': (string);
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token': (string);
}
