//! The store's contract, one sub-trait per concern, so a part of the server
//! (or its test) depends on the part of the store it uses: the lease commit
//! pipeline on [`LeaseStore`], the event writer on [`EventStore`], and so on.
//! [`Store`] is all of them; `Arc<dyn Store>` upcasts to any of them. Every
//! method runs in one transaction: it changes everything it was asked to or
//! nothing.

use std::fmt;
use std::net::Ipv4Addr;

use async_trait::async_trait;
use ipnet::Ipv4Net;

use super::{AuditFn, Backend, Counts, Result, ServingLock};
use crate::model::{
    Applied, AuditEntry, BootUpdate, Defaults, DhcpOption, Event, Lease, LeaseFilter, OptionScope,
    Page, Pool, PoolId, PoolSpec, PoolUpdate, Reservation, ReservationFilter, ReservationId,
    ReservationSpec, ReservationUpdate, Role, SiteDoc, SiteState, Subnet, SubnetId, SubnetSpec,
    SubnetUpdate, Token,
};

/// Subnets, pools, reservations and options: what an operator provisions.
#[async_trait]
pub trait ProvisioningStore: Send + Sync + fmt::Debug {
    /// Creates a subnet and its options.
    async fn create_subnet(&self, spec: &SubnetSpec, options: &[DhcpOption]) -> Result<Subnet>;
    /// A subnet by id.
    async fn get_subnet(&self, id: SubnetId) -> Result<Subnet>;
    /// A subnet by its exact network.
    async fn find_subnet(&self, cidr: Ipv4Net) -> Result<Subnet>;
    /// The subnet whose network contains `ip`.
    async fn subnet_containing(&self, ip: Ipv4Addr) -> Result<Subnet>;
    /// Subnets in id order; `interface` filters.
    async fn list_subnets(&self, interface: Option<&str>, page: Page) -> Result<Vec<Subnet>>;
    /// Changes a subnet.
    async fn update_subnet(&self, id: SubnetId, update: &SubnetUpdate) -> Result<Subnet>;
    /// Deletes a subnet with its pools, reservations, options and leases;
    /// refuses while it has bound leases unless `force`.
    async fn delete_subnet(&self, id: SubnetId, force: bool) -> Result<()>;

    /// Creates a pool.
    async fn create_pool(&self, spec: &PoolSpec) -> Result<Pool>;
    /// A pool by id.
    async fn get_pool(&self, id: PoolId) -> Result<Pool>;
    /// Pools in id order, optionally of one subnet.
    async fn list_pools(&self, subnet: Option<SubnetId>, page: Page) -> Result<Vec<Pool>>;
    /// Changes a pool.
    async fn update_pool(&self, id: PoolId, update: &PoolUpdate) -> Result<Pool>;
    /// Deletes a pool and its options.
    async fn delete_pool(&self, id: PoolId) -> Result<()>;

    /// Creates a reservation and its options. A `subnet_id` of 0 means the
    /// subnet that contains the address.
    async fn create_reservation(
        &self,
        spec: &ReservationSpec,
        options: &[DhcpOption],
    ) -> Result<Reservation>;
    /// A reservation by id.
    async fn get_reservation(&self, id: ReservationId) -> Result<Reservation>;
    /// Reservations in id order matching `filter`.
    async fn list_reservations(
        &self,
        filter: &ReservationFilter,
        page: Page,
    ) -> Result<Vec<Reservation>>;
    /// Changes a reservation.
    async fn update_reservation(
        &self,
        id: ReservationId,
        update: &ReservationUpdate,
    ) -> Result<Reservation>;
    /// Deletes a reservation and its options; returns what was deleted.
    async fn delete_reservation(&self, id: ReservationId) -> Result<Reservation>;

    /// Sets (creates or replaces) an option at a scope.
    async fn set_option(&self, scope: OptionScope, option: &DhcpOption) -> Result<()>;
    /// The options set at exactly this scope, by code.
    async fn list_options(&self, scope: OptionScope) -> Result<Vec<DhcpOption>>;
    /// Removes an option from a scope.
    async fn delete_option(&self, scope: OptionScope, code: u8) -> Result<()>;

    /// The server-wide defaults.
    async fn get_defaults(&self) -> Result<Defaults>;
    /// Changes the server-wide defaults; returns them before and after.
    async fn update_defaults(&self, update: &BootUpdate) -> Result<(Defaults, Defaults)>;
    /// Every option at every scope.
    async fn all_options(&self) -> Result<Vec<(OptionScope, DhcpOption)>>;
}

