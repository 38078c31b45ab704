// Original file: proto/dhcplane/v1/tokens.proto


/**
 * No parameters.
 */
export interface ListTokensRequest {
}

/**
 * No parameters.
 */
export interface ListTokensRequest__Output {
}
