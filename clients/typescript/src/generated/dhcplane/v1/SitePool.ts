// Original file: proto/dhcplane/v1/site.proto

import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';

/**
 * A pool of a subnet.
 */
export interface SitePool {
  /**
   * Identity within the subnet: first and last address, inclusive.
   */
  'start'?: (string);
  /**
   * Last address, inclusive.
   */
  'end'?: (string);
  /**
   * Addresses or ranges of the pool never handed out.
   */
  'exclusions'?: (string)[];
  /**
   * Free text for operators.
   */
  'description'?: (string);
  /**
   * Options at pool scope.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
}

/**
 * A pool of a subnet.
 */
export interface SitePool__Output {
  /**
   * Identity within the subnet: first and last address, inclusive.
   */
  'start': (string);
  /**
   * Last address, inclusive.
   */
  'end': (string);
  /**
   * Addresses or ranges of the pool never handed out.
   */
  'exclusions': (string)[];
  /**
   * Free text for operators.
   */
  'description': (string);
  /**
   * Options at pool scope.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
}
