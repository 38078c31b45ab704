// Original file: proto/dhcplane/v1/tokens.proto

import type { Role as _dhcplane_v1_Role, Role__Output as _dhcplane_v1_Role__Output } from '../../dhcplane/v1/Role';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * An API token (its secret is never shown again).
 */
export interface Token {
  /**
   * Unique, e.g. "provisioning".
   */
  'name'?: (string);
  /**
   * What it may do.
   */
  'role'?: (_dhcplane_v1_Role);
  /**
   * When it was created.
   */
  'created'?: (_google_protobuf_Timestamp | null);
}

/**
 * An API token (its secret is never shown again).
 */
export interface Token__Output {
  /**
   * Unique, e.g. "provisioning".
   */
  'name': (string);
  /**
   * What it may do.
   */
  'role': (_dhcplane_v1_Role__Output);
  /**
   * When it was created.
   */
  'created': (_google_protobuf_Timestamp__Output | null);
}
