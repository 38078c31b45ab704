//! Embedded SQLite store: the zero-setup default. Its [`Dialect`]:
//! opening the file, migrating, `BEGIN IMMEDIATE`, and lease and event
//! writes as multi-row inserts. The rest of the store is the shared SQL of
//! the entity files.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{QueryBuilder, SqlitePool};

use super::dialect::{Dialect, Tx};
use super::rows::{event_to, EVENT_COLS, LEASE_UPSERT_SET};
use super::{lock, Backend, Result, ServingLock, StoreError};
use crate::model::{Event, Lease};

static MIGRATOR: Migrator = sqlx::migrate!("../migrations/sqlite");

/// Leases written per statement by a multi-row upsert; keeps SQLite's
/// parameter count (8 a row) well under its limit.
const LEASE_CHUNK: usize = 1000;

/// Events written per statement (11 parameters a row).
const EVENT_CHUNK: usize = 500;

/// A store in an SQLite file (or in memory).
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    location: String,
    /// The serving lock's file, beside the database file; `None` in memory,
    /// where no other process can reach the database.
    lock_file: Option<PathBuf>,
}

impl SqliteStore {
    /// Opens `url` (`sqlite:PATH` or `sqlite::memory:`), creating the file
    /// and its directory when missing.
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the file cannot be opened or created.
    pub async fn connect(url: &str) -> Result<Self> {
        let unavailable =
            |e: &dyn std::fmt::Display| StoreError::Unavailable(format!("cannot open {url}: {e}"));
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let mut opts = SqliteConnectOptions::from_str(url)
            .map_err(|e| unavailable(&e))?
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // No ping before each use: a file on this machine does not go away
        // the way a network connection does, and the ping is a round trip
        // to SQLite's worker thread on every lease commit.
        let mut pool = SqlitePoolOptions::new().test_before_acquire(false);
        let mut lock_file = None;
        if memory {
            // Every connection to :memory: is a database of its own: keep one, forever.
            pool = pool
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        } else {
            let file = opts.get_filename();
            if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| unavailable(&e))?;
            }
            let mut name = file.as_os_str().to_owned();
            name.push(".lock");
            lock_file = Some(PathBuf::from(name));
            opts = opts.journal_mode(SqliteJournalMode::Wal);
            // One connection: SQLite has one writer, and writers from two
            // connections meet in its busy handler, which sleeps (up to
            // 100 ms a try). Queued on one connection they take turns in
            // order, with no sleeping; readers are rare (the API).
            pool = pool.max_connections(1);
        }
        let pool = pool
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(opts)
            .await
            .map_err(|e| unavailable(&e))?;
        Ok(Self {
            pool,
            location: url.to_string(),
            lock_file,
        })
    }
}

#[async_trait]
impl Dialect for SqliteStore {
    type Db = sqlx::Sqlite;

    const BACKEND: Backend = Backend::Sqlite;

    fn location(&self) -> &str {
        &self.location
    }

    fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Internal(format!("migration failed: {e}")))
    }

    /// A transaction that takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a deferred one that reads first and then writes fails with "database
    /// is locked" when another writer committed in between, instead of
    /// waiting its turn.
    async fn begin(&self) -> Result<Tx<Self>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Nothing to do: `BEGIN IMMEDIATE` already keeps other writers out.
    async fn lock_provisioning(&self, _tx: &mut Tx<Self>) -> Result<()> {
        Ok(())
    }

    /// Leases go straight into `leases`: one statement (atomic on its own,
    /// no BEGIN/COMMIT round trips) for the usual group-commit batch.
    async fn write_leases(&self, leases: &[Lease]) -> Result<()> {
        if leases.len() <= LEASE_CHUNK {
            let mut conn = self.pool.acquire().await?;
            return upsert_leases(&mut conn, leases).await;
        }
        let mut tx = self.begin().await?;
        for chunk in leases.chunks(LEASE_CHUNK) {
            upsert_leases(&mut tx, chunk).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Appends events: multi-row inserts in one transaction.
    async fn write_events(&self, events: &[&Event]) -> Result<()> {
        let mut tx = self.begin().await?;
        for chunk in events.chunks(EVENT_CHUNK) {
            let mut q: QueryBuilder<'_, sqlx::Sqlite> =
                QueryBuilder::new(format!("INSERT INTO events ({EVENT_COLS}) "));
            q.push_values(chunk, |mut b, e| {
                let r = event_to(e);
                b.push_bind(r.0)
                    .push_bind(r.1)
                    .push_bind(r.2)
                    .push_bind(r.3)
                    .push_bind(r.4)
                    .push_bind(r.5)
                    .push_bind(r.6)
                    .push_bind(r.7)
                    .push_bind(r.8)
                    .push_bind(r.9)
                    .push_bind(r.10);
            });
            q.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Nothing is deferred on SQLite.
    async fn fold_journal(&self) -> Result<()> {
        Ok(())
    }

    /// Nothing to do: SQLite checkpoints its write-ahead log itself, in the
    /// commit that fills it (moving checkpoints to a background connection
    /// was measured: they then slow every concurrent commit, p99 4x worse).
    async fn housekeep(&self, _all: bool) -> Result<()> {
        Ok(())
    }

    /// An exclusive `flock` on the lock file beside the database file (see
    /// `lock.rs`); nothing for a database in memory.
    async fn lock_serving(&self) -> Result<ServingLock> {
        match &self.lock_file {
            Some(path) => lock::file(path),
            None => Ok(ServingLock::unshared()),
        }
    }
}

/// Writes leases as one multi-row upsert.
async fn upsert_leases(conn: &mut sqlx::SqliteConnection, leases: &[Lease]) -> Result<()> {
    let mut q: QueryBuilder<'_, sqlx::Sqlite> = QueryBuilder::new(
        "INSERT INTO leases (ip, subnet_id, mac, client_id, hostname, state, starts, ends) ",
    );
    q.push_values(leases, |mut b, l| {
        b.push_bind(i64::from(u32::from(l.ip)))
            .push_bind(l.subnet_id.0)
            .push_bind(l.mac.map(|m| m.0.to_vec()))
            .push_bind(l.client_id.as_ref().map(|c| c.0.clone()))
            .push_bind(l.hostname.clone())
            .push_bind(l.state.as_str())
            .push_bind(l.starts)
            .push_bind(l.ends);
    });
    q.push(LEASE_UPSERT_SET);
    q.build().execute(&mut *conn).await?;
    Ok(())
}
