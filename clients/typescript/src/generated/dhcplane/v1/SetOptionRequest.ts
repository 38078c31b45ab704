// Original file: proto/dhcplane/v1/options.proto

import type { OptionScope as _dhcplane_v1_OptionScope, OptionScope__Output as _dhcplane_v1_OptionScope__Output } from '../../dhcplane/v1/OptionScope';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';

/**
 * An option to set.
 */
export interface SetOptionRequest {
  /**
   * Where to set it.
   */
  'scope'?: (_dhcplane_v1_OptionScope | null);
  /**
   * The option and its value.
   */
  'option'?: (_dhcplane_v1_OptionSetting | null);
}

/**
 * An option to set.
 */
export interface SetOptionRequest__Output {
  /**
   * Where to set it.
   */
  'scope': (_dhcplane_v1_OptionScope__Output | null);
  /**
   * The option and its value.
   */
  'option': (_dhcplane_v1_OptionSetting__Output | null);
}
