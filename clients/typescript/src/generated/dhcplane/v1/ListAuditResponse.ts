// Original file: proto/dhcplane/v1/audit.proto

import type { AuditEntry as _dhcplane_v1_AuditEntry, AuditEntry__Output as _dhcplane_v1_AuditEntry__Output } from '../../dhcplane/v1/AuditEntry';

/**
 * A page of the audit log.
 */
export interface ListAuditResponse {
  /**
   * Entries, newest first.
   */
  'entries'?: (_dhcplane_v1_AuditEntry)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token'?: (string);
}

/**
 * A page of the audit log.
 */
export interface ListAuditResponse__Output {
  /**
   * Entries, newest first.
   */
  'entries': (_dhcplane_v1_AuditEntry__Output)[];
  /**
   * Pass as page_token for the next page; empty on the last page.
   */
  'next_page_token': (string);
}
