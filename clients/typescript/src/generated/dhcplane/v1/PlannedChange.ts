// Original file: proto/dhcplane/v1/site.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One step of a plan.
 */
export interface PlannedChange {
  /**
   * "create", "update" or "delete".
   */
  'action'?: (string);
  /**
   * "subnet", "pool", "reservation", "option" or "defaults".
   */
  'kind'?: (string);
  /**
   * The object, e.g. "10.0.1.0/24", "10.0.1.100-10.0.1.150 in 10.0.1.0/24",
   * "routers at subnet 10.0.1.0/24".
   */
  'object'?: (string);
  /**
   * For an update, what changes ("lease_time_default 3600 -> 600; ...").
   */
  'detail'?: (string);
  /**
   * Where the object is in the document ("subnets[0].pools[1]"); empty for
   * a delete.
   */
  'path'?: (string);
  /**
   * The id of the object after the change (before it, for a delete).
   */
  'id'?: (number | string | Long);
}

/**
 * One step of a plan.
 */
export interface PlannedChange__Output {
  /**
   * "create", "update" or "delete".
   */
  'action': (string);
  /**
   * "subnet", "pool", "reservation", "option" or "defaults".
   */
  'kind': (string);
  /**
   * The object, e.g. "10.0.1.0/24", "10.0.1.100-10.0.1.150 in 10.0.1.0/24",
   * "routers at subnet 10.0.1.0/24".
   */
  'object': (string);
  /**
   * For an update, what changes ("lease_time_default 3600 -> 600; ...").
   */
  'detail': (string);
  /**
   * Where the object is in the document ("subnets[0].pools[1]"); empty for
   * a delete.
   */
  'path': (string);
  /**
   * The id of the object after the change (before it, for a delete).
   */
  'id': (string);
}
