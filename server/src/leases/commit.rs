//! Group commit: bindings decided while a commit is in flight are written
//! together in the next one (one multi-row upsert), then all their replies
//! are released. A reply never leaves before its binding is in the store.
//!
//! Commits run in lanes: each lane is one committer with its own queue and
//! database connection, and an address always goes to the same lane, so the
//! writes about one address stay in the order they were decided while
//! several batches are in flight at once (on PostgreSQL their WAL flushes
//! overlap; SQLite has one writer, so one lane).

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::mpsc;
use tracing::{debug, error, warn, Span};

use crate::events::{Event, EventHub};
use crate::metrics::Counters;
use crate::model::Lease;
use crate::store::{LeaseStore, Store};

/// Most items taken into one commit.
const MAX_BATCH: usize = 2048;

/// Most exchanges named one by one when a commit fails; the rest are counted.
const FAILED_NAMED: usize = 16;

/// Leases to make durable and what to do once they are.
#[derive(Debug)]
pub struct CommitItem<T> {
    /// The leases.
    pub leases: Vec<Lease>,
    /// Published once the commit succeeds.
    pub events: Vec<Event>,
    /// Run after the commit succeeds (sends the reply).
    pub then: Option<T>,
    /// The exchange the item comes from (`Span::none()` for expiry).
    pub span: Span,
}

/// Senders to every commit lane.
#[derive(Debug)]
pub struct CommitLanes<T> {
    lanes: Vec<mpsc::Sender<CommitItem<T>>>,
}

impl<T> Clone for CommitLanes<T> {
    fn clone(&self) -> Self {
        Self {
            lanes: self.lanes.clone(),
        }
    }
}

impl<T: Send + 'static> CommitLanes<T> {
    /// Starts `lanes` committers (at least one), each with a queue of `queue`
    /// items; `done` runs once a batch is durable, with the `then` of each of
    /// its items (in the order they were queued).
    /// The committers end when every `CommitLanes` clone is dropped and their
    /// queues are drained.
    pub fn start(
        store: &Arc<dyn Store>,
        lanes: usize,
        queue: usize,
        counters: &Arc<Counters>,
        events: &Arc<EventHub>,
        done: impl Fn(Vec<T>) + Send + Clone + 'static,
    ) -> (Self, Vec<tokio::task::JoinHandle<()>>) {
        let (senders, tasks) = (0..lanes.max(1))
            .map(|_| {
                let (tx, rx) = mpsc::channel(queue);
                let task = tokio::spawn(run_committer(
                    store.clone(),
                    rx,
                    counters.clone(),
                    events.clone(),
                    done.clone(),
                ));
                (tx, task)
            })
            .unzip();
        (Self { lanes: senders }, tasks)
    }

    fn lane(&self, ip: std::net::Ipv4Addr) -> &mpsc::Sender<CommitItem<T>> {
        &self.lanes[u32::from(ip) as usize % self.lanes.len()]
    }

    /// Queues an item from the packet path without waiting; gives it back
    /// when its lane is full. An item with a reply carries one address (the
    /// binding the reply announces), so it goes whole to that address's lane.
    ///
    /// # Errors
    /// The item, when the lane's queue is full or closed.
    pub fn try_send(&self, item: CommitItem<T>) -> Result<(), CommitItem<T>> {
        let Some(first) = item.leases.first() else {
            return Ok(());
        };
        debug_assert!(item.then.is_none() || item.leases.len() == 1);
        self.lane(first.ip).try_send(item).map_err(|e| match e {
            mpsc::error::TrySendError::Full(i) | mpsc::error::TrySendError::Closed(i) => i,
        })
    }

    /// Queues leases that need no reply (expiry) with their events, split
    /// by lane, waiting for room. Returns false when the committers are gone.
    pub async fn send_leases(&self, leases: Vec<Lease>, events: Vec<Event>) -> bool {
        let n = self.lanes.len();
        let mut by_lane: Vec<(Vec<Lease>, Vec<Event>)> = vec![(Vec::new(), Vec::new()); n];
        for l in leases {
            by_lane[u32::from(l.ip) as usize % n].0.push(l);
        }
        for e in events {
            let lane = e.ip.map_or(0, |ip| u32::from(ip) as usize % n);
            by_lane[lane].1.push(e);
        }
        for (lane, (leases, events)) in self.lanes.iter().zip(by_lane) {
            if leases.is_empty() && events.is_empty() {
                continue;
            }
            let item = CommitItem {
                leases,
                events,
                then: None,
                span: Span::none(),
            };
            if lane.send(item).await.is_err() {
                return false;
            }
        }
        true
    }
}

