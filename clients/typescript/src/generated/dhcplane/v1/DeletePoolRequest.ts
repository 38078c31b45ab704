// Original file: proto/dhcplane/v1/pools.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The pool to delete.
 */
export interface DeletePoolRequest {
  /**
   * Its id.
   */
  'id'?: (number | string | Long);
}

/**
 * The pool to delete.
 */
export interface DeletePoolRequest__Output {
  /**
   * Its id.
   */
  'id': (string);
}
