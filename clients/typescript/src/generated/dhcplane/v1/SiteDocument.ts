// Original file: proto/dhcplane/v1/site.proto

import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';
import type { SiteSubnet as _dhcplane_v1_SiteSubnet, SiteSubnet__Output as _dhcplane_v1_SiteSubnet__Output } from '../../dhcplane/v1/SiteSubnet';
import type { ServerDefaults as _dhcplane_v1_ServerDefaults, ServerDefaults__Output as _dhcplane_v1_ServerDefaults__Output } from '../../dhcplane/v1/ServerDefaults';

/**
 * The desired state of a site.
 */
export interface SiteDocument {
  /**
   * Options every client receives unless a narrower scope sets them.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
  /**
   * Whether `options` was given at all. With prune, global options not in
   * `options` are removed only when this is set.
   */
  'options_listed'?: (boolean);
  /**
   * Subnets with their pools, reservations and options.
   */
  'subnets'?: (_dhcplane_v1_SiteSubnet)[];
  /**
   * Whether `subnets` was given at all. With prune, subnets not in
   * `subnets` are deleted only when this is set.
   */
  'subnets_listed'?: (boolean);
  /**
   * Server-wide boot fields; unset keeps the stored ones.
   */
  'defaults'?: (_dhcplane_v1_ServerDefaults | null);
  '_defaults'?: "defaults";
}

/**
 * The desired state of a site.
 */
export interface SiteDocument__Output {
  /**
   * Options every client receives unless a narrower scope sets them.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
  /**
   * Whether `options` was given at all. With prune, global options not in
   * `options` are removed only when this is set.
   */
  'options_listed': (boolean);
  /**
   * Subnets with their pools, reservations and options.
   */
  'subnets': (_dhcplane_v1_SiteSubnet__Output)[];
  /**
   * Whether `subnets` was given at all. With prune, subnets not in
   * `subnets` are deleted only when this is set.
   */
  'subnets_listed': (boolean);
  /**
   * Server-wide boot fields; unset keeps the stored ones.
   */
  'defaults'?: (_dhcplane_v1_ServerDefaults__Output | null);
  '_defaults'?: "defaults";
}
