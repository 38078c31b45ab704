//! Events: lease transitions, provisioning changes and the server's
//! lifecycle in one ordered stream.
//!
//! The hub gives each event its cursor and time under one lock, keeps the
//! most recent ones in a ring, hands it to the live subscribers whose filter
//! it passes (a bounded queue each, never waited on: a subscriber whose
//! queue is full is dropped, told so, and resumes by cursor; subscribers
//! that filter an event out are not even woken) and queues it for the
//! store, where a writer task appends events in batches. A watcher
//! subscribes and copies the ring in the same critical section, so replay
//! (store, then ring) and the live tail meet with no gap and no duplicate.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tracing::{debug, warn};

use crate::clock::now_micros;
use crate::metrics::Counters;
pub use crate::model::{Event, EventFilter, EventKind};
use crate::store::Store;

/// How long and how many events the store keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Events older than this are deleted.
    pub max_age: Duration,
    /// At most this many events are kept.
    pub max_count: u64,
}

impl Default for Retention {
    fn default() -> Self {
        Self {
            max_age: Duration::from_secs(7 * 86_400),
            max_count: 10_000_000,
        }
    }
}

#[derive(Debug)]
struct Inner {
    next: u64,
    ring: VecDeque<Arc<Event>>,
    subscribers: Vec<Live>,
}

/// A live subscriber as the hub sees it.
#[derive(Debug)]
struct Live {
    filter: EventFilter,
    tx: mpsc::Sender<Arc<Event>>,
    lagged: Arc<AtomicBool>,
}

/// The event hub. See the module documentation.
#[derive(Debug)]
pub struct EventHub {
    inner: Mutex<Inner>,
    ring_len: usize,
    persist: mpsc::Sender<Arc<Event>>,
    persisted: watch::Receiver<u64>,
    pub(crate) counters: Arc<Counters>,
}

/// The store side of a hub: what `run_writer` drains and reports through.
#[derive(Debug)]
pub struct Writer {
    rx: mpsc::Receiver<Arc<Event>>,
    persisted: watch::Sender<u64>,
}

/// Events waiting for the store; beyond this they are counted and dropped
/// from persistence (live subscribers still get them).
const PERSIST_QUEUE: usize = 1 << 20;

/// What a new watcher starts from.
#[derive(Debug)]
pub struct Subscription {
    /// The recent events, oldest first (unfiltered), taken together with
    /// `live`.
    pub recent: Vec<Arc<Event>>,
    /// Every event after `recent` that passes the filter. Ends when the
    /// subscriber fell behind (`lagged` is then set) or the hub is gone.
    pub live: mpsc::Receiver<Arc<Event>>,
    /// Set when the hub dropped this subscriber for falling behind.
    pub lagged: Arc<AtomicBool>,
    /// The cursor the next event will get.
    pub next: u64,
}

