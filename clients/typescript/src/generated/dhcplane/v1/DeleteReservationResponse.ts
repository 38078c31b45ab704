// Original file: proto/dhcplane/v1/reservations.proto

import type { Reservation as _dhcplane_v1_Reservation, Reservation__Output as _dhcplane_v1_Reservation__Output } from '../../dhcplane/v1/Reservation';

/**
 * What was deleted.
 */
export interface DeleteReservationResponse {
  /**
   * The reservation as it was.
   */
  'deleted'?: (_dhcplane_v1_Reservation | null);
}

/**
 * What was deleted.
 */
export interface DeleteReservationResponse__Output {
  /**
   * The reservation as it was.
   */
  'deleted': (_dhcplane_v1_Reservation__Output | null);
}
