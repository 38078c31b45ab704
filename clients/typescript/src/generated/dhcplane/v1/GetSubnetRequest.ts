// Original file: proto/dhcplane/v1/subnets.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The subnet to get.
 */
export interface GetSubnetRequest {
  /**
   * By id.
   */
  'id'?: (number | string | Long);
  /**
   * By network, e.g. "10.0.0.0/24".
   */
  'cidr'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"cidr";
}

/**
 * The subnet to get.
 */
export interface GetSubnetRequest__Output {
  /**
   * By id.
   */
  'id'?: (string);
  /**
   * By network, e.g. "10.0.0.0/24".
   */
  'cidr'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"cidr";
}
