// Original file: proto/dhcplane/v1/events.proto

/**
 * What happened.
 */
export const EventKind = {
  /**
   * Not a kind; never sent.
   */
  EVENT_KIND_UNSPECIFIED: 'EVENT_KIND_UNSPECIFIED',
  /**
   * An address was offered (DHCPOFFER).
   */
  EVENT_KIND_OFFERED: 'EVENT_KIND_OFFERED',
  /**
   * A client bound an address (DHCPACK after SELECTING or INIT-REBOOT).
   */
  EVENT_KIND_BOUND: 'EVENT_KIND_BOUND',
  /**
   * A client extended its lease with the server that granted it (RENEWING).
   */
  EVENT_KIND_RENEWED: 'EVENT_KIND_RENEWED',
  /**
   * A client extended its lease by broadcast (REBINDING).
   */
  EVENT_KIND_REBOUND: 'EVENT_KIND_REBOUND',
  /**
   * A client or an operator released a lease.
   */
  EVENT_KIND_RELEASED: 'EVENT_KIND_RELEASED',
  /**
   * A lease ran out.
   */
  EVENT_KIND_EXPIRED: 'EVENT_KIND_EXPIRED',
  /**
   * A client declined an address it found in use.
   */
  EVENT_KIND_DECLINED: 'EVENT_KIND_DECLINED',
  /**
   * A request was refused with DHCPNAK.
   */
  EVENT_KIND_NAKED: 'EVENT_KIND_NAKED',
  /**
   * An operator created a subnet (details: audit_id, before, after).
   */
  EVENT_KIND_SUBNET_CREATED: 'EVENT_KIND_SUBNET_CREATED',
  /**
   * An operator changed a subnet (details: audit_id, before, after).
   */
  EVENT_KIND_SUBNET_UPDATED: 'EVENT_KIND_SUBNET_UPDATED',
  /**
   * An operator deleted a subnet (details: audit_id, before, after).
   */
  EVENT_KIND_SUBNET_DELETED: 'EVENT_KIND_SUBNET_DELETED',
  /**
   * An operator created a pool (details: audit_id, before, after).
   */
  EVENT_KIND_POOL_CREATED: 'EVENT_KIND_POOL_CREATED',
  /**
   * An operator changed a pool (details: audit_id, before, after).
   */
  EVENT_KIND_POOL_UPDATED: 'EVENT_KIND_POOL_UPDATED',
  /**
   * An operator deleted a pool (details: audit_id, before, after).
   */
  EVENT_KIND_POOL_DELETED: 'EVENT_KIND_POOL_DELETED',
  /**
   * An operator created a reservation (details: audit_id, before, after).
   */
  EVENT_KIND_RESERVATION_CREATED: 'EVENT_KIND_RESERVATION_CREATED',
  /**
   * An operator changed a reservation (details: audit_id, before, after).
   */
  EVENT_KIND_RESERVATION_UPDATED: 'EVENT_KIND_RESERVATION_UPDATED',
  /**
   * An operator deleted a reservation (details: audit_id, before, after).
   */
  EVENT_KIND_RESERVATION_DELETED: 'EVENT_KIND_RESERVATION_DELETED',
  /**
   * An operator created a option (details: audit_id, before, after).
   */
  EVENT_KIND_OPTION_CREATED: 'EVENT_KIND_OPTION_CREATED',
  /**
   * An operator changed a option (details: audit_id, before, after).
   */
  EVENT_KIND_OPTION_UPDATED: 'EVENT_KIND_OPTION_UPDATED',
  /**
   * An operator deleted a option (details: audit_id, before, after).
   */
  EVENT_KIND_OPTION_DELETED: 'EVENT_KIND_OPTION_DELETED',
  /**
   * An operator changed the server-wide defaults (details: audit_id, before, after).
   */
  EVENT_KIND_DEFAULTS_UPDATED: 'EVENT_KIND_DEFAULTS_UPDATED',
  /**
   * The daemon started serving.
   */
  EVENT_KIND_SERVER_STARTED: 'EVENT_KIND_SERVER_STARTED',
  /**
   * The daemon is shutting down.
   */
  EVENT_KIND_SERVER_STOPPING: 'EVENT_KIND_SERVER_STOPPING',
  /**
   * The store stopped answering.
   */
  EVENT_KIND_STORE_UNAVAILABLE: 'EVENT_KIND_STORE_UNAVAILABLE',
  /**
   * The store answers again.
   */
  EVENT_KIND_STORE_AVAILABLE: 'EVENT_KIND_STORE_AVAILABLE',
} as const;

