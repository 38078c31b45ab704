// Original file: proto/dhcplane/v1/subnets.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The subnet to delete.
 */
export interface DeleteSubnetRequest {
  /**
   * Its id.
   */
  'id'?: (number | string | Long);
  /**
   * Delete even if the subnet has bound leases.
   */
  'force'?: (boolean);
}

/**
 * The subnet to delete.
 */
export interface DeleteSubnetRequest__Output {
  /**
   * Its id.
   */
  'id': (string);
  /**
   * Delete even if the subnet has bound leases.
   */
  'force': (boolean);
}
