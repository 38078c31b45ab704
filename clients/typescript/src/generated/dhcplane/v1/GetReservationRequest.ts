// Original file: proto/dhcplane/v1/reservations.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The reservation to get.
 */
export interface GetReservationRequest {
  /**
   * By id.
   */
  'id'?: (number | string | Long);
  /**
   * By reserved address.
   */
  'ip'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"ip";
}

/**
 * The reservation to get.
 */
export interface GetReservationRequest__Output {
  /**
   * By id.
   */
  'id'?: (string);
  /**
   * By reserved address.
   */
  'ip'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"ip";
}
