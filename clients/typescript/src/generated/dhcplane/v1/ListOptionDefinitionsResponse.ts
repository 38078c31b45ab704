// Original file: proto/dhcplane/v1/options.proto

import type { OptionDefinition as _dhcplane_v1_OptionDefinition, OptionDefinition__Output as _dhcplane_v1_OptionDefinition__Output } from '../../dhcplane/v1/OptionDefinition';

/**
 * The catalog.
 */
export interface ListOptionDefinitionsResponse {
  /**
   * Every known option, by code.
   */
  'definitions'?: (_dhcplane_v1_OptionDefinition)[];
}

/**
 * The catalog.
 */
export interface ListOptionDefinitionsResponse__Output {
  /**
   * Every known option, by code.
   */
  'definitions': (_dhcplane_v1_OptionDefinition__Output)[];
}