/// The whole provisioning state at once: read it, or bring it to a document.
#[async_trait]
pub trait SiteStore: Send + Sync + fmt::Debug {
    /// The whole provisioning state, read in one transaction.
    async fn site_state(&self) -> Result<SiteState>;
    /// Brings the provisioning state to `doc` in one transaction (see
    /// [`crate::model::site::plan`]), writing each change's audit entry in
    /// the same transaction; with `dry_run`, carries the plan out and rolls
    /// it back. Returns the changes made.
    ///
    /// # Errors
    /// [`StoreError::Rejected`](super::StoreError::Rejected) listing every
    /// problem of the document, or naming the change the store refused;
    /// nothing is changed then.
    async fn apply_site(
        &self,
        doc: &SiteDoc,
        prune: bool,
        dry_run: bool,
        audit: &AuditFn<'_>,
    ) -> Result<Vec<Applied>>;
}

/// Leases: the commit pipeline's writes, their upkeep, and reads.
#[async_trait]
pub trait LeaseStore: Send + Sync + fmt::Debug {
    /// Inserts or replaces leases by address, all in one transaction; durable
    /// when it returns. Later calls win over earlier ones for an address.
    async fn upsert_leases(&self, leases: &[Lease]) -> Result<()>;
    /// Upkeep kept off the lease-commit path, offered every 100 ms:
    /// PostgreSQL folds its lease journal into `leases` once enough rows or
    /// time have gathered (small folds often, so the work never arrives as
    /// one burst). `all` does whatever is pending now (shutdown).
    async fn housekeeping(&self, all: bool) -> Result<()>;
    /// The lease of an address.
    async fn get_lease(&self, ip: Ipv4Addr) -> Result<Lease>;
    /// Leases in address order matching `filter`; `page.after` is an address.
    async fn list_leases(&self, filter: &LeaseFilter, page: Page) -> Result<Vec<Lease>>;
    /// Marks a lease released as of `now` (Unix seconds).
    async fn release_lease(&self, ip: Ipv4Addr, now: i64) -> Result<Lease>;
}

/// The persisted event log subscribers resume from.
#[async_trait]
pub trait EventStore: Send + Sync + fmt::Debug {
    /// Appends events (cursors already assigned), in one transaction.
    async fn append_events(&self, events: &[&Event]) -> Result<()>;
    /// Up to `limit` events with a cursor above `after`, oldest first.
    async fn list_events(&self, after: u64, limit: u32) -> Result<Vec<Event>>;
    /// The lowest and highest cursor kept, if any.
    async fn event_bounds(&self) -> Result<Option<(u64, u64)>>;
    /// Deletes events older than `before` (Unix microseconds) and all but
    /// the newest `keep`; returns how many went.
    async fn prune_events(&self, before: i64, keep: u64) -> Result<u64>;
}

/// API tokens and the audit log of changes.
#[async_trait]
pub trait AuthStore: Send + Sync + fmt::Debug {
    /// Creates an API token from its hash; `AlreadyExists` for a taken name.
    async fn create_token(&self, name: &str, role: Role, hash: &str, created: i64)
        -> Result<Token>;
    /// Every token, by name.
    async fn list_tokens(&self) -> Result<Vec<Token>>;
    /// Deletes a token by name.
    async fn revoke_token(&self, name: &str) -> Result<Token>;
    /// (hash, name, role) of every token.
    async fn token_hashes(&self) -> Result<Vec<(String, String, Role)>>;
    /// Appends a change to the audit log; returns its id.
    async fn record_audit(&self, entry: &AuditEntry) -> Result<i64>;
    /// Up to `limit` audit entries older than id `before` (0: the newest),
    /// newest first, optionally only those by `principal`.
    async fn list_audit(
        &self,
        before: i64,
        limit: u32,
        principal: Option<&str>,
    ) -> Result<Vec<AuditEntry>>;
}

/// The whole store: every part, and the database it runs on.
#[async_trait]
pub trait Store: ProvisioningStore + SiteStore + LeaseStore + EventStore + AuthStore {
    /// Which database this is.
    fn backend(&self) -> Backend;
    /// Where it is, with any password removed.
    fn location(&self) -> String;
    /// Applies pending schema migrations.
    async fn migrate(&self) -> Result<()>;
    /// Checks the database answers.
    async fn ping(&self) -> Result<()>;
    /// Row counts.
    async fn counts(&self) -> Result<Counts>;
    /// Claims the database for the one daemon that serves it, until the
    /// returned lock is dropped (or the process ends, however it ends).
    /// Several daemons on one database are not supported yet: two would
    /// hand the same address to different clients.
    ///
    /// # Errors
    /// [`StoreError::Serving`](super::StoreError::Serving) naming the
    /// daemon that holds it.
    async fn lock_serving(&self) -> Result<ServingLock>;
}
