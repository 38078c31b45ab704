// Original file: proto/dhcplane/v1/subnets.proto

import type { Subnet as _dhcplane_v1_Subnet, Subnet__Output as _dhcplane_v1_Subnet__Output } from '../../dhcplane/v1/Subnet';
import type { OptionSetting as _dhcplane_v1_OptionSetting, OptionSetting__Output as _dhcplane_v1_OptionSetting__Output } from '../../dhcplane/v1/OptionSetting';

/**
 * A subnet to create.
 */
export interface CreateSubnetRequest {
  /**
   * id, created and updated are ignored. Unset lease times take the server
   * defaults (min 60, default 3600, max 86400).
   */
  'subnet'?: (_dhcplane_v1_Subnet | null);
  /**
   * Options set on the subnet in the same transaction.
   */
  'options'?: (_dhcplane_v1_OptionSetting)[];
}

/**
 * A subnet to create.
 */
export interface CreateSubnetRequest__Output {
  /**
   * id, created and updated are ignored. Unset lease times take the server
   * defaults (min 60, default 3600, max 86400).
   */
  'subnet': (_dhcplane_v1_Subnet__Output | null);
  /**
   * Options set on the subnet in the same transaction.
   */
  'options': (_dhcplane_v1_OptionSetting__Output)[];
}
