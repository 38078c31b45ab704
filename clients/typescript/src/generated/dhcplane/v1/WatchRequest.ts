// Original file: proto/dhcplane/v1/events.proto

import type { EventKind as _dhcplane_v1_EventKind, EventKind__Output as _dhcplane_v1_EventKind__Output } from '../../dhcplane/v1/EventKind';
import type { Long } from '@grpc/proto-loader';

/**
 * Which events to stream. Filters combine with AND.
 */
export interface WatchRequest {
  /**
   * Replay the persisted events after this cursor first; 0 replays every
   * event still retained. Absent: live events only.
   */
  'since'?: (number | string | Long);
  /**
   * Only events for this MAC address.
   */
  'mac'?: (string);
  /**
   * Only events for this address.
   */
  'ip'?: (string);
  /**
   * Only events for this subnet (CIDR, e.g. 10.0.0.0/24).
   */
  'subnet'?: (string);
  /**
   * Only these kinds; empty means all.
   */
  'kinds'?: (_dhcplane_v1_EventKind)[];
  '_since'?: "since";
}

/**
 * Which events to stream. Filters combine with AND.
 */
export interface WatchRequest__Output {
  /**
   * Replay the persisted events after this cursor first; 0 replays every
   * event still retained. Absent: live events only.
   */
  'since'?: (string);
  /**
   * Only events for this MAC address.
   */
  'mac': (string);
  /**
   * Only events for this address.
   */
  'ip': (string);
  /**
   * Only events for this subnet (CIDR, e.g. 10.0.0.0/24).
   */
  'subnet': (string);
  /**
   * Only these kinds; empty means all.
   */
  'kinds': (_dhcplane_v1_EventKind__Output)[];
  '_since'?: "since";
}
