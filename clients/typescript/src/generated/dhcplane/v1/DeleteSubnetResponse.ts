// Original file: proto/dhcplane/v1/subnets.proto


/**
 * Empty: the subnet is gone.
 */
export interface DeleteSubnetResponse {
}

/**
 * Empty: the subnet is gone.
 */
export interface DeleteSubnetResponse__Output {
}
