//! Embedded SQLite store: the zero-setup default. Connection setup and
//! migrations; the SQL is shared with PostgreSQL in `sql.rs`.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::SqlitePool;

use super::{sql::sql_store, StoreError};

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
        let mut pool = SqlitePoolOptions::new();
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
            pool = pool.max_connections(8);
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

sql_store!(SqliteStore, sqlx::Sqlite, Backend::Sqlite, MIGRATOR);
