//! PostgreSQL store: the production source of truth. Connection setup and
//! migrations; the SQL is shared with SQLite in `sql.rs`.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::{redact, sql::sql_store, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("../migrations/postgres");

/// A store on PostgreSQL.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    location: String,
}

impl PgStore {
    /// Connects to `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB`).
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the database cannot be reached.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let location = redact(url);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|e| StoreError::Unavailable(format!("cannot connect to {location}: {e}")))?;
        Ok(Self { pool, location })
    }
}

sql_store!(PgStore, sqlx::Postgres, Backend::Postgres, MIGRATOR);
