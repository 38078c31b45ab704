// Original file: proto/dhcplane/v1/events.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { EventKind as _dhcplane_v1_EventKind, EventKind__Output as _dhcplane_v1_EventKind__Output } from '../../dhcplane/v1/EventKind';
import type { Long } from '@grpc/proto-loader';

/**
 * One event.
 */
export interface Event {
  /**
   * Position in the stream: only grows; pass it as `since` to resume.
   */
  'cursor'?: (number | string | Long);
  /**
   * When it happened.
   */
  'time'?: (_google_protobuf_Timestamp | null);
  /**
   * What happened.
   */
  'kind'?: (_dhcplane_v1_EventKind);
  /**
   * The client's MAC address, for lease events.
   */
  'mac'?: (string);
  /**
   * The client identifier (option 61) as colon-separated hex, when sent.
   */
  'client_id'?: (string);
  /**
   * The address concerned.
   */
  'ip'?: (string);
  /**
   * The subnet concerned: id and CIDR.
   */
  'subnet_id'?: (number | string | Long);
  /**
   * The CIDR of the subnet concerned.
   */
  'subnet'?: (string);
  /**
   * The client's host name, when known.
   */
  'hostname'?: (string);
  /**
   * Who made a provisioning change or an operator release.
   */
  'principal'?: (string);
  /**
   * Everything else, by name: e.g. `reason` of a NAK, `id` of a pool,
   * `lease_ends` of a binding.
   */
  'details'?: ({[key: string]: string});
}

/**
 * One event.
 */
export interface Event__Output {
  /**
   * Position in the stream: only grows; pass it as `since` to resume.
   */
  'cursor': (string);
  /**
   * When it happened.
   */
  'time': (_google_protobuf_Timestamp__Output | null);
  /**
   * What happened.
   */
  'kind': (_dhcplane_v1_EventKind__Output);
  /**
   * The client's MAC address, for lease events.
   */
  'mac': (string);
  /**
   * The client identifier (option 61) as colon-separated hex, when sent.
   */
  'client_id': (string);
  /**
   * The address concerned.
   */
  'ip': (string);
  /**
   * The subnet concerned: id and CIDR.
   */
  'subnet_id': (string);
  /**
   * The CIDR of the subnet concerned.
   */
  'subnet': (string);
  /**
   * The client's host name, when known.
   */
  'hostname': (string);
  /**
   * Who made a provisioning change or an operator release.
   */
  'principal': (string);
  /**
   * Everything else, by name: e.g. `reason` of a NAK, `id` of a pool,
   * `lease_ends` of a binding.
   */
  'details': ({[key: string]: string});
}
