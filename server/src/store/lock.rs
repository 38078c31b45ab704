//! One serving daemon per database, until several are supported: two
//! daemons on one database would each hand out addresses from their own
//! in-memory free lists, and so the same address to different clients.
//! `dhcplaned run` takes the lock before it loads anything; `migrate` and
//! `token create` do not, so they keep working beside a running daemon.
//!
//! On PostgreSQL the lock is a session-level advisory lock on a connection
//! of its own, held for the daemon's life: PostgreSQL drops it when that
//! session ends, however the process ended (kill -9 included). The holder
//! records who it is in `serving_daemon`, keyed by its session, so a
//! refused daemon names the live holder, never a dead one's stale row. On
//! SQLite it is an exclusive `flock` on a file beside the database, which
//! the kernel drops with the process; the holder writes who it is into it.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::future::Future;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions as _, Connection as _, PgConnection};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing::{info, warn};

use super::{Result, StoreError};

/// The advisory lock's key ("dhcpserv"); both halves are below 2^31, so
/// `pg_locks` shows them as they are.
const KEY: i64 = 0x6468_6370_7365_7276;

/// How long a starting daemon waits for the lock before it refuses: long
/// enough for PostgreSQL to end the session of a daemon killed a moment ago
/// (it notices the closed connection at once, but not instantly).
const TAKE_WAIT: Duration = Duration::from_secs(3);

/// How often the holder checks its session is alive. The check also keeps
/// the idle connection from being closed by a firewall or
/// `idle_session_timeout`.
const KEEP_EVERY: Duration = Duration::from_secs(5);

/// The daemon that holds the lock, as it recorded itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    /// Its host name.
    pub host: String,
    /// Its process id.
    pub pid: u32,
    /// When it took the lock (its start), RFC 3339 UTC.
    pub started: String,
}

impl Holder {
    /// This process, now.
    fn this_process() -> Self {
        Self {
            host: nix::unistd::gethostname()
                .map(|h| h.to_string_lossy().into_owned())
                .unwrap_or_else(|_| "unknown".into()),
            pid: std::process::id(),
            started: humantime::format_rfc3339_seconds(SystemTime::now()).to_string(),
        }
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "host {}, pid {}, started {}",
            self.host, self.pid, self.started
        )
    }
}

/// Held while this process serves the database; dropping it (or the
/// process ending) lets another daemon in.
#[derive(Debug)]
pub struct ServingLock {
    held: Held,
    /// Set once the lock is lost to another daemon (naming it, if it
    /// recorded itself).
    lost: watch::Receiver<Option<Option<Holder>>>,
}

#[derive(Debug)]
enum Held {
    /// The task that owns the PostgreSQL session holding the lock.
    Session(JoinHandle<()>),
    /// The lock file, open with the `flock` on it.
    File(File),
    /// A database in this process's memory: no other process can reach it.
    Nothing,
}

impl ServingLock {
    /// The lock of a database no other process can reach.
    pub(super) fn unshared() -> Self {
        Self::new(Held::Nothing, watch::channel(None).1)
    }

    fn new(held: Held, lost: watch::Receiver<Option<Option<Holder>>>) -> Self {
        Self { held, lost }
    }

    /// Completes if the lock is lost to another daemon: PostgreSQL ended
    /// this daemon's session (the database restarted, or an operator ended
    /// it) and another daemon took the lock before this one could take it
    /// again. The daemon must stop serving then. Never completes otherwise.
    pub fn lost(&self) -> impl Future<Output = StoreError> + Send + 'static {
        let mut rx = self.lost.clone();
        async move {
            let holder = rx
                .wait_for(Option::is_some)
                .await
                .map(|h| h.clone().flatten());
            match holder {
                Ok(h) => locked(h),
                // The keeper is gone without losing the lock: this lock is
                // being dropped, or never had a keeper.
                Err(_) => std::future::pending().await,
            }
        }
    }
}

impl Drop for ServingLock {
    fn drop(&mut self) {
        match &self.held {
            // Its connection closes with it, and the session's lock goes.
            Held::Session(keeper) => keeper.abort(),
            // Closing the file would unlock it too; this says so.
            Held::File(f) => {
                let _ = f.unlock();
            }
            Held::Nothing => {}
        }
    }
}

/// The refusal naming `holder`.
fn locked(holder: Option<Holder>) -> StoreError {
    StoreError::Locked(holder)
}

