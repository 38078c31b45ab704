// Original file: proto/dhcplane/v1/pools.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The pool to get.
 */
export interface GetPoolRequest {
  /**
   * Its id.
   */
  'id'?: (number | string | Long);
}

/**
 * The pool to get.
 */
export interface GetPoolRequest__Output {
  /**
   * Its id.
   */
  'id': (string);
}