/// Commits until the channel closes; once a batch is durable, calls `done`
/// with its items' `then`s (so the replies leave together) and publishes
/// their events.
pub async fn run_committer<T: Send>(
    store: Arc<dyn LeaseStore>,
    mut rx: mpsc::Receiver<CommitItem<T>>,
    counters: Arc<Counters>,
    events: Arc<EventHub>,
    mut done: impl FnMut(Vec<T>) + Send,
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
        let started = std::time::Instant::now();
        match store.upsert_leases(&leases).await {
            Ok(()) => {
                debug!(
                    leases = leases.len(),
                    items = batch.len(),
                    took_us = started.elapsed().as_micros() as u64,
                    "committed"
                );
                counters.add("commit.batches", 1);
                counters.add("commit.leases", leases.len() as u64);
                // Replies first, then the events.
                let thens: Vec<T> = batch.iter_mut().filter_map(|i| i.then.take()).collect();
                if !thens.is_empty() {
                    done(thens);
                }
                for item in batch.drain(..) {
                    for e in item.events {
                        events.emit(e);
                    }
                }
            }
            Err(e) => {
                // The replies are dropped: clients retransmit, and the
                // binding is written again with their next request.
                error!(error = %e, leases = leases.len(), "lease commit failed; replies withheld");
                for item in batch.iter().filter(|i| i.then.is_some()).take(FAILED_NAMED) {
                    item.span
                        .in_scope(|| warn!("binding not durable; reply withheld"));
                }
                counters.add("drop.commit_failed", batch.len() as u64);
                batch.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The commit pipeline against a `LeaseStore` fake and nothing else: a
    //! part of the store is enough for the part of the server that uses it.

    use std::collections::BTreeMap;
    use std::net::Ipv4Addr;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};

    use async_trait::async_trait;

    use super::*;
    use crate::model::{EventFilter, EventKind, LeaseFilter, LeaseState, Page, SubnetId};
    use crate::store::{LeaseStore, Result, StoreError};

    /// Leases in memory, by address; fails every write while `failing`.
    #[derive(Debug, Default)]
    struct Memory {
        leases: Mutex<BTreeMap<Ipv4Addr, Lease>>,
        failing: AtomicBool,
    }

    impl Memory {
        fn leases(&self) -> std::sync::MutexGuard<'_, BTreeMap<Ipv4Addr, Lease>> {
            self.leases.lock().expect("not poisoned")
        }
    }

    #[async_trait]
    impl LeaseStore for Memory {
        async fn upsert_leases(&self, leases: &[Lease]) -> Result<()> {
            if self.failing.load(Ordering::Relaxed) {
                return Err(StoreError::Unavailable("the database went away".into()));
            }
            let mut all = self.leases();
            for l in leases {
                all.insert(l.ip, l.clone());
            }
            Ok(())
        }

        async fn housekeeping(&self, _all: bool) -> Result<()> {
            Ok(())
        }

        async fn get_lease(&self, ip: Ipv4Addr) -> Result<Lease> {
            self.leases()
                .get(&ip)
                .cloned()
                .ok_or_else(|| StoreError::NotFound(format!("lease {ip} does not exist")))
        }

        async fn list_leases(&self, _filter: &LeaseFilter, page: Page) -> Result<Vec<Lease>> {
            Ok(self
                .leases()
                .values()
                .filter(|l| i64::from(u32::from(l.ip)) > page.after)
                .take(page.limit as usize)
                .cloned()
                .collect())
        }

        async fn release_lease(&self, ip: Ipv4Addr, now: i64) -> Result<Lease> {
            let mut all = self.leases();
            let l = all
                .get_mut(&ip)
                .ok_or_else(|| StoreError::NotFound(format!("lease {ip} does not exist")))?;
            l.state = LeaseState::Released;
            l.ends = l.ends.min(now);
            Ok(l.clone())
        }
    }

    fn lease(last: u8, ends: i64) -> Lease {
        Lease {
            ip: Ipv4Addr::new(10, 0, 0, last),
            subnet_id: SubnetId(1),
            mac: None,
            client_id: None,
            hostname: None,
            state: LeaseState::Bound,
            starts: 0,
            ends,
        }
    }

    #[tokio::test]
    async fn the_commit_pipeline_runs_on_a_lease_store_alone() {
        let store = Arc::new(Memory::default());
        let counters = Arc::new(Counters::default());
        let (events, _writer) = EventHub::new(1, 16, counters.clone());
        let (tx, rx) = mpsc::channel(16);
        let (done_tx, mut done_rx) = mpsc::unbounded_channel();
        let committer = tokio::spawn(run_committer(
            store.clone(),
            rx,
            counters,
            events,
            move |thens: Vec<&'static str>| {
                let _ = done_tx.send(thens);
            },
        ));
        for (l, then) in [
            (lease(5, 100), "a"),
            (lease(6, 100), "b"),
            (lease(5, 200), "c"),
        ] {
            let item = CommitItem {
                leases: vec![l],
                events: Vec::new(),
                then: Some(then),
                span: Span::none(),
            };
            tx.send(item).await.expect("queued");
        }
        drop(tx);
        committer.await.expect("committer ends with its queue");
        let mut replied = Vec::new();
        while let Some(thens) = done_rx.recv().await {
            replied.extend(thens);
        }
        assert_eq!(replied, ["a", "b", "c"], "every reply, in order");
        // The last decision about an address wins.
        assert_eq!(
            store.get_lease(Ipv4Addr::new(10, 0, 0, 5)).await.ok(),
            Some(lease(5, 200))
        );
        assert_eq!(store.leases().len(), 2);
    }

    #[tokio::test]
    async fn no_reply_leaves_and_no_event_is_published_when_the_commit_fails() {
        let store = Arc::new(Memory::default());
        store.failing.store(true, Ordering::Relaxed);
        let counters = Arc::new(Counters::default());
        let (events, _writer) = EventHub::new(1, 16, counters.clone());
        let mut watcher = events.subscribe(EventFilter::default());
        let (tx, rx) = mpsc::channel(16);
        let (done_tx, mut done_rx) = mpsc::unbounded_channel();
        let committer = tokio::spawn(run_committer(
            store.clone(),
            rx,
            counters.clone(),
            events.clone(),
            move |thens: Vec<&'static str>| {
                let _ = done_tx.send(thens);
            },
        ));
        let bound = |l: &Lease| Event::lease(EventKind::Bound, l, None);
        let item = |l: Lease, then| CommitItem {
            events: vec![bound(&l)],
            leases: vec![l],
            then: Some(then),
            span: Span::none(),
        };
        tx.send(item(lease(7, 100), "withheld"))
            .await
            .expect("queued");
        // Once the store is back, the client's retransmission is answered.
        while !counters.snapshot().contains_key("drop.commit_failed") {
            tokio::task::yield_now().await;
        }
        store.failing.store(false, Ordering::Relaxed);
        tx.send(item(lease(7, 100), "answered"))
            .await
            .expect("queued");
        drop(tx);
        committer.await.expect("committer ends with its queue");
        let mut replied = Vec::new();
        while let Some(thens) = done_rx.recv().await {
            replied.extend(thens);
        }
        assert_eq!(replied, ["answered"], "no reply left for the failed commit");
        assert_eq!(counters.snapshot().get("drop.commit_failed"), Some(&1));
        let published: Vec<u64> = std::iter::from_fn(|| watcher.live.try_recv().ok())
            .map(|e| e.cursor)
            .collect();
        assert_eq!(published.len(), 1, "only the durable binding's event");
    }
}
