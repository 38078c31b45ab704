// Original file: proto/dhcplane/v1/subnets.proto

import type { Subnet as _dhcplane_v1_Subnet, Subnet__Output as _dhcplane_v1_Subnet__Output } from '../../dhcplane/v1/Subnet';

/**
 * A page of subnets.
 */
export interface ListSubnetsResponse {
  /**
   * Subnets in id order.
   */
  'subnets'?: (_dhcplane_v1_Subnet)[];
  /**
   * Empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * A page of subnets.
 */
export interface ListSubnetsResponse__Output {
  /**
   * Subnets in id order.
   */
  'subnets': (_dhcplane_v1_Subnet__Output)[];
  /**
   * Empty on the last page.
   */
  'next_page_token': (string);
}
