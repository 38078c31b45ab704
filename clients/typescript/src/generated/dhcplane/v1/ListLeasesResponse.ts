// Original file: proto/dhcplane/v1/leases.proto

import type { Lease as _dhcplane_v1_Lease, Lease__Output as _dhcplane_v1_Lease__Output } from '../../dhcplane/v1/Lease';

/**
 * A page of leases.
 */
export interface ListLeasesResponse {
  /**
   * Leases in address order.
   */
  'leases'?: (_dhcplane_v1_Lease)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * A page of leases.
 */
export interface ListLeasesResponse__Output {
  /**
   * Leases in address order.
   */
  'leases': (_dhcplane_v1_Lease__Output)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
