// Original file: proto/dhcplane/v1/leases.proto

import type { LeaseState as _dhcplane_v1_LeaseState, LeaseState__Output as _dhcplane_v1_LeaseState__Output } from '../../dhcplane/v1/LeaseState';
import type { Long } from '@grpc/proto-loader';

/**
 * Which leases to list; filters combine with AND.
 */
export interface ListLeasesRequest {
  /**
   * Only this subnet (0: all).
   */
  'subnet_id'?: (number | string | Long);
  /**
   * Only this MAC address.
   */
  'mac'?: (string);
  /**
   * Only this state (UNSPECIFIED: all).
   */
  'state'?: (_dhcplane_v1_LeaseState);
  /**
   * Only this address.
   */
  'ip'?: (string);
  /**
   * Only this client identifier (hex).
   */
  'client_id'?: (string);
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
 * Which leases to list; filters combine with AND.
 */
export interface ListLeasesRequest__Output {
  /**
   * Only this subnet (0: all).
   */
  'subnet_id': (string);
  /**
   * Only this MAC address.
   */
  'mac': (string);
  /**
   * Only this state (UNSPECIFIED: all).
   */
  'state': (_dhcplane_v1_LeaseState__Output);
  /**
   * Only this address.
   */
  'ip': (string);
  /**
   * Only this client identifier (hex).
   */
  'client_id': (string);
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token': (string);
}
