//! The lease layer at run time: the commit lanes, lease expiry and store
//! housekeeping run as tasks, started together and finished together once
//! the sockets are closed, so every binding decided is committed and
//! answered before the daemon stops.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing::warn;

use super::{CommitLanes, LeaseService};
use crate::clock::now_unix;
use crate::store::Store;

/// Bindings waiting for a commit, per lane; a full queue drops the request
/// (counted).
const COMMIT_QUEUE: usize = 8192;

/// How often leases are checked for their end.
const EXPIRY_EVERY: Duration = Duration::from_secs(1);

/// How often the store is offered housekeeping (the PostgreSQL journal
/// fold; the store decides whether it is due).
const HOUSEKEEPING_EVERY: Duration = Duration::from_millis(100);

/// How long housekeeping waits after a failure.
const HOUSEKEEPING_RETRY: Duration = Duration::from_secs(1);

/// The lease layer's tasks; see [`Running::finish`].
#[derive(Debug)]
pub struct Running {
    store: Arc<dyn Store>,
    committers: Vec<JoinHandle<()>>,
    expiry: JoinHandle<()>,
    housekeeping: JoinHandle<()>,
}

/// Starts the lease layer for `service`: `lanes` commit lanes, each calling
/// `done` with the `then`s of a batch once it is durable (the replies
/// leave), expiry and housekeeping, all stopping when `shutdown` turns
/// true. Returns the lanes for the handlers to commit through.
pub fn start<T: Send + 'static>(
    service: &Arc<LeaseService>,
    done: impl Fn(Vec<T>) + Send + Clone + 'static,
    lanes: usize,
    shutdown: &watch::Receiver<bool>,
) -> (CommitLanes<T>, Running) {
    let (commits, committers) = CommitLanes::start(
        service.store(),
        lanes,
        COMMIT_QUEUE,
        &service.counters,
        &service.events,
        done,
    );
    let expiry = tokio::spawn(expire(service.clone(), commits.clone(), shutdown.clone()));
    let housekeeping = tokio::spawn(housekeep(service.store().clone(), shutdown.clone()));
    let running = Running {
        store: service.store().clone(),
        committers,
        expiry,
        housekeeping,
    };
    (commits, running)
}

impl Running {
    /// Waits for the tasks to end once `shutdown` has turned true and the
    /// handler is gone (its commit lanes drain what is queued, then end),
    /// then does the store's pending housekeeping.
    pub async fn finish(self) {
        let _ = self.expiry.await;
        for c in self.committers {
            let _ = c.await;
        }
        let _ = self.housekeeping.await;
        if let Err(e) = self.store.housekeeping(true).await {
            warn!(error = %e, "store housekeeping at shutdown failed; the next start finishes it");
        }
    }
}

/// Once a second, ends what has run out and commits it with its events.
async fn expire<T: Send + 'static>(
    service: Arc<LeaseService>,
    commits: CommitLanes<T>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(EXPIRY_EVERY);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.wait_for(|s| *s) => return,
        }
        let (ended, events) = service.expire(now_unix());
        if !ended.is_empty() && !commits.send_leases(ended, events).await {
            return;
        }
    }
}

/// Offers the store its housekeeping every [`HOUSEKEEPING_EVERY`].
async fn housekeep(store: Arc<dyn Store>, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(HOUSEKEEPING_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.wait_for(|s| *s) => return,
        }
        if let Err(e) = store.housekeeping(false).await {
            warn!(error = %e, "store housekeeping failed; retrying in a second");
            tokio::select! {
                () = tokio::time::sleep(HOUSEKEEPING_RETRY) => {}
                _ = shutdown.wait_for(|s| *s) => return,
            }
        }
    }
}
