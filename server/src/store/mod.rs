//! The store: the durable source of truth for provisioning data and leases.
//! [`Store`] is the contract; `postgres.rs` and `sqlite.rs` implement it
//! with the same SQL (`sql.rs`). This module is the only place SQL lives.

mod error;
mod postgres;
mod rows;
mod sql;
mod sqlite;

use std::fmt;
use std::net::Ipv4Addr;
use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use ipnet::Ipv4Net;

use crate::model::{
    DhcpOption, Lease, LeaseFilter, LeaseState, OptionScope, Page, Pool, PoolId, PoolSpec,
    PoolUpdate, Reservation, ReservationFilter, ReservationId, ReservationSpec, ReservationUpdate,
    Subnet, SubnetId, SubnetSpec, SubnetUpdate,
};

pub use error::StoreError;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;

/// Makes the audit log entry of a change a site apply carries out.
pub type AuditFn<'a> =
    dyn Fn(&crate::model::Applied) -> crate::model::AuditEntry + Send + Sync + 'a;

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// PostgreSQL: the production source of truth.
    Postgres,
    /// Embedded SQLite: the zero-setup default.
    Sqlite,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        })
    }
}

/// Row counts for the status report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Subnets.
    pub subnets: u64,
    /// Pools.
    pub pools: u64,
    /// Reservations.
    pub reservations: u64,
    /// Leases by state.
    pub leases: Vec<(LeaseState, u64)>,
}

/// The provisioning and lease store. Every method runs in one transaction:
/// it either changes everything it was asked to or nothing.
#[async_trait]
pub trait Store: Send + Sync + fmt::Debug {
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
    /// Every option at every scope.
    async fn all_options(&self) -> Result<Vec<(OptionScope, DhcpOption)>>;

    /// The whole provisioning state, read in one transaction.
    async fn site_state(&self) -> Result<crate::model::SiteState>;
    /// Brings the provisioning state to `doc` in one transaction (see
    /// [`crate::model::site::plan`]), writing each change's audit entry in
    /// the same transaction; with `dry_run`, carries the plan out and rolls
    /// it back. Returns the changes made.
    ///
    /// # Errors
    /// [`StoreError::Rejected`] listing every problem of the document, or
    /// naming the change the store refused; nothing is changed then.
    async fn apply_site(
        &self,
        doc: &crate::model::SiteDoc,
        prune: bool,
        dry_run: bool,
        audit: &AuditFn<'_>,
    ) -> Result<Vec<crate::model::Applied>>;
    /// Inserts or replaces leases by address, all in one transaction; durable
    /// when it returns. Later calls win over earlier ones for an address.
    async fn upsert_leases(&self, leases: &[Lease]) -> Result<()>;
    /// Creates an API token from its hash; `AlreadyExists` for a taken name.
    async fn create_token(
        &self,
        name: &str,
        role: crate::model::Role,
        hash: &str,
        created: i64,
    ) -> Result<crate::model::Token>;
    /// Every token, by name.
    async fn list_tokens(&self) -> Result<Vec<crate::model::Token>>;
    /// Deletes a token by name.
    async fn revoke_token(&self, name: &str) -> Result<crate::model::Token>;
    /// (hash, name, role) of every token.
    async fn token_hashes(&self) -> Result<Vec<(String, String, crate::model::Role)>>;
    /// Appends a change to the audit log; returns its id.
    async fn record_audit(&self, entry: &crate::model::AuditEntry) -> Result<i64>;
    /// Up to `limit` audit entries older than id `before` (0: the newest),
    /// newest first, optionally only those by `principal`.
    async fn list_audit(
        &self,
        before: i64,
        limit: u32,
        principal: Option<&str>,
    ) -> Result<Vec<crate::model::AuditEntry>>;
    /// Appends events (cursors already assigned), in one transaction.
    async fn append_events(&self, events: &[&crate::model::Event]) -> Result<()>;
    /// Up to `limit` events with a cursor above `after`, oldest first.
    async fn list_events(&self, after: u64, limit: u32) -> Result<Vec<crate::model::Event>>;
    /// The lowest and highest cursor kept, if any.
    async fn event_bounds(&self) -> Result<Option<(u64, u64)>>;
    /// Deletes events older than `before` (Unix microseconds) and all but
    /// the newest `keep`; returns how many went.
    async fn prune_events(&self, before: i64, keep: u64) -> Result<u64>;
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

/// Opens the store named by `url` (`postgres://...`, `sqlite:...`), or the
/// embedded SQLite file `dhcplane.db` in `state_dir` when `url` is `None`.
///
/// # Errors
/// When the URL is of an unknown kind or the database cannot be reached.
pub async fn open(url: Option<&str>, state_dir: &Path) -> Result<Arc<dyn Store>> {
    match url {
        Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
            Ok(Arc::new(PgStore::connect(u).await?))
        }
        Some(u) if u.starts_with("sqlite:") => Ok(Arc::new(SqliteStore::connect(u).await?)),
        Some(u) => Err(StoreError::Invalid(crate::model::Invalid::new(
            "database-url",
            format!(
                "{:?} is not a database URL; use postgres://USER@HOST/DB or sqlite:PATH",
                redact(u)
            ),
        ))),
        None => {
            let path = state_dir.join("dhcplane.db");
            Ok(Arc::new(
                SqliteStore::connect(&format!("sqlite:{}", path.display())).await?,
            ))
        }
    }
}

/// `url` with the password part of its authority replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, tail) = rest
        .split_once('@')
        .map_or((None, rest), |(a, t)| (Some(a), t));
    match auth.and_then(|a| a.split_once(':')) {
        Some((user, _)) => format!("{scheme}://{user}:***@{tail}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite:/x.db"), "sqlite:/x.db");
    }
}
