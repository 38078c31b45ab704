// Original file: proto/dhcplane/v1/site.proto

import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';

/**
 * A reservation of a subnet. Matched to an existing one by ip, then by MAC,
 * then by client-id.
 */
export interface SiteReservation {
  /**
   * MAC address; at least one of mac and client_id.
   */
  'mac'?: (string);
  /**
   * Client identifier (option 61) as hex.
   */
  'client_id'?: (string);
  /**
   * The reserved address, inside the subnet.
   */
  'ip'?: (string);
  /**
   * Host name given to the client.
   */
  'hostname'?: (string);
  /**
   * Free-form metadata.
   */
  'labels'?: ({[key: string]: string});
  /**
   * Options for this client alone.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
  /**
   * Server for the next boot stage (siaddr); empty: the subnet's.
   */
  'next_server'?: (string);
  /**
   * Server host name (sname); empty: the subnet's.
   */
  'server_name'?: (string);
  /**
   * Boot file name (file); empty: the subnet's.
   */
  'boot_file'?: (string);
}

/**
 * A reservation of a subnet. Matched to an existing one by ip, then by MAC,
 * then by client-id.
 */
export interface SiteReservation__Output {
  /**
   * MAC address; at least one of mac and client_id.
   */
  'mac': (string);
  /**
   * Client identifier (option 61) as hex.
   */
  'client_id': (string);
  /**
   * The reserved address, inside the subnet.
   */
  'ip': (string);
  /**
   * Host name given to the client.
   */
  'hostname': (string);
  /**
   * Free-form metadata.
   */
  'labels': ({[key: string]: string});
  /**
   * Options for this client alone.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
  /**
   * Server for the next boot stage (siaddr); empty: the subnet's.
   */
  'next_server': (string);
  /**
   * Server host name (sname); empty: the subnet's.
   */
  'server_name': (string);
  /**
   * Boot file name (file); empty: the subnet's.
   */
  'boot_file': (string);
}
