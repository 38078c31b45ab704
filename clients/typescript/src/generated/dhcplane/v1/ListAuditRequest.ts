// Original file: proto/dhcplane/v1/audit.proto


/**
 * Which entries to list.
 */
export interface ListAuditRequest {
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size'?: (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token'?: (string);
  /**
   * Only changes by this principal.
   */
  'principal'?: (string);
}

/**
 * Which entries to list.
 */
export interface ListAuditRequest__Output {
  /**
   * Most items to return; 0 means 100, at most 1000.
   */
  'page_size': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token': (string);
  /**
   * Only changes by this principal.
   */
  'principal': (string);
}
