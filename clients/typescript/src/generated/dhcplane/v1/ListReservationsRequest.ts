// Original file: proto/dhcplane/v1/reservations.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Which reservations to list; filters combine with AND.
 */
export interface ListReservationsRequest {
  /**
   * Only this subnet (0: all).
   */
  'subnet_id'?: (number | string | Long);
  /**
   * Only this MAC address.
   */
  'mac'?: (string);
  /**
   * Only this address.
   */
  'ip'?: (string);
  /**
   * Only this host name.
   */
  'hostname'?: (string);
  /**
   * "key=value": only reservations carrying this label.
   */
  'label'?: (string);
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
 * Which reservations to list; filters combine with AND.
 */
export interface ListReservationsRequest__Output {
  /**
   * Only this subnet (0: all).
   */
  'subnet_id': (string);
  /**
   * Only this MAC address.
   */
  'mac': (string);
  /**
   * Only this address.
   */
  'ip': (string);
  /**
   * Only this host name.
   */
  'hostname': (string);
  /**
   * "key=value": only reservations carrying this label.
   */
  'label': (string);
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token': (string);
}
