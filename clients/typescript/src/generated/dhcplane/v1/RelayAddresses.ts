// Original file: proto/dhcplane/v1/subnets.proto


/**
 * A list of relay addresses (a message so that "unset" and "empty" differ).
 */
export interface RelayAddresses {
  /**
   * Relay (giaddr) addresses.
   */
  'addresses'?: (string)[];
}

/**
 * A list of relay addresses (a message so that "unset" and "empty" differ).
 */
export interface RelayAddresses__Output {
  /**
   * Relay (giaddr) addresses.
   */
  'addresses': (string)[];
}
