// Original file: proto/dhcplane/v1/site.proto

import type { SiteDocument as _dhcplane_v1_SiteDocument, SiteDocument__Output as _dhcplane_v1_SiteDocument__Output } from '../../dhcplane/v1/SiteDocument';

/**
 * A document to apply.
 */
export interface ApplySiteRequest {
  /**
   * The desired state.
   */
  'site'?: (_dhcplane_v1_SiteDocument | null);
  /**
   * Plan and check everything (inside the store, against its current
   * state) and then roll back.
   */
  'dry_run'?: (boolean);
  /**
   * Also delete what the document does not name, within the scopes it
   * names.
   */
  'prune'?: (boolean);
}

/**
 * A document to apply.
 */
export interface ApplySiteRequest__Output {
  /**
   * The desired state.
   */
  'site': (_dhcplane_v1_SiteDocument__Output | null);
  /**
   * Plan and check everything (inside the store, against its current
   * state) and then roll back.
   */
  'dry_run': (boolean);
  /**
   * Also delete what the document does not name, within the scopes it
   * names.
   */
  'prune': (boolean);
}
