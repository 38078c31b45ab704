// Original file: proto/dhcplane/v1/leases.proto


/**
 * The lease to release.
 */
export interface ReleaseLeaseRequest {
  /**
   * Its address.
   */
  'ip'?: (string);
}

/**
 * The lease to release.
 */
export interface ReleaseLeaseRequest__Output {
  /**
   * Its address.
   */
  'ip': (string);
}
