// Original file: proto/dhcplane/v1/defaults.proto


/**
 * Server-wide defaults (also the `defaults` of a site document).
 */
export interface ServerDefaults {
  /**
   * Server for the next boot stage, sent as siaddr ("next-server"); empty:
   * none.
   */
  'next_server'?: (string);
  /**
   * Server host name, sent in the sname field (and as option 66 when asked).
   */
  'server_name'?: (string);
  /**
   * Boot file name, sent in the file field (and as option 67 when asked).
   */
  'boot_file'?: (string);
}

/**
 * Server-wide defaults (also the `defaults` of a site document).
 */
export interface ServerDefaults__Output {
  /**
   * Server for the next boot stage, sent as siaddr ("next-server"); empty:
   * none.
   */
  'next_server': (string);
  /**
   * Server host name, sent in the sname field (and as option 66 when asked).
   */
  'server_name': (string);
  /**
   * Boot file name, sent in the file field (and as option 67 when asked).
   */
  'boot_file': (string);
}
