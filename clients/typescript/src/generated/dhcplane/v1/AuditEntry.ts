// Original file: proto/dhcplane/v1/audit.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * One recorded change.
 */
export interface AuditEntry {
  /**
   * Position in the log; only grows.
   */
  'id'?: (number | string | Long);
  /**
   * When the change was made.
   */
  'time'?: (_google_protobuf_Timestamp | null);
  /**
   * The token name (or anonymous@ADDR) that made the change.
   */
  'principal'?: (string);
  /**
   * What was done, e.g. "subnet_created", "token_revoked".
   */
  'action'?: (string);
  /**
   * What it was done to, e.g. "subnet 10.0.0.0/24".
   */
  'object'?: (string);
  /**
   * The object before and after, as JSON; empty for none (create, delete).
   */
  'before'?: (string);
  /**
   * The object after the change, as JSON; empty for a delete.
   */
  'after'?: (string);
}

/**
 * One recorded change.
 */
export interface AuditEntry__Output {
  /**
   * Position in the log; only grows.
   */
  'id': (string);
  /**
   * When the change was made.
   */
  'time': (_google_protobuf_Timestamp__Output | null);
  /**
   * The token name (or anonymous@ADDR) that made the change.
   */
  'principal': (string);
  /**
   * What was done, e.g. "subnet_created", "token_revoked".
   */
  'action': (string);
  /**
   * What it was done to, e.g. "subnet 10.0.0.0/24".
   */
  'object': (string);
  /**
   * The object before and after, as JSON; empty for none (create, delete).
   */
  'before': (string);
  /**
   * The object after the change, as JSON; empty for a delete.
   */
  'after': (string);
}
