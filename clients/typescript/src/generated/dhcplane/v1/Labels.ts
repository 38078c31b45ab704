// Original file: proto/dhcplane/v1/reservations.proto


/**
 * A set of labels (a message so that "unset" and "empty" differ).
 */
export interface Labels {
  /**
   * Labels by key.
   */
  'labels'?: ({[key: string]: string});
}

/**
 * A set of labels (a message so that "unset" and "empty" differ).
 */
export interface Labels__Output {
  /**
   * Labels by key.
   */
  'labels': ({[key: string]: string});
}
