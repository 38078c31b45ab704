//! What differs between the backends, as one contract: [`Dialect`]. The
//! store's sub-traits are implemented once, for every `Dialect`, with the
//! shared SQL of the entity files; `postgres.rs` and `sqlite.rs` implement
//! `Dialect` and nothing else of the store.

use std::fmt;

use async_trait::async_trait;
use sqlx::pool::PoolConnection;
use sqlx::{Database, Pool, Transaction};

use super::query::{Run, Sql};
use super::{Backend, Counts, Result, ServingLock, Store, StoreError};
use crate::model::{Event, LeaseState};

/// A database's transaction, whose connection runs shared SQL.
pub(super) type Tx<D> = Transaction<'static, <D as Dialect>::Db>;

/// A backend: how it connects, begins, locks, and writes what each writes
/// its own way (leases and events, on the hot path). Everything else runs
/// the same SQL on both.
#[async_trait]
pub(super) trait Dialect: fmt::Debug + Send + Sync + 'static {
    /// The sqlx database; its connections run the shared SQL.
    type Db: Database<Connection: Run>;

    /// Which backend this is.
    const BACKEND: Backend;

    /// Where the database is, with any password removed.
    fn location(&self) -> &str;

    /// The connection pool.
    fn pool(&self) -> &Pool<Self::Db>;

    /// Applies pending schema migrations.
    async fn migrate(&self) -> Result<()>;

    /// A transaction for the shared SQL.
    async fn begin(&self) -> Result<Tx<Self>>;

    /// Keeps other provisioning writers out until `tx` ends (readers, the
    /// lease path and the journal fold go on).
    async fn lock_provisioning(&self, tx: &mut Tx<Self>) -> Result<()>;

    /// Makes leases durable (see [`LeaseStore::upsert_leases`](super::LeaseStore::upsert_leases)).
    async fn write_leases(&self, leases: &[crate::model::Lease]) -> Result<()>;

    /// Appends events, all or none.
    async fn write_events(&self, events: &[&Event]) -> Result<()>;

    /// Brings `leases` up to date with whatever `write_leases` deferred;
    /// runs before every read of `leases`.
    async fn fold_journal(&self) -> Result<()>;

    /// Upkeep offered every 100 ms (see
    /// [`LeaseStore::housekeeping`](super::LeaseStore::housekeeping)).
    async fn housekeep(&self, all: bool) -> Result<()>;

    /// Claims the database for this daemon (see [`Store::lock_serving`]).
    async fn lock_serving(&self) -> Result<ServingLock>;
}

/// A pooled connection, for a statement that needs no transaction of its own.
pub(super) async fn conn<D: Dialect>(d: &D) -> Result<PoolConnection<D::Db>> {
    Ok(d.pool().acquire().await?)
}

#[async_trait]
impl<D: Dialect> Store for D {
    fn backend(&self) -> Backend {
        D::BACKEND
    }

    fn location(&self) -> String {
        Dialect::location(self).to_string()
    }

    async fn migrate(&self) -> Result<()> {
        Dialect::migrate(self).await
    }

    async fn ping(&self) -> Result<()> {
        Sql::new("SELECT 1")
            .execute(&mut *conn(self).await?)
            .await?;
        Ok(())
    }

    async fn counts(&self) -> Result<Counts> {
        self.fold_journal().await?;
        let mut tx = self.begin().await?;
        let mut count = async |table: &str| -> Result<u64> {
            let (n,): (i64,) = Sql::new(format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&mut *tx)
                .await?;
            Ok(n.max(0) as u64)
        };
        let subnets = count("subnets").await?;
        let pools = count("pools").await?;
        let reservations = count("reservations").await?;
        let rows: Vec<(String, i64)> =
            Sql::new("SELECT state, COUNT(*) FROM leases GROUP BY state")
                .fetch_all(&mut *tx)
                .await?;
        tx.commit().await?;
        let mut leases = rows
            .into_iter()
            .map(|(s, n)| {
                Ok((
                    s.parse::<LeaseState>().map_err(StoreError::Internal)?,
                    n.max(0) as u64,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        leases.sort();
        Ok(Counts {
            subnets,
            pools,
            reservations,
            leases,
        })
    }

    async fn lock_serving(&self) -> Result<ServingLock> {
        Dialect::lock_serving(self).await
    }
}