/// Takes the PostgreSQL lock of the database `options` name (`location`
/// for messages), waiting up to [`TAKE_WAIT`] for a holder that is going.
pub(super) async fn postgres(options: &PgConnectOptions, location: &str) -> Result<ServingLock> {
    let me = Holder::this_process();
    let mut conn = session(options, location).await?;
    let deadline = tokio::time::Instant::now() + TAKE_WAIT;
    while !try_take(&mut conn).await? {
        if tokio::time::Instant::now() >= deadline {
            return Err(locked(holder(&mut conn).await?));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    record(&mut conn, &me).await?;
    let (tx, rx) = watch::channel(None);
    let keeper = tokio::spawn(keep(conn, options.clone(), location.to_string(), me, tx));
    Ok(ServingLock::new(Held::Session(keeper), rx))
}

/// A connection of the lock's own, outside the pool: the pool recycles its
/// connections, and a session lock lives exactly as long as its session.
async fn session(options: &PgConnectOptions, location: &str) -> Result<PgConnection> {
    options
        .clone()
        .application_name("dhcplaned serving lock")
        .connect()
        .await
        .map_err(|e| StoreError::Unavailable(format!("cannot connect to {location}: {e}")))
}

/// Takes the lock if it is free.
async fn try_take(conn: &mut PgConnection) -> Result<bool> {
    let (taken,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_lock($1)")
        .bind(KEY)
        .fetch_one(&mut *conn)
        .await?;
    Ok(taken)
}

/// Records this daemon as the holder, replacing whatever an earlier holder
/// left (only the holder writes the table).
async fn record(conn: &mut PgConnection, me: &Holder) -> Result<()> {
    let mut tx = conn.begin().await?;
    sqlx::query("DELETE FROM serving_daemon")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO serving_daemon (backend_pid, host, pid, started) \
         VALUES (pg_backend_pid(), $1, $2, $3)",
    )
    .bind(&me.host)
    .bind(i64::from(me.pid))
    .bind(&me.started)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The daemon whose session holds the lock now, if it recorded itself.
async fn holder(conn: &mut PgConnection) -> Result<Option<Holder>> {
    let row: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT d.host, d.pid, d.started FROM pg_locks l \
         JOIN serving_daemon d ON d.backend_pid = l.pid \
         WHERE l.locktype = 'advisory' AND l.granted \
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
           AND l.classid::int8 = $1 AND l.objid::int8 = $2 AND l.objsubid = 1",
    )
    .bind(KEY >> 32)
    .bind(KEY & 0xffff_ffff)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(host, pid, started)| Holder {
        host,
        pid: u32::try_from(pid).unwrap_or(0),
        started,
    }))
}

/// Keeps the session that holds the lock alive; when it breaks, takes the
/// lock again on a new one, or reports it `lost` if another daemon has it.
async fn keep(
    mut conn: PgConnection,
    options: PgConnectOptions,
    location: String,
    me: Holder,
    lost: watch::Sender<Option<Option<Holder>>>,
) {
    loop {
        tokio::time::sleep(KEEP_EVERY).await;
        if conn.ping().await.is_ok() {
            continue;
        }
        warn!(store = %location, "the serving lock's session ended; taking the lock again");
        let retaken = async {
            let mut c = session(&options, &location).await?;
            if !try_take(&mut c).await? {
                return Ok(Err(holder(&mut c).await?));
            }
            record(&mut c, &me).await?;
            Ok::<_, StoreError>(Ok(c))
        };
        match retaken.await {
            Ok(Ok(c)) => {
                info!(store = %location, "serving lock taken again");
                conn = c;
            }
            Ok(Err(other)) => {
                // Nobody may be waiting on `lost`: then the daemon is
                // already stopping.
                let _ = lost.send(Some(other));
                return;
            }
            // The database does not answer yet: try again at the next tick.
            Err(e) => {
                warn!(store = %location, error = %e, "cannot take the serving lock again yet")
            }
        }
    }
}

/// Takes an exclusive `flock` on `path` and writes this daemon into it.
pub(super) fn file(path: &Path) -> Result<ServingLock> {
    let cannot =
        |e: std::io::Error| StoreError::Unavailable(format!("cannot lock {}: {e}", path.display()));
    // Not truncated on open: until the lock is ours, its content is the
    // holder's.
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(cannot)?;
    match f.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(path)
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok());
            return Err(locked(holder));
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(cannot(e)),
    }
    let me = serde_json::to_string(&Holder::this_process())
        .map_err(|e| StoreError::Internal(format!("cannot describe this daemon: {e}")))?;
    f.set_len(0).map_err(cannot)?;
    f.write_all(me.as_bytes()).map_err(cannot)?;
    Ok(ServingLock::new(Held::File(f), watch::channel(None).1))
}
