// Original file: proto/dhcplane/v1/reservations.proto

import type { Reservation as _dhcplane_v1_Reservation, Reservation__Output as _dhcplane_v1_Reservation__Output } from '../../dhcplane/v1/Reservation';

/**
 * A page of reservations.
 */
export interface ListReservationsResponse {
  /**
   * Reservations in id order.
   */
  'reservations'?: (_dhcplane_v1_Reservation)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * A page of reservations.
 */
export interface ListReservationsResponse__Output {
  /**
   * Reservations in id order.
   */
  'reservations': (_dhcplane_v1_Reservation__Output)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
