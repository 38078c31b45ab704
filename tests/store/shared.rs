//! Two handles on one database, as two processes would open it: what one
//! writes the other reads (PostgreSQL's lease journal included: written by
//! one, folded by the other), and the serving lock lets one daemon in.

use std::time::Duration;

use dhcplane_server::store::Holder;
use sqlx::Connection as _;

use super::*;

dhcplane_tests::both_backends!(
    two_handles_share_one_database,
    serving_lock_admits_one_daemon
);

async fn two_handles_share_one_database(backend: Backend) {
    let env = open(backend).await;
    let (a, b) = (&env.store, &open_again(&env).await);

    let sub = a
        .create_subnet(&subnet("10.0.0.0/24"), &[opt("routers", "10.0.0.1")])
        .await
        .expect("subnet through a");
    assert_eq!(b.get_subnet(sub.id).await.expect("read through b"), sub);
    let p = b
        .create_pool(&pool(sub.id, "10.0.0.100-10.0.0.199"))
        .await
        .expect("pool through b");
    assert_eq!(a.list_pools(None, ALL).await.expect("through a"), [p]);
    let e = b
        .create_subnet(&subnet("10.0.0.0/25"), &[])
        .await
        .expect_err("overlap seen across handles");
    assert!(matches!(e, StoreError::Conflict(_)), "{e:?}");

    // Leases written through a (into PostgreSQL's journal) are read, and so
    // folded, through b.
    let l = lease("10.0.0.100", sub.id, "02:00:00:00:00:01", LeaseState::Bound);
    a.upsert_leases(std::slice::from_ref(&l))
        .await
        .expect("lease through a");
    assert_eq!(b.get_lease(l.ip).await.expect("through b"), l);
    if backend == Backend::Postgres {
        assert_eq!(
            rows_in(&env.fresh.url, "lease_journal").await,
            0,
            "b folded it"
        );
    }
    let mut later = l.clone();
    later.ends = 9_000;
    a.upsert_leases(std::slice::from_ref(&later))
        .await
        .expect("renewal through a");
    b.housekeeping(true).await.expect("b folds what a wrote");
    assert_eq!(rows_in(&env.fresh.url, "leases").await, 1);
    assert_eq!(
        a.list_leases(&LeaseFilter::default(), ALL)
            .await
            .expect("through a"),
        [later.clone()]
    );
    let released = b
        .release_lease(l.ip, 5_000)
        .await
        .expect("release through b");
    assert_eq!(a.get_lease(l.ip).await.expect("through a"), released);

    let mut ev = Event::new(EventKind::Bound);
    ev.cursor = 1;
    a.append_events(&[&ev]).await.expect("event through a");
    assert_eq!(b.list_events(0, 10).await.expect("through b"), [ev]);
    assert_eq!(b.event_bounds().await.expect("bounds"), Some((1, 1)));
    a.create_token("ci", Role::Viewer, "hash", 1)
        .await
        .expect("token through a");
    assert_eq!(b.token_hashes().await.expect("through b").len(), 1);
    assert_eq!(
        b.counts().await.expect("counts"),
        a.counts().await.expect("counts")
    );
}

/// This machine's name, as the holder records it.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .expect("host name")
        .trim()
        .to_string()
}

/// Asserts `e` is the refusal naming this process.
fn assert_names_this_process(e: &StoreError) {
    let StoreError::Locked(Some(h)) = e else {
        panic!("not refused naming the holder: {e:?}");
    };
    assert_eq!(
        (h.host.as_str(), h.pid),
        (hostname().as_str(), std::process::id())
    );
    // RFC 3339, UTC, to the second: 2026-12-04T17:00:00Z.
    let t = h.started.as_bytes();
    assert!(
        t.len() == 20 && t[10] == b'T' && t[19] == b'Z',
        "started {:?}",
        h.started
    );
    assert_eq!(
        e.to_string(),
        format!(
            "another dhcplaned (host {}, pid {}, started {}) is serving this database; \
             several daemons on one database are not supported yet",
            h.host, h.pid, h.started
        )
    );
}

