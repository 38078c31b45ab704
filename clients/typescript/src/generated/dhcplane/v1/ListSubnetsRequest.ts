// Original file: proto/dhcplane/v1/subnets.proto


/**
 * Which subnets to list.
 */
export interface ListSubnetsRequest {
  /**
   * 0 means 100; at most 1000.
   */
  'page_size'?: (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token'?: (string);
  /**
   * Only subnets bound to this interface.
   */
  'interface'?: (string);
}

/**
 * Which subnets to list.
 */
export interface ListSubnetsRequest__Output {
  /**
   * 0 means 100; at most 1000.
   */
  'page_size': (number);
  /**
   * The next_page_token of the previous response; empty for the first page.
   */
  'page_token': (string);
  /**
   * Only subnets bound to this interface.
   */
  'interface': (string);
}
