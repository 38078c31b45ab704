//! PostgreSQL store: the production source of truth. Its [`Dialect`]:
//! connecting, migrating, locking provisioning, and the writes it makes its
//! own way (leases through a journal folded later, events in one statement).
//! The rest of the store is the shared SQL of the entity files.

use std::str::FromStr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

use super::dialect::{Dialect, Tx};
use super::rows::{event_to, EVENT_COLS, LEASE_UPSERT_SET};
use super::{lock, redact, Backend, Result, ServingLock, StoreError};
use crate::model::{Event, Lease};

static MIGRATOR: Migrator = sqlx::migrate!("../migrations/postgres");

/// A store on PostgreSQL.
///
/// Lease commits append to `lease_journal` (see `write_leases`); the journal
/// is folded into `leases` by housekeeping and before every lease read.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    /// How to connect, for the serving lock's connection of its own.
    options: PgConnectOptions,
    location: String,
    /// The next journal batch number; orders the batches of this process.
    batch: Arc<AtomicI64>,
    /// Journal rows this process appended since its last fold began.
    unfolded: Arc<AtomicU64>,
    /// When the last fold began.
    last_fold: Arc<Mutex<Instant>>,
}

/// Housekeeping folds once this many rows are waiting...
const FOLD_ROWS: u64 = 1024;
/// ...or once rows have waited this long.
const FOLD_AGE: Duration = Duration::from_secs(1);

/// Serialises folds, so an older batch never lands after a newer one.
const FOLD_LOCK: i64 = 0x6468_6370_666f_6c64;

