// Original file: proto/dhcplane/v1/site.proto

import type { PlannedChange as _dhcplane_v1_PlannedChange, PlannedChange__Output as _dhcplane_v1_PlannedChange__Output } from '../../dhcplane/v1/PlannedChange';

/**
 * What the apply did (or, for a dry run, would do).
 */
export interface ApplySiteResponse {
  /**
   * Every change, in the order carried out; empty when the store already
   * matches.
   */
  'changes'?: (_dhcplane_v1_PlannedChange)[];
  /**
   * False for a dry run.
   */
  'applied'?: (boolean);
}

/**
 * What the apply did (or, for a dry run, would do).
 */
export interface ApplySiteResponse__Output {
  /**
   * Every change, in the order carried out; empty when the store already
   * matches.
   */
  'changes': (_dhcplane_v1_PlannedChange__Output)[];
  /**
   * False for a dry run.
   */
  'applied': (boolean);
}
