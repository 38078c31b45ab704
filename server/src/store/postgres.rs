//! PostgreSQL store: the production source of truth. Connection setup and
//! migrations; the SQL is shared with SQLite in `sql.rs`.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use super::sql::{sql_store, LEASE_UPSERT_SET};
use super::{redact, StoreError};
use crate::model::Lease;

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

impl PgStore {
    /// Writes leases with one statement whatever their number: arrays
    /// unnested into rows, so PostgreSQL plans it once, not per batch size.
    async fn upsert_chunk(
        tx: &mut sqlx::Transaction<'static, sqlx::Postgres>,
        leases: &[Lease],
    ) -> Result<(), StoreError> {
        let n = leases.len();
        let (mut ip, mut subnet, mut mac, mut cid, mut host, mut state, mut starts, mut ends) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for l in leases {
            ip.push(i64::from(u32::from(l.ip)));
            subnet.push(l.subnet_id.0);
            mac.push(l.mac.map(|m| m.0.to_vec()));
            cid.push(l.client_id.as_ref().map(|c| c.0.clone()));
            host.push(l.hostname.clone());
            state.push(l.state.as_str());
            starts.push(l.starts);
            ends.push(l.ends);
        }
        sqlx::query(&format!(
            "INSERT INTO leases (ip, subnet_id, mac, client_id, hostname, state, starts, ends) \
             SELECT * FROM UNNEST($1::int8[], $2::int8[], $3::bytea[], $4::bytea[], $5::text[], $6::text[], $7::int8[], $8::int8[]){LEASE_UPSERT_SET}"
        ))
        .bind(ip)
        .bind(subnet)
        .bind(mac)
        .bind(cid)
        .bind(host)
        .bind(state)
        .bind(starts)
        .bind(ends)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

sql_store!(PgStore, sqlx::Postgres, Backend::Postgres, MIGRATOR);
