// Original file: proto/dhcplane/v1/common.proto


/**
 * A DHCP option setting as given by a caller: the option by name
 * ("routers", "ntp-servers") or by decimal code ("224"), and its value in
 * text form ("10.0.0.1,10.0.0.2") or, with `hex` set, as raw hex bytes.
 */
export interface OptionSetting {
  /**
   * Option name ("routers"), alias, or decimal code ("224").
   */
  'name'?: (string);
  /**
   * The value: text in the option's type ("10.0.0.1,10.0.0.2"), or hex
   * bytes ("01:02:03") when `hex` is set.
   */
  'value'?: (string);
  /**
   * `value` is raw hex bytes (for options without a known type).
   */
  'hex'?: (boolean);
}

/**
 * A DHCP option setting as given by a caller: the option by name
 * ("routers", "ntp-servers") or by decimal code ("224"), and its value in
 * text form ("10.0.0.1,10.0.0.2") or, with `hex` set, as raw hex bytes.
 */
export interface OptionSetting__Output {
  /**
   * Option name ("routers"), alias, or decimal code ("224").
   */
  'name': (string);
  /**
   * The value: text in the option's type ("10.0.0.1,10.0.0.2"), or hex
   * bytes ("01:02:03") when `hex` is set.
   */
  'value': (string);
  /**
   * `value` is raw hex bytes (for options without a known type).
   */
  'hex': (boolean);
}
