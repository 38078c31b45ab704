// Original file: proto/dhcplane/v1/options.proto

import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from '../../dhcplane/v1/OptionScope';

/**
 * An option to remove.
 */
export interface DeleteOptionRequest {
  /**
   * Where it is set.
   */
  'scope'?: (_dhcplane_v1_OptionScope | null);
  /**
   * Name or decimal code.
   */
  'name'?: (string);
}

/**
 * An option to remove.
 */
export interface DeleteOptionRequest__Output {
  /**
   * Where it is set.
   */
  'scope': (_dhcplane_v1_OptionScope__Output | null);
  /**
   * Name or decimal code.
   */
  'name': (string);
}
