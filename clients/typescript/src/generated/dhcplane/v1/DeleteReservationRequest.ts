// Original file: proto/dhcplane/v1/reservations.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The reservation to delete.
 */
export interface DeleteReservationRequest {
  /**
   * By id.
   */
  'id'?: (number | string | Long);
  /**
   * By reserved address.
   */
  'ip'?: (string);
  /**
   * Deletes the reservation of this MAC; fails if several subnets hold one.
   */
  'mac'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"ip"|"mac";
}

/**
 * The reservation to delete.
 */
export interface DeleteReservationRequest__Output {
  /**
   * By id.
   */
  'id'?: (string);
  /**
   * By reserved address.
   */
  'ip'?: (string);
  /**
   * Deletes the reservation of this MAC; fails if several subnets hold one.
   */
  'mac'?: (string);
  /**
   * How it is named.
   */
  'key'?: "id"|"ip"|"mac";
}
