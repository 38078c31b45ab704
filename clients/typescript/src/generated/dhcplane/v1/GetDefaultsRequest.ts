// Original file: proto/dhcplane/v1/defaults.proto


/**
 * No parameters.
 */
export interface GetDefaultsRequest {
}

/**
 * No parameters.
 */
export interface GetDefaultsRequest__Output {
}