/**
 * What happened.
 */
export type EventKind =
  /**
   * Not a kind; never sent.
   */
  | 'EVENT_KIND_UNSPECIFIED'
  | 0
  /**
   * An address was offered (DHCPOFFER).
   */
  | 'EVENT_KIND_OFFERED'
  | 1
  /**
   * A client bound an address (DHCPACK after SELECTING or INIT-REBOOT).
   */
  | 'EVENT_KIND_BOUND'
  | 2
  /**
   * A client extended its lease with the server that granted it (RENEWING).
   */
  | 'EVENT_KIND_RENEWED'
  | 3
  /**
   * A client extended its lease by broadcast (REBINDING).
   */
  | 'EVENT_KIND_REBOUND'
  | 4
  /**
   * A client or an operator released a lease.
   */
  | 'EVENT_KIND_RELEASED'
  | 5
  /**
   * A lease ran out.
   */
  | 'EVENT_KIND_EXPIRED'
  | 6
  /**
   * A client declined an address it found in use.
   */
  | 'EVENT_KIND_DECLINED'
  | 7
  /**
   * A request was refused with DHCPNAK.
   */
  | 'EVENT_KIND_NAKED'
  | 8
  /**
   * An operator created a subnet (details: audit_id, before, after).
   */
  | 'EVENT_KIND_SUBNET_CREATED'
  | 20
  /**
   * An operator changed a subnet (details: audit_id, before, after).
   */
  | 'EVENT_KIND_SUBNET_UPDATED'
  | 21
  /**
   * An operator deleted a subnet (details: audit_id, before, after).
   */
  | 'EVENT_KIND_SUBNET_DELETED'
  | 22
  /**
   * An operator created a pool (details: audit_id, before, after).
   */
  | 'EVENT_KIND_POOL_CREATED'
  | 23
  /**
   * An operator changed a pool (details: audit_id, before, after).
   */
  | 'EVENT_KIND_POOL_UPDATED'
  | 24
  /**
   * An operator deleted a pool (details: audit_id, before, after).
   */
  | 'EVENT_KIND_POOL_DELETED'
  | 25
  /**
   * An operator created a reservation (details: audit_id, before, after).
   */
  | 'EVENT_KIND_RESERVATION_CREATED'
  | 26
  /**
   * An operator changed a reservation (details: audit_id, before, after).
   */
  | 'EVENT_KIND_RESERVATION_UPDATED'
  | 27
  /**
   * An operator deleted a reservation (details: audit_id, before, after).
   */
  | 'EVENT_KIND_RESERVATION_DELETED'
  | 28
  /**
   * An operator created a option (details: audit_id, before, after).
   */
  | 'EVENT_KIND_OPTION_CREATED'
  | 29
  /**
   * An operator changed a option (details: audit_id, before, after).
   */
  | 'EVENT_KIND_OPTION_UPDATED'
  | 30
  /**
   * An operator deleted a option (details: audit_id, before, after).
   */
  | 'EVENT_KIND_OPTION_DELETED'
  | 31
  /**
   * An operator changed the server-wide defaults (details: audit_id, before, after).
   */
  | 'EVENT_KIND_DEFAULTS_UPDATED'
  | 32
  /**
   * The daemon started serving.
   */
  | 'EVENT_KIND_SERVER_STARTED'
  | 40
  /**
   * The daemon is shutting down.
   */
  | 'EVENT_KIND_SERVER_STOPPING'
  | 41
  /**
   * The store stopped answering.
   */
  | 'EVENT_KIND_STORE_UNAVAILABLE'
  | 42
  /**
   * The store answers again.
   */
  | 'EVENT_KIND_STORE_AVAILABLE'
  | 43

/**
 * What happened.
 */
export type EventKind__Output = typeof EventKind[keyof typeof EventKind]
