//! The store: the durable source of truth for provisioning data and leases.
//! This module is the only place SQL lives.
//!
//! - `traits.rs`: the contract, one sub-trait per concern ([`ProvisioningStore`],
//!   [`SiteStore`], [`LeaseStore`], [`EventStore`], [`AuthStore`]) and
//!   [`Store`], all of them.
//! - `dialect.rs`: `Dialect`, what differs per backend;
//!   `postgres.rs` and `sqlite.rs` implement it and nothing else.
//! - `subnets.rs`, `pools.rs`, `reservations.rs`, `options.rs`
//!   (gathered by `provisioning.rs`), `site.rs`, `leases.rs`, `events.rs`,
//!   `auth.rs`: the sub-traits for every backend, with the SQL written once
//!   (`query.rs` runs it on either backend; `rows.rs` converts its rows).
//! - `lock.rs`: one serving daemon per database.

mod auth;
mod defaults;
mod dialect;
mod error;
mod events;
mod leases;
mod lock;
mod options;
mod pools;
mod postgres;
mod provisioning;
mod query;
mod reservations;
mod rows;
mod site;
mod sqlite;
mod subnets;
mod traits;

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::model::LeaseState;

pub use error::StoreError;
pub use lock::{Holder, ServingLock};
pub use postgres::PgStore;
pub use sqlite::SqliteStore;
pub use traits::{AuthStore, EventStore, LeaseStore, ProvisioningStore, SiteStore, Store};

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