impl PgStore {
    /// Connects to `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DB`).
    ///
    /// # Errors
    /// [`StoreError::Unavailable`] when the database cannot be reached.
    pub async fn connect(url: &str) -> Result<Self> {
        let location = redact(url);
        let unavailable =
            |e: sqlx::Error| StoreError::Unavailable(format!("cannot connect to {location}: {e}"));
        let options = PgConnectOptions::from_str(url).map_err(unavailable)?;
        // No ping before each use: it is a round trip to the server on
        // every lease commit. A connection that broke fails its statement
        // instead (the commit's replies are withheld; clients retransmit)
        // and the pool replaces it.
        let pool = PgPoolOptions::new()
            .test_before_acquire(false)
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options.clone())
            .await
            .map_err(unavailable)?;
        // Microseconds since the epoch: later than any batch an earlier run
        // of this process left behind, unless the clock went backwards; and
        // the first lease read folds whatever was left before writing more.
        let first_batch = crate::clock::now_micros();
        Ok(Self {
            pool,
            options,
            location,
            batch: Arc::new(AtomicI64::new(first_batch)),
            unfolded: Arc::new(AtomicU64::new(0)),
            last_fold: Arc::new(Mutex::new(Instant::now())),
        })
    }

    /// Moves every committed journal batch into `leases` (see
    /// [`Dialect::fold_journal`]).
    async fn fold_now(&self) -> Result<()> {
        // One statement, one snapshot: exactly the rows deleted are the
        // rows folded, whatever commits meanwhile. Its first step takes the
        // fold lock and turns off waiting for the WAL flush at commit (a
        // fold lost in a crash leaves its journal rows where they were).
        sqlx::query(&format!(
            "WITH fold AS (SELECT pg_advisory_xact_lock($1), set_config('synchronous_commit', 'off', true)), \
             moved AS (DELETE FROM lease_journal WHERE EXISTS (SELECT 1 FROM fold) RETURNING *) \
             INSERT INTO leases (ip, subnet_id, mac, client_id, hostname, state, starts, ends) \
             SELECT DISTINCT ON (ip) ip, subnet_id, mac, client_id, hostname, state, starts, ends \
             FROM moved m WHERE EXISTS (SELECT 1 FROM subnets s WHERE s.id = m.subnet_id) \
             ORDER BY ip, batch DESC{LEASE_UPSERT_SET}"
        ))
        .bind(FOLD_LOCK)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl Dialect for PgStore {
    type Db = sqlx::Postgres;

    const BACKEND: Backend = Backend::Postgres;

    fn location(&self) -> &str {
        &self.location
    }

    fn pool(&self) -> &PgPool {
        &self.pool
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Internal(format!("migration failed: {e}")))
    }

    async fn begin(&self) -> Result<Tx<Self>> {
        Ok(self.pool.begin().await?)
    }

    async fn lock_provisioning(&self, tx: &mut Tx<Self>) -> Result<()> {
        sqlx::query(
            "LOCK TABLE subnets, subnet_relays, pools, reservations, reservation_labels, options \
             IN SHARE ROW EXCLUSIVE MODE",
        )
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Appends leases to the journal as one batch, in one statement whatever
    /// their number (arrays unnested into rows, planned once). No index,
    /// trigger or conflict check runs here (only a join to the subnets, so a
    /// lease outside its subnet fails the batch); `fold_journal` does the
    /// index work later, off the path of the replies waiting for this commit.
    async fn write_leases(&self, leases: &[Lease]) -> Result<()> {
        let batch = self.batch.fetch_add(1, Ordering::Relaxed);
        sqlx::query(
            "INSERT INTO lease_journal (batch, ip, subnet_id, mac, client_id, hostname, state, starts, ends) \
             SELECT $1, u.ip, COALESCE(s.id, 0), u.mac, u.client_id, u.hostname, u.state, u.starts, u.ends \
             FROM UNNEST($2::int8[], $3::int8[], $4::bytea[], $5::bytea[], $6::text[], $7::text[], $8::int8[], $9::int8[]) \
               AS u (ip, subnet_id, mac, client_id, hostname, state, starts, ends) \
             LEFT JOIN subnets s ON s.id = u.subnet_id AND u.ip BETWEEN s.network AND s.broadcast",
        )
        .bind(batch)
        .bind(column(leases, |l| i64::from(u32::from(l.ip))))
        .bind(column(leases, |l| l.subnet_id.0))
        .bind(column(leases, |l| l.mac.map(|m| m.0.to_vec())))
        .bind(column(leases, |l| l.client_id.as_ref().map(|c| c.0.clone())))
        .bind(column(leases, |l| l.hostname.clone()))
        .bind(column(leases, |l| l.state.as_str()))
        .bind(column(leases, |l| l.starts))
        .bind(column(leases, |l| l.ends))
        .execute(&self.pool)
        .await?;
        self.unfolded
            .fetch_add(leases.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Appends events with one statement whatever their number (arrays
    /// unnested into rows, planned once).
    async fn write_events(&self, events: &[&Event]) -> Result<()> {
        let rows: Vec<_> = events.iter().map(|e| event_to(e)).collect();
        // The events' own commit does not wait for its WAL flush: the lease
        // commits (which do wait) flush it along within milliseconds, and
        // not adding a flush of its own keeps it off their latency. A crash
        // can lose the last fraction of a second of events, never a lease.
        // One statement (its first step sets that for its own transaction),
        // so one round trip.
        sqlx::query(&format!(
            "WITH quick AS (SELECT set_config('synchronous_commit', 'off', true)) \
             INSERT INTO events ({EVENT_COLS}) SELECT u.* FROM UNNEST($1::int8[], $2::int8[], $3::text[], $4::bytea[], \
             $5::bytea[], $6::int8[], $7::int8[], $8::text[], $9::text[], $10::text[], $11::text[]) u, quick"
        ))
        .bind(column(&rows, |r| r.0))
        .bind(column(&rows, |r| r.1))
        .bind(column(&rows, |r| r.2.clone()))
        .bind(column(&rows, |r| r.3.clone()))
        .bind(column(&rows, |r| r.4.clone()))
        .bind(column(&rows, |r| r.5))
        .bind(column(&rows, |r| r.6))
        .bind(column(&rows, |r| r.7.clone()))
        .bind(column(&rows, |r| r.8.clone()))
        .bind(column(&rows, |r| r.9.clone()))
        .bind(column(&rows, |r| r.10.clone()))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Moves every committed journal batch into `leases`: the newest row per
    /// address wins; rows of subnets deleted since are dropped. One fold at
    /// a time (advisory lock); two folds whose snapshots overlap also meet
    /// on the journal rows both would delete: the second waits for the
    /// first to commit and skips them, so its own rows (newer) land last.
    /// A batch still in flight can have a lower number than a folded one
    /// only when it comes from another commit lane, i.e. is about other
    /// addresses, so folding it next time never overwrites anything newer.
    /// Folds whoever wrote the rows (another process sharing the database
    /// included).
    async fn fold_journal(&self) -> Result<()> {
        let unfolded = self.unfolded.swap(0, Ordering::Relaxed);
        *self
            .last_fold
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Instant::now();
        let folded = self.fold_now().await;
        if folded.is_err() {
            self.unfolded.fetch_add(unfolded, Ordering::Relaxed);
        }
        folded
    }

    /// Folds when `all`, or when [`FOLD_ROWS`] rows or [`FOLD_AGE`] have
    /// gathered since the last fold: under load, a small fold every 50 to
    /// 250 ms rather than one large one a second, whose burst of database
    /// work would hold up the lease commits behind it.
    async fn housekeep(&self, all: bool) -> Result<()> {
        let waiting = self.unfolded.load(Ordering::Relaxed);
        let age = self
            .last_fold
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .elapsed();
        if all || waiting >= FOLD_ROWS || (waiting > 0 && age >= FOLD_AGE) {
            self.fold_journal().await
        } else {
            Ok(())
        }
    }

    /// A session-level advisory lock, on a connection of its own (see
    /// `lock.rs`).
    async fn lock_serving(&self) -> Result<ServingLock> {
        lock::postgres(&self.options, &self.location).await
    }
}

/// One column of `rows` as an array parameter, for `UNNEST`.
fn column<T, U>(rows: &[T], f: impl Fn(&T) -> U) -> Vec<U> {
    rows.iter().map(f).collect()
}
