// Original file: proto/dhcplane/v1/reservations.proto

import type { Labels as _dhcplane_v1_Labels, Labels__Output as _dhcplane_v1_Labels__Output } from '../../dhcplane/v1/Labels';
import type { Long } from '@grpc/proto-loader';

/**
 * Changes to a reservation.
 */
export interface UpdateReservationRequest {
  /**
   * The reservation to change.
   */
  'id'?: (number | string | Long);
  /**
   * New MAC address; empty clears it (a client_id must remain).
   */
  'mac'?: (string);
  /**
   * New client identifier; empty clears it (a MAC must remain).
   */
  'client_id'?: (string);
  /**
   * New address, inside the same subnet.
   */
  'ip'?: (string);
  /**
   * New host name; empty clears it.
   */
  'hostname'?: (string);
  /**
   * When set, replaces all labels.
   */
  'labels'?: (_dhcplane_v1_Labels | null);
  /**
   * New next server; empty clears it (the subnet's applies).
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
  '_mac'?: "mac";
  '_client_id'?: "client_id";
  '_ip'?: "ip";
  '_hostname'?: "hostname";
  '_labels'?: "labels";
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}

/**
 * Changes to a reservation.
 */
export interface UpdateReservationRequest__Output {
  /**
   * The reservation to change.
   */
  'id': (string);
  /**
   * New MAC address; empty clears it (a client_id must remain).
   */
  'mac'?: (string);
  /**
   * New client identifier; empty clears it (a MAC must remain).
   */
  'client_id'?: (string);
  /**
   * New address, inside the same subnet.
   */
  'ip'?: (string);
  /**
   * New host name; empty clears it.
   */
  'hostname'?: (string);
  /**
   * When set, replaces all labels.
   */
  'labels'?: (_dhcplane_v1_Labels__Output | null);
  /**
   * New next server; empty clears it (the subnet's applies).
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
  '_mac'?: "mac";
  '_client_id'?: "client_id";
  '_ip'?: "ip";
  '_hostname'?: "hostname";
  '_labels'?: "labels";
  '_next_server'?: "next_server";
  '_server_name'?: "server_name";
  '_boot_file'?: "boot_file";
}
