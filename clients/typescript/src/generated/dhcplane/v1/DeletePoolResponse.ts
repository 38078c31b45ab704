// Original file: proto/dhcplane/v1/pools.proto


/**
 * Empty: the pool is gone.
 */
export interface DeletePoolResponse {
}

/**
 * Empty: the pool is gone.
 */
export interface DeletePoolResponse__Output {
}
