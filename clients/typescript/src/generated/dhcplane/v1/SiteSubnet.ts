// Original file: proto/dhcplane/v1/site.proto

import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';
import type { SitePool as _dhcplane_v1_SitePool, SitePool__Output as _dhcplane_v1_SitePool__Output } from '../../dhcplane/v1/SitePool';
import type { SiteReservation as _dhcplane_v1_SiteReservation, SiteReservation__Output as _dhcplane_v1_SiteReservation__Output } from '../../dhcplane/v1/SiteReservation';

/**
 * A subnet with everything in it. Fields left out take the same defaults as
 * CreateSubnet. With prune, pools, reservations and options of the subnet
 * that are not listed are deleted.
 */
export interface SiteSubnet {
  /**
   * Identity: the network in CIDR form.
   */
  'cidr'?: (string);
  /**
   * Interface whose directly attached clients it serves.
   */
  'interface'?: (string);
  /**
   * Relay (giaddr) addresses that select it.
   */
  'relay_addresses'?: (string)[];
  /**
   * Shortest lease in seconds (0: the default, 60).
   */
  'lease_time_min'?: (number);
  /**
   * Lease for a client that asks for none (0: the default, 3600).
   */
  'lease_time_default'?: (number);
  /**
   * Longest lease in seconds (0: the default, 86400).
   */
  'lease_time_max'?: (number);
  /**
   * Renewal time in seconds (0: 50% of the lease).
   */
  't1'?: (number);
  /**
   * Rebinding time in seconds (0: 87.5% of the lease).
   */
  't2'?: (number);
  /**
   * NAK requests known to be wrong (unset: true).
   */
  'authoritative'?: (boolean);
  /**
   * Answer DISCOVER with option 80 by ACK (RFC 4039).
   */
  'rapid_commit'?: (boolean);
  /**
   * Serve BOOTP clients that have a reservation.
   */
  'bootp'?: (boolean);
  /**
   * Free text for operators.
   */
  'description'?: (string);
  /**
   * Options at subnet scope.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
  /**
   * Pools of the subnet.
   */
  'pools'?: (_dhcplane_v1_SitePool)[];
  /**
   * Reservations of the subnet.
   */
  'reservations'?: (_dhcplane_v1_SiteReservation)[];
  /**
   * Serve BOOTP clients without a reservation from the pools.
   */
  'bootp_dynamic'?: (boolean);
  /**
   * Dynamic BOOTP lease time in seconds; 0: bindings do not expire.
   */
  'bootp_lease_time'?: (number);
  /**
   * Server for the next boot stage (siaddr); empty: the default.
   */
  'next_server'?: (string);
  /**
   * Server host name (sname); empty: the default.
   */
  'server_name'?: (string);
  /**
   * Boot file name (file); empty: the default.
   */
  'boot_file'?: (string);
  '_authoritative'?: "authoritative";
}

/**
 * A subnet with everything in it. Fields left out take the same defaults as
 * CreateSubnet. With prune, pools, reservations and options of the subnet
 * that are not listed are deleted.
 */
export interface SiteSubnet__Output {
  /**
   * Identity: the network in CIDR form.
   */
  'cidr': (string);
  /**
   * Interface whose directly attached clients it serves.
   */
  'interface': (string);
  /**
   * Relay (giaddr) addresses that select it.
   */
  'relay_addresses': (string)[];
  /**
   * Shortest lease in seconds (0: the default, 60).
   */
  'lease_time_min': (number);
  /**
   * Lease for a client that asks for none (0: the default, 3600).
   */
  'lease_time_default': (number);
  /**
   * Longest lease in seconds (0: the default, 86400).
   */
  'lease_time_max': (number);
  /**
   * Renewal time in seconds (0: 50% of the lease).
   */
  't1': (number);
  /**
   * Rebinding time in seconds (0: 87.5% of the lease).
   */
  't2': (number);
  /**
   * NAK requests known to be wrong (unset: true).
   */
  'authoritative'?: (boolean);
  /**
   * Answer DISCOVER with option 80 by ACK (RFC 4039).
   */
  'rapid_commit': (boolean);
  /**
   * Serve BOOTP clients that have a reservation.
   */
  'bootp': (boolean);
  /**
   * Free text for operators.
   */
  'description': (string);
  /**
   * Options at subnet scope.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
  /**
   * Pools of the subnet.
   */
  'pools': (_dhcplane_v1_SitePool__Output)[];
  /**
   * Reservations of the subnet.
   */
  'reservations': (_dhcplane_v1_SiteReservation__Output)[];
  /**
   * Serve BOOTP clients without a reservation from the pools.
   */
  'bootp_dynamic': (boolean);
  /**
   * Dynamic BOOTP lease time in seconds; 0: bindings do not expire.
   */
  'bootp_lease_time': (number);
  /**
   * Server for the next boot stage (siaddr); empty: the default.
   */
  'next_server': (string);
  /**
   * Server host name (sname); empty: the default.
   */
  'server_name': (string);
  /**
   * Boot file name (file); empty: the default.
   */
  'boot_file': (string);
  '_authoritative'?: "authoritative";
}
