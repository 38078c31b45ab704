// Original file: proto/dhcplane/v1/leases.proto

import type { LeaseState as _dhcplane_v1_LeaseState, LeaseState__Output as _dhcplane_v1_LeaseState__Output } from '../../dhcplane/v1/LeaseState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * An address handed out.
 */
export interface Lease {
  /**
   * The address.
   */
  'ip'?: (string);
  /**
   * The subnet it belongs to.
   */
  'subnet_id'?: (number | string | Long);
  /**
   * The client's MAC address.
   */
  'mac'?: (string);
  /**
   * The client identifier (option 61) as hex, when sent.
   */
  'client_id'?: (string);
  /**
   * The host name the client sent or was given.
   */
  'hostname'?: (string);
  /**
   * Where the lease is in its life.
   */
  'state'?: (_dhcplane_v1_LeaseState);
  /**
   * When it was granted or last renewed.
   */
  'starts'?: (_google_protobuf_Timestamp | null);
  /**
   * When it ends unless renewed.
   */
  'ends'?: (_google_protobuf_Timestamp | null);
}

/**
 * An address handed out.
 */
export interface Lease__Output {
  /**
   * The address.
   */
  'ip': (string);
  /**
   * The subnet it belongs to.
   */
  'subnet_id': (string);
  /**
   * The client's MAC address.
   */
  'mac': (string);
  /**
   * The client identifier (option 61) as hex, when sent.
   */
  'client_id': (string);
  /**
   * The host name the client sent or was given.
   */
  'hostname': (string);
  /**
   * Where the lease is in its life.
   */
  'state': (_dhcplane_v1_LeaseState__Output);
  /**
   * When it was granted or last renewed.
   */
  'starts': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it ends unless renewed.
   */
  'ends': (_google_protobuf_Timestamp__Output | null);
}
