// Original file: proto/dhcplane/v1/reservations.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A fixed address for one client.
 */
export interface Reservation {
  /**
   * Assigned by the server.
   */
  'id'?: (number | string | Long);
  /**
   * 0 on create: the subnet that contains `ip` is used.
   */
  'subnet_id'?: (number | string | Long);
  /**
   * "02:00:00:00:00:01"; at least one of mac and client_id is required.
   */
  'mac'?: (string);
  /**
   * Client identifier (option 61) as hex, e.g. "01:02:00:00:00:00:01".
   */
  'client_id'?: (string);
  /**
   * The reserved address, inside the subnet.
   */
  'ip'?: (string);
  /**
   * Host name given to the client (option 12).
   */
  'hostname'?: (string);
  /**
   * Free-form metadata for the provisioning system.
   */
  'labels'?: ({[key: string]: string});
  /**
   * Server for the next boot stage (siaddr) for this client; empty: the
   * subnet's.
   */
  'next_server'?: (string);
  /**
   * Server host name (sname) for this client; empty: the subnet's.
   */
  'server_name'?: (string);
  /**
   * Boot file name (file) for this client; empty: the subnet's.
   */
  'boot_file'?: (string);
}

/**
 * A fixed address for one client.
 */
export interface Reservation__Output {
  /**
   * Assigned by the server.
   */
  'id': (string);
  /**
   * 0 on create: the subnet that contains `ip` is used.
   */
  'subnet_id': (string);
  /**
   * "02:00:00:00:00:01"; at least one of mac and client_id is required.
   */
  'mac': (string);
  /**
   * Client identifier (option 61) as hex, e.g. "01:02:00:00:00:00:01".
   */
  'client_id': (string);
  /**
   * The reserved address, inside the subnet.
   */
  'ip': (string);
  /**
   * Host name given to the client (option 12).
   */
  'hostname': (string);
  /**
   * Free-form metadata for the provisioning system.
   */
  'labels': ({[key: string]: string});
  /**
   * Server for the next boot stage (siaddr) for this client; empty: the
   * subnet's.
   */
  'next_server': (string);
  /**
   * Server host name (sname) for this client; empty: the subnet's.
   */
  'server_name': (string);
  /**
   * Boot file name (file) for this client; empty: the subnet's.
   */
  'boot_file': (string);
}
