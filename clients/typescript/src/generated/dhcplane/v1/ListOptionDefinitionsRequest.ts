// Original file: proto/dhcplane/v1/options.proto


/**
 * No parameters.
 */
export interface ListOptionDefinitionsRequest {
}

/**
 * No parameters.
 */
export interface ListOptionDefinitionsRequest__Output {
}