impl EventHub {
    /// A hub whose first event gets `next` (one past the store's last), with
    /// `buffer` events of slack per live subscriber and in the ring. Returns
    /// the writer to hand to `run_writer`; it ends once the hub is dropped.
    pub fn new(next: u64, buffer: usize, counters: Arc<Counters>) -> (Arc<Self>, Writer) {
        let (persist, rx) = mpsc::channel(PERSIST_QUEUE);
        let (persisted_tx, persisted) = watch::channel(next.saturating_sub(1));
        (
            Arc::new(Self {
                inner: Mutex::new(Inner {
                    next,
                    ring: VecDeque::with_capacity(buffer.max(16)),
                    subscribers: Vec::new(),
                }),
                ring_len: buffer.max(16),
                persist,
                persisted,
                counters,
            }),
            Writer {
                rx,
                persisted: persisted_tx,
            },
        )
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes an event: cursor and time assigned, ring, live, store.
    pub fn emit(&self, mut e: Event) {
        let e = {
            let mut g = self.lock();
            e.cursor = g.next;
            e.time = now_micros();
            g.next += 1;
            let e = Arc::new(e);
            if g.ring.len() == self.ring_len {
                g.ring.pop_front();
            }
            g.ring.push_back(e.clone());
            let counters = &self.counters;
            g.subscribers.retain(|s| {
                if !s.filter.matches(&e) {
                    return !s.tx.is_closed();
                }
                match s.tx.try_send(e.clone()) {
                    Ok(()) => true,
                    Err(mpsc::error::TrySendError::Full(_)) => {
                        s.lagged.store(true, Ordering::Release);
                        counters.add("events.subscriber_lagged", 1);
                        false
                    }
                    Err(mpsc::error::TrySendError::Closed(_)) => false,
                }
            });
            if e.kind == EventKind::ServerStopping {
                // Every stream ends here (after what is queued for it), so
                // graceful shutdown does not wait on open streams.
                g.subscribers.clear();
            }
            e
        };
        if self.persist.try_send(e).is_err() {
            self.counters.add("events.not_persisted", 1);
        }
    }

    /// Subscribes with `filter`: the ring and the live tail, taken
    /// atomically.
    pub fn subscribe(&self, filter: EventFilter) -> Subscription {
        let (tx, live) = mpsc::channel(self.ring_len);
        let lagged = Arc::new(AtomicBool::new(false));
        let mut g = self.lock();
        g.subscribers.push(Live {
            filter,
            tx,
            lagged: lagged.clone(),
        });
        Subscription {
            recent: g.ring.iter().cloned().collect(),
            live,
            lagged,
            next: g.next,
        }
    }

    /// Live subscribers now.
    pub fn subscribers(&self) -> usize {
        self.lock().subscribers.len()
    }

    /// Waits until every event up to `cursor` is in the store.
    pub async fn persisted_through(&self, cursor: u64) {
        let mut rx = self.persisted.clone();
        let _ = rx.wait_for(|p| *p >= cursor).await;
    }
}

/// Most events in one write.
const MAX_EVENT_BATCH: usize = 8192;
/// How long the writer gathers events before a write.
const GATHER: Duration = Duration::from_millis(20);

/// Appends queued events to the store in batches until the hub is gone and
/// the queue is empty; prunes by `retention` about once a minute.
pub async fn run_writer(store: Arc<dyn Store>, writer: Writer, retention: Retention) {
    let Writer { mut rx, persisted } = writer;
    let mut batch = Vec::with_capacity(1024);
    // The first prune runs with the first batch, then about once a minute.
    let mut last_prune = std::time::Instant::now()
        .checked_sub(Duration::from_secs(60))
        .unwrap_or_else(std::time::Instant::now);
    loop {
        let n = tokio::select! {
            n = rx.recv_many(&mut batch, MAX_EVENT_BATCH) => n,
            () = tokio::time::sleep(Duration::from_secs(60)) => 0,
        };
        if n > 0 {
            // Persistence is not on anyone's critical path (the ring serves
            // recent replays): gather a little longer for fewer, larger
            // writes, which costs far less CPU than one write per packet.
            tokio::time::sleep(GATHER).await;
            while batch.len() < MAX_EVENT_BATCH {
                match rx.try_recv() {
                    Ok(e) => batch.push(e),
                    Err(_) => break,
                }
            }
            let events: Vec<&Event> = batch.iter().map(|e| &**e).collect();
            let mut delay = Duration::from_millis(100);
            // Retried until it lands: events are the record a subscriber
            // resumes from, and the queue holds the rest meanwhile.
            while let Err(e) = store.append_events(&events).await {
                warn!(error = %e, events = events.len(), "cannot persist events; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(5));
            }
            if let Some(last) = batch.last() {
                persisted.send_replace(last.cursor);
            }
            batch.clear();
        } else if rx.is_closed() && rx.is_empty() {
            return;
        }
        if last_prune.elapsed() >= Duration::from_secs(60) {
            last_prune = std::time::Instant::now();
            let before =
                now_micros() - i64::try_from(retention.max_age.as_micros()).unwrap_or(i64::MAX);
            match store.prune_events(before, retention.max_count).await {
                Ok(n) if n > 0 => debug!(deleted = n, "events pruned"),
                Ok(_) => {}
                Err(e) => warn!(error = %e, "cannot prune events"),
            }
        }
    }
}
