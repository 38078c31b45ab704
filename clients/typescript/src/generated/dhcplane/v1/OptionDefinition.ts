// Original file: proto/dhcplane/v1/options.proto


/**
 * An option the server knows by name.
 */
export interface OptionDefinition {
  /**
   * Option code, 1..254.
   */
  'code'?: (number);
  /**
   * Canonical name.
   */
  'name'?: (string);
  /**
   * e.g. "ipv4-list", "string", "uint32", "domain-list", "routes", "hex".
   */
  'type'?: (string);
}

/**
 * An option the server knows by name.
 */
export interface OptionDefinition__Output {
  /**
   * Option code, 1..254.
   */
  'code': (number);
  /**
   * Canonical name.
   */
  'name': (string);
  /**
   * e.g. "ipv4-list", "string", "uint32", "domain-list", "routes", "hex".
   */
  'type': (string);
}
