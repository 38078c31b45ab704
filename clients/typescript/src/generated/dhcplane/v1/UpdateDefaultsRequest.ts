// Original file: proto/dhcplane/v1/defaults.proto


/**
 * Changes to the defaults.
 */
export interface UpdateDefaultsRequest {
  /**
   * New next server; empty clears it.
   */
  'next_server'?: (string);
  /**
   * New server host name; empty clears it.
   */
  'server_name'?: (string);
  /**
   * New boot file name; empty clears it.
   */
  'boot_file'?: (string);
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}

/**
 * Changes to the defaults.
 */
export interface UpdateDefaultsRequest__Output {
  /**
   * New next server; empty clears it.
   */
  'next_server'?: (string);
  /**
   * New server host name; empty clears it.
   */
  'server_name'?: (string);
  /**
   * New boot file name; empty clears it.
   */
  'boot_file'?: (string);
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}
