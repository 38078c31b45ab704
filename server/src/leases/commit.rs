//! Group commit: bindings decided while a commit is in flight are written
//! together in the next one (one multi-row upsert), then all their replies
//! are released. A reply never leaves before its binding is in the store.

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::mpsc;
use tracing::{debug, error};

use super::Counters;
use crate::model::Lease;
use crate::store::Store;

/// Most items taken into one commit.
const MAX_BATCH: usize = 2048;

/// Leases to make durable and what to do once they are.
#[derive(Debug)]
pub struct CommitItem<T> {
    /// The leases.
    pub leases: Vec<Lease>,
    /// Run after the commit succeeds (sends the reply).
    pub then: Option<T>,
}

/// Commits until the channel closes; calls `done` for each item's `then`
/// after its batch is durable.
pub async fn run_committer<T: Send>(
    store: Arc<dyn Store>,
    mut rx: mpsc::Receiver<CommitItem<T>>,
    counters: Arc<Counters>,
    mut done: impl FnMut(T) + Send,
) {
    let mut batch: Vec<CommitItem<T>> = Vec::with_capacity(64);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        // One row per address: the last decision about it wins.
        let mut rows: HashMap<std::net::Ipv4Addr, &Lease> = HashMap::new();
        for item in &batch {
            for l in &item.leases {
                rows.insert(l.ip, l);
            }
        }
        let leases: Vec<Lease> = rows.into_values().cloned().collect();
        match store.upsert_leases(&leases).await {
            Ok(()) => {
                debug!(leases = leases.len(), items = batch.len(), "committed");
                counters.add("commit.batches", 1);
                counters.add("commit.leases", leases.len() as u64);
                for item in batch.drain(..) {
                    if let Some(t) = item.then {
                        done(t);
                    }
                }
            }
            Err(e) => {
                // The replies are dropped: clients retransmit, and the
                // binding is written again with their next request.
                error!(error = %e, leases = leases.len(), "lease commit failed; replies withheld");
                counters.add("drop.commit_failed", batch.len() as u64);
                batch.clear();
            }
        }
    }
}
