//! Embedded SQLite store: the zero-setup default. Connection setup and
//! migrations; the SQL is shared with PostgreSQL in `sql.rs`.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{QueryBuilder, SqlitePool};

use super::sql::{sql_store, LEASE_UPSERT_SET, UPSERT_CHUNK};
use super::StoreError;
use crate::model::Lease;

static MIGRATOR: Migrator = sqlx::migrate!("../migrations/sqlite");

/// A store in an SQLite file (or in memory).
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    location: String,
}

impl SqliteStore {
    /// Opens `url` (`sqlite:PATH` or `sqlite::memory:`), creating the file
    /// and its directory when missing.
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the file cannot be opened or created.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
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
        if memory {
            // Every connection to :memory: is a database of its own: keep one, forever.
            pool = pool
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        } else {
            if let Some(dir) = opts
                .get_filename()
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
            {
                std::fs::create_dir_all(dir).map_err(|e| unavailable(&e))?;
            }
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
        })
    }
}

impl SqliteStore {
    /// A transaction that takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a deferred one that reads first and then writes fails with "database
    /// is locked" when another writer committed in between, instead of
    /// waiting its turn.
    async fn begin(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Nothing to do: `BEGIN IMMEDIATE` already keeps other writers out.
    async fn lock_provisioning(
        _tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// Leases go straight into `leases`: one statement (atomic on its own,
    /// no BEGIN/COMMIT round trips) for the usual group-commit batch.
    async fn write_leases(&self, leases: &[Lease]) -> Result<(), StoreError> {
        if leases.len() <= UPSERT_CHUNK {
            let mut conn = self.pool.acquire().await?;
            return Self::upsert_chunk(&mut conn, leases).await;
        }
        let mut tx = self.begin().await?;
        for chunk in leases.chunks(UPSERT_CHUNK) {
            Self::upsert_chunk(&mut tx, chunk).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Appends events: multi-row inserts in one transaction.
    async fn write_events(&self, events: &[&crate::model::Event]) -> Result<(), StoreError> {
        use super::rows::{event_to, EVENT_COLS};
        let mut tx = self.begin().await?;
        // 11 parameters a row: well under SQLite's limit.
        for chunk in events.chunks(500) {
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
    #[allow(clippy::unused_async)]
    async fn fold_journal(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Nothing to do: SQLite checkpoints its write-ahead log itself, in the
    /// commit that fills it (moving checkpoints to a background connection
    /// was measured: they then slow every concurrent commit, p99 4x worse).
    #[allow(clippy::unused_async)]
    async fn housekeep(&self, _all: bool) -> Result<(), StoreError> {
        Ok(())
    }

    /// Writes leases as one multi-row upsert.
    async fn upsert_chunk(
        conn: &mut sqlx::SqliteConnection,
        leases: &[Lease],
    ) -> Result<(), StoreError> {
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
}

sql_store!(SqliteStore, sqlx::Sqlite, Backend::Sqlite, MIGRATOR);
