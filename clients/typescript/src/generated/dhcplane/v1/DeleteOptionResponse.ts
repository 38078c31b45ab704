// Original file: proto/dhcplane/v1/options.proto


/**
 * Empty: the option is gone.
 */
export interface DeleteOptionResponse {
}

/**
 * Empty: the option is gone.
 */
export interface DeleteOptionResponse__Output {
}
