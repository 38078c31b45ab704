// Original file: proto/dhcplane/v1/subnets.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * An IPv4 network the server hands out addresses in.
 */
export interface Subnet {
  /**
   * Assigned by the server.
   */
  'id'?: (number | string | Long);
  /**
   * Network in CIDR form, e.g. "10.0.0.0/24" (host bits zero).
   */
  'cidr'?: (string);
  /**
   * Interface whose directly attached clients this subnet serves.
   */
  'interface'?: (string);
  /**
   * Relay (giaddr) addresses that select this subnet.
   */
  'relay_addresses'?: (string)[];
  /**
   * Lease time bounds in seconds: a client's requested time is clamped to
   * [min, max]; default applies when the client asks for none.
   */
  'lease_time_min'?: (number);
  /**
   * Lease for a client that asks for none.
   */
  'lease_time_default'?: (number);
  /**
   * Longest lease granted.
   */
  'lease_time_max'?: (number);
  /**
   * Renewal (T1) and rebinding (T2) times in seconds; 0 means the defaults,
   * 50% and 87.5% of the lease time.
   */
  't1'?: (number);
  /**
   * Rebinding time (T2) in seconds; 0 means 87.5% of the lease.
   */
  't2'?: (number);
  /**
   * An authoritative server NAKs requests for addresses it knows to be wrong.
   */
  'authoritative'?: (boolean);
  /**
   * Free text for operators.
   */
  'description'?: (string);
  /**
   * When it was created.
   */
  'created'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was last changed.
   */
  'updated'?: (_google_protobuf_Timestamp | null);
  /**
   * Answer a DISCOVER carrying option 80 with an ACK (RFC 4039).
   */
  'rapid_commit'?: (boolean);
  /**
   * Serve BOOTP clients that have a reservation.
   */
  'bootp'?: (boolean);
  /**
   * Serve BOOTP clients without a reservation from the pools (dynamic
   * BOOTP, RFC 1534); reservations keep precedence.
   */
  'bootp_dynamic'?: (boolean);
  /**
   * How long a dynamic BOOTP binding lasts in seconds; 0: it does not expire.
   */
  'bootp_lease_time'?: (number);
  /**
   * Server for the next boot stage, sent as siaddr ("next-server"), e.g.
   * "192.0.2.234"; empty: the server-wide default.
   */
  'next_server'?: (string);
  /**
   * Server host name, sent in the sname field (and as option 66 when the
   * client asks for it); empty: the server-wide default.
   */
  'server_name'?: (string);
  /**
   * Boot file name, sent in the file field (and as option 67 when the
   * client asks for it), e.g. "pxelinux.0"; empty: the server-wide default.
   */
  'boot_file'?: (string);
  '_authoritative'?: "authoritative";
}

/**
 * An IPv4 network the server hands out addresses in.
 */
export interface Subnet__Output {
  /**
   * Assigned by the server.
   */
  'id': (string);
  /**
   * Network in CIDR form, e.g. "10.0.0.0/24" (host bits zero).
   */
  'cidr': (string);
  /**
   * Interface whose directly attached clients this subnet serves.
   */
  'interface': (string);
  /**
   * Relay (giaddr) addresses that select this subnet.
   */
  'relay_addresses': (string)[];
  /**
   * Lease time bounds in seconds: a client's requested time is clamped to
   * [min, max]; default applies when the client asks for none.
   */
  'lease_time_min': (number);
  /**
   * Lease for a client that asks for none.
   */
  'lease_time_default': (number);
  /**
   * Longest lease granted.
   */
  'lease_time_max': (number);
  /**
   * Renewal (T1) and rebinding (T2) times in seconds; 0 means the defaults,
   * 50% and 87.5% of the lease time.
   */
  't1': (number);
  /**
   * Rebinding time (T2) in seconds; 0 means 87.5% of the lease.
   */
  't2': (number);
  /**
   * An authoritative server NAKs requests for addresses it knows to be wrong.
   */
  'authoritative'?: (boolean);
  /**
   * Free text for operators.
   */
  'description': (string);
  /**
   * When it was created.
   */
  'created': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updated': (_google_protobuf_Timestamp__Output | null);
  /**
   * Answer a DISCOVER carrying option 80 with an ACK (RFC 4039).
   */
  'rapid_commit': (boolean);
  /**
   * Serve BOOTP clients that have a reservation.
   */
  'bootp': (boolean);
  /**
   * Serve BOOTP clients without a reservation from the pools (dynamic
   * BOOTP, RFC 1534); reservations keep precedence.
   */
  'bootp_dynamic': (boolean);
  /**
   * How long a dynamic BOOTP binding lasts in seconds; 0: it does not expire.
   */
  'bootp_lease_time': (number);
  /**
   * Server for the next boot stage, sent as siaddr ("next-server"), e.g.
   * "192.0.2.234"; empty: the server-wide default.
   */
  'next_server': (string);
  /**
   * Server host name, sent in the sname field (and as option 66 when the
   * client asks for it); empty: the server-wide default.
   */
  'server_name': (string);
  /**
   * Boot file name, sent in the file field (and as option 67 when the
   * client asks for it), e.g. "pxelinux.0"; empty: the server-wide default.
   */
  'boot_file': (string);
  '_authoritative'?: "authoritative";
}
