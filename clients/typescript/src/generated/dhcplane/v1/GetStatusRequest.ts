// Original file: proto/dhcplane/v1/server.proto


/**
 * No parameters.
 */
export interface GetStatusRequest {
}

/**
 * No parameters.
 */
export interface GetStatusRequest__Output {
}
