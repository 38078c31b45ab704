// Original file: proto/dhcplane/v1/subnets.proto

import type { RelayAddresses as _dhcplane_v1_RelayAddresses, RelayAddresses__Output as _dhcplane_v1_RelayAddresses__Output } from '../../dhcplane/v1/RelayAddresses';
import type { Long } from '@grpc/proto-loader';

/**
 * Changes to a subnet.
 */
export interface UpdateSubnetRequest {
  /**
   * The subnet to change.
   */
  'id'?: (number | string | Long);
  /**
   * Fields left unset keep their values.
   */
  'interface'?: (string);
  /**
   * When set, replaces the relay address list.
   */
  'relay_addresses'?: (_dhcplane_v1_RelayAddresses | null);
  /**
   * New shortest lease.
   */
  'lease_time_min'?: (number);
  /**
   * New default lease.
   */
  'lease_time_default'?: (number);
  /**
   * New longest lease.
   */
  'lease_time_max'?: (number);
  /**
   * New renewal time; 0 restores the default.
   */
  't1'?: (number);
  /**
   * New rebinding time; 0 restores the default.
   */
  't2'?: (number);
  /**
   * Whether to NAK requests known to be wrong.
   */
  'authoritative'?: (boolean);
  /**
   * New description.
   */
  'description'?: (string);
  /**
   * Whether to answer rapid-commit DISCOVERs with ACK.
   */
  'rapid_commit'?: (boolean);
  /**
   * Whether to serve BOOTP clients with a reservation.
   */
  'bootp'?: (boolean);
  /**
   * Whether to serve BOOTP clients without a reservation from the pools.
   */
  'bootp_dynamic'?: (boolean);
  /**
   * New dynamic BOOTP lease time; 0: bindings do not expire.
   */
  'bootp_lease_time'?: (number);
  /**
   * New next server; empty clears it (the server-wide default applies).
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
  '_interface'?: "interface";
  '_relay_addresses'?: "relay_addresses";
  '_lease_time_min'?: "lease_time_min";
  '_lease_time_default'?: "lease_time_default";
  '_lease_time_max'?: "lease_time_max";
  '_t1'?: "t1";
  '_t2'?: "t2";
  '_authoritative'?: "authoritative";
  '_description'?: "description";
  '_rapid_commit'?: "rapid_commit";
  '_bootp'?: "bootp";
  '_bootp_dynamic'?: "bootp_dynamic";
  '_bootp_lease_time'?: "bootp_lease_time";
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}

/**
 * Changes to a subnet.
 */
export interface UpdateSubnetRequest__Output {
  /**
   * The subnet to change.
   */
  'id': (string);
  /**
   * Fields left unset keep their values.
   */
  'interface'?: (string);
  /**
   * When set, replaces the relay address list.
   */
  'relay_addresses'?: (_dhcplane_v1_RelayAddresses__Output | null);
  /**
   * New shortest lease.
   */
  'lease_time_min'?: (number);
  /**
   * New default lease.
   */
  'lease_time_default'?: (number);
  /**
   * New longest lease.
   */
  'lease_time_max'?: (number);
  /**
   * New renewal time; 0 restores the default.
   */
  't1'?: (number);
  /**
   * New rebinding time; 0 restores the default.
   */
  't2'?: (number);
  /**
   * Whether to NAK requests known to be wrong.
   */
  'authoritative'?: (boolean);
  /**
   * New description.
   */
  'description'?: (string);
  /**
   * Whether to answer rapid-commit DISCOVERs with ACK.
   */
  'rapid_commit'?: (boolean);
  /**
   * Whether to serve BOOTP clients with a reservation.
   */
  'bootp'?: (boolean);
  /**
   * Whether to serve BOOTP clients without a reservation from the pools.
   */
  'bootp_dynamic'?: (boolean);
  /**
   * New dynamic BOOTP lease time; 0: bindings do not expire.
   */
  'bootp_lease_time'?: (number);
  /**
   * New next server; empty clears it (the server-wide default applies).
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
  '_interface'?: "interface";
  '_relay_addresses'?: "relay_addresses";
  '_lease_time_min'?: "lease_time_min";
  '_lease_time_default'?: "lease_time_default";
  '_lease_time_max'?: "lease_time_max";
  '_t1'?: "t1";
  '_t2'?: "t2";
  '_authoritative'?: "authoritative";
  '_description'?: "description";
  '_rapid_commit'?: "rapid_commit";
  '_bootp'?: "bootp";
  '_bootp_dynamic'?: "bootp_dynamic";
  '_bootp_lease_time'?: "bootp_lease_time";
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}
