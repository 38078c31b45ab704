// Original file: proto/dhcplane/v1/common.proto


/**
 * A DHCP option as stored, in both forms.
 */
export interface OptionValue {
  /**
   * Option code, 1..254.
   */
  'code'?: (number);
  /**
   * Canonical name, or "option-N" for a code without one.
   */
  'name'?: (string);
  /**
   * Text form of the value; hex when the bytes do not parse as the option's type.
   */
  'value'?: (string);
  /**
   * The bytes sent on the wire.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A DHCP option as stored, in both forms.
 */
export interface OptionValue__Output {
  /**
   * Option code, 1..254.
   */
  'code': (number);
  /**
   * Canonical name, or "option-N" for a code without one.
   */
  'name': (string);
  /**
   * Text form of the value; hex when the bytes do not parse as the option's type.
   */
  'value': (string);
  /**
   * The bytes sent on the wire.
   */
  'data': (Buffer);
}
