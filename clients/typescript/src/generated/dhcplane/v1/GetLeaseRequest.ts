// Original file: proto/dhcplane/v1/leases.proto


/**
 * The address whose lease to get.
 */
export interface GetLeaseRequest {
  /**
   * The address, e.g. "10.0.0.10".
   */
  'ip'?: (string);
}

/**
 * The address whose lease to get.
 */
export interface GetLeaseRequest__Output {
  /**
   * The address, e.g. "10.0.0.10".
   */
  'ip': (string);
}
