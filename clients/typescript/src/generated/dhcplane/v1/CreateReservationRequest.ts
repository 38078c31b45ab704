// Original file: proto/dhcplane/v1/reservations.proto

import type { Reservation as _dhcplane_v1_Reservation, Reservation__Output as _dhcplane_v1_Reservation__Output } from '../../dhcplane/v1/Reservation';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';

/**
 * A reservation to create.
 */
export interface CreateReservationRequest {
  /**
   * The reservation; id is ignored.
   */
  'reservation'?: (_dhcplane_v1_Reservation | null);
  /**
   * Options set on the reservation in the same transaction.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
}

/**
 * A reservation to create.
 */
export interface CreateReservationRequest__Output {
  /**
   * The reservation; id is ignored.
   */
  'reservation': (_dhcplane_v1_Reservation__Output | null);
  /**
   * Options set on the reservation in the same transaction.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
}
