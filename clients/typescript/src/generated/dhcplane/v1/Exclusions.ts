// Original file: proto/dhcplane/v1/pools.proto


/**
 * A list of exclusions (a message so that "unset" and "empty" differ).
 */
export interface Exclusions {
  /**
   * Addresses or ranges ("10.0.0.150-10.0.0.159").
   */
  'ranges'?: (string)[];
}

/**
 * A list of exclusions (a message so that "unset" and "empty" differ).
 */
export interface Exclusions__Output {
  /**
   * Addresses or ranges ("10.0.0.150-10.0.0.159").
   */
  'ranges': (string)[];
}