async fn serving_lock_admits_one_daemon(backend: Backend) {
    let env = open(backend).await;
    let other = open_again(&env).await;
    let held = env.store.lock_serving().await.expect("the first daemon");
    let e = other.lock_serving().await.expect_err("a second daemon");
    assert_names_this_process(&e);
    let e = env
        .store
        .lock_serving()
        .await
        .expect_err("the same handle again");
    assert_names_this_process(&e);
    // Everything else works beside the holder: migrate, token create.
    other.migrate().await.expect("migrate beside it");
    other
        .create_token("beside", Role::Admin, "hash", 1)
        .await
        .expect("token create beside it");
    drop(held);
    let _again = other.lock_serving().await.expect("free once dropped");
}

/// The sessions of `url`'s database that hold the serving lock.
async fn lock_sessions(url: &str) -> Vec<i32> {
    let mut c = sqlx::PgConnection::connect(url).await.expect("connect");
    sqlx::query_scalar(
        "SELECT a.pid FROM pg_stat_activity a \
         WHERE a.application_name = 'dhcplaned serving lock' AND a.datname = current_database()",
    )
    .fetch_all(&mut c)
    .await
    .expect("sessions")
}

/// Ends the holder's session as a database restart (or an operator) would.
async fn end_lock_session(c: &mut sqlx::PgConnection) {
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE application_name = 'dhcplaned serving lock' AND datname = current_database()",
    )
    .fetch_all(&mut *c)
    .await
    .expect("terminate");
    assert_eq!(ended, [true]);
}

/// When the session holding the lock ends and nobody else takes the lock,
/// the holder takes it again on a new session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_serving_lock_is_taken_again_after_its_session_ends() {
    let env = open(Backend::Postgres).await;
    let held = env.store.lock_serving().await.expect("lock");
    let first = lock_sessions(&env.fresh.url).await;
    let mut c = sqlx::PgConnection::connect(&env.fresh.url)
        .await
        .expect("connect");
    end_lock_session(&mut c).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let now = lock_sessions(&env.fresh.url).await;
        if now.len() == 1 && now != first {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "not taken again: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let e = open_again(&env)
        .await
        .lock_serving()
        .await
        .expect_err("held again");
    assert_names_this_process(&e);
    assert!(
        tokio::time::timeout(Duration::from_millis(100), held.lost())
            .await
            .is_err(),
        "not lost"
    );
}

/// When another daemon takes the lock while the holder's session is gone,
/// the holder is told, with the other's name, so it stops serving.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_serving_lock_lost_to_another_daemon_is_reported() {
    let env = open(Backend::Postgres).await;
    let held = env.store.lock_serving().await.expect("lock");
    let lost = held.lost();
    // The other "daemon": a session that ends the holder's, takes the lock
    // (waiting for the ended session to let go of it) and records itself.
    let mut other = sqlx::PgConnection::connect(&env.fresh.url)
        .await
        .expect("connect");
    end_lock_session(&mut other).await;
    sqlx::query("SELECT pg_advisory_lock(x'6468637073657276'::int8)")
        .execute(&mut other)
        .await
        .expect("take the lock");
    sqlx::query(
        "INSERT INTO serving_daemon (backend_pid, host, pid, started) \
         VALUES (pg_backend_pid(), 'elsewhere', 4242, '2026-12-04T17:00:00Z')",
    )
    .execute(&mut other)
    .await
    .expect("record");
    let e = tokio::time::timeout(Duration::from_secs(20), lost)
        .await
        .expect("the holder is told");
    let want = Holder {
        host: "elsewhere".into(),
        pid: 4242,
        started: "2026-12-04T17:00:00Z".into(),
    };
    assert!(
        matches!(&e, StoreError::Locked(Some(h)) if *h == want),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "another dhcplaned (host elsewhere, pid 4242, started 2026-12-04T17:00:00Z) \
         is serving this database; several daemons on one database are not supported yet"
    );
}

/// An SQLite database in memory is this process's alone: nothing to lock.
#[tokio::test]
async fn sqlite_in_memory_needs_no_serving_lock() {
    let dir = dhcplane_tests::TempDir::new();
    let s = store::open(Some("sqlite::memory:"), dir.path())
        .await
        .expect("open");
    let _held = s.lock_serving().await.expect("lock");
    let _again = s
        .lock_serving()
        .await
        .expect("a second handle's own database");
}
