// Original file: proto/dhcplane/v1/options.proto

import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from '../../dhcplane/v1/OptionScope';

/**
 * The scope whose options to list.
 */
export interface ListOptionsRequest {
  /**
   * The scope.
   */
  'scope'?: (_dhcplane_v1_OptionScope | null);
}

/**
 * The scope whose options to list.
 */
export interface ListOptionsRequest__Output {
  /**
   * The scope.
   */
  'scope': (_dhcplane_v1_OptionScope__Output | null);
}
