// Original file: proto/dhcplane/v1/options.proto

import type { OptionValue as _dhcplane_v1_OptionValue, OptionValue__Output as _dhcplane_v1_OptionValue__Output } from '../../dhcplane/v1/OptionValue';

/**
 * Options by code.
 */
export interface ListOptionsResponse {
  /**
   * The options.
   */
  'options'?: (_dhcplane_v1_OptionValue)[];
}

/**
 * Options by code.
 */
export interface ListOptionsResponse__Output {
  /**
   * The options.
   */
  'options': (_dhcplane_v1_OptionValue__Output)[];
}
