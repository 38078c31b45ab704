// Original file: proto/dhcplane/v1/server.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * The server's state.
 */
export interface Status {
  /**
   * dhcplaned version.
   */
  'version'?: (string);
  /**
   * "postgres" or "sqlite".
   */
  'store_backend'?: (string);
  /**
   * The store's location with any password removed.
   */
  'store_location'?: (string);
  /**
   * Whether the store answered just now.
   */
  'store_healthy'?: (boolean);
  /**
   * When the daemon started.
   */
  'started'?: (_google_protobuf_Timestamp | null);
  /**
   * Number of subnets.
   */
  'subnets'?: (number | string | Long);
  /**
   * Number of pools.
   */
  'pools'?: (number | string | Long);
  /**
   * Number of reservations.
   */
  'reservations'?: (number | string | Long);
  /**
   * Lease count by state name ("bound", "offered", ...).
   */
  'leases'?: ({[key: string]: number | string | Long});
  /**
   * DHCP counters by name (packets received by type, drops by reason).
   */
  'counters'?: ({[key: string]: number | string | Long});
}

/**
 * The server's state.
 */
export interface Status__Output {
  /**
   * dhcplaned version.
   */
  'version': (string);
  /**
   * "postgres" or "sqlite".
   */
  'store_backend': (string);
  /**
   * The store's location with any password removed.
   */
  'store_location': (string);
  /**
   * Whether the store answered just now.
   */
  'store_healthy': (boolean);
  /**
   * When the daemon started.
   */
  'started': (_google_protobuf_Timestamp__Output | null);
  /**
   * Number of subnets.
   */
  'subnets': (string);
  /**
   * Number of pools.
   */
  'pools': (string);
  /**
   * Number of reservations.
   */
  'reservations': (string);
  /**
   * Lease count by state name ("bound", "offered", ...).
   */
  'leases': ({[key: string]: string});
  /**
   * DHCP counters by name (packets received by type, drops by reason).
   */
  'counters': ({[key: string]: string});
}
