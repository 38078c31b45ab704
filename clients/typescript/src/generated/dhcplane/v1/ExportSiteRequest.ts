// Original file: proto/dhcplane/v1/site.proto


/**
 * No parameters.
 */
export interface ExportSiteRequest {
}

/**
 * No parameters.
 */
export interface ExportSiteRequest__Output {
}
