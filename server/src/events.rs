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

use std::collections::{BTreeMap, VecDeque};
use std::net::Ipv4Addr;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ipnet::Ipv4Net;
use tokio::sync::{mpsc, watch};
use tracing::{debug, warn};

use crate::leases::Counters;
use crate::model::{ClientId, Lease, Mac, SubnetId};
use crate::store::Store;

macro_rules! kinds {
    ($($variant:ident = $name:literal, $pb:literal;)*) => {
        /// What an event records.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventKind {
            $(#[doc = concat!("`", $name, "`")] $variant,)*
        }

        impl EventKind {
            /// Every kind.
            pub const ALL: &'static [EventKind] = &[$(EventKind::$variant),*];

            /// The name used in the store, the CLI and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $(EventKind::$variant => $name,)* }
            }

            /// The `dhcplane.v1.EventKind` number.
            pub fn number(self) -> i32 {
                match self { $(EventKind::$variant => $pb,)* }
            }

            /// The kind with this `dhcplane.v1.EventKind` number.
            pub fn from_number(n: i32) -> Option<Self> {
                match n { $($pb => Some(EventKind::$variant),)* _ => None }
            }
        }

        impl FromStr for EventKind {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($name => Ok(EventKind::$variant),)*
                    _ => Err(format!(
                        "{s:?} is not an event kind; use one of: {}",
                        [$($name),*].join(", ")
                    )),
                }
            }
        }
    };
}

kinds! {
    Offered = "offered", 1;
    Bound = "bound", 2;
    Renewed = "renewed", 3;
    Rebound = "rebound", 4;
    Released = "released", 5;
    Expired = "expired", 6;
    Declined = "declined", 7;
    Naked = "naked", 8;
    SubnetCreated = "subnet_created", 20;
    SubnetUpdated = "subnet_updated", 21;
    SubnetDeleted = "subnet_deleted", 22;
    PoolCreated = "pool_created", 23;
    PoolUpdated = "pool_updated", 24;
    PoolDeleted = "pool_deleted", 25;
    ReservationCreated = "reservation_created", 26;
    ReservationUpdated = "reservation_updated", 27;
    ReservationDeleted = "reservation_deleted", 28;
    OptionCreated = "option_created", 29;
    OptionUpdated = "option_updated", 30;
    OptionDeleted = "option_deleted", 31;
    ServerStarted = "server_started", 40;
    ServerStopping = "server_stopping", 41;
    StoreUnavailable = "store_unavailable", 42;
    StoreAvailable = "store_available", 43;
}

/// One event. `cursor` and `time` are set by the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Position in the stream; only grows.
    pub cursor: u64,
    /// Unix microseconds.
    pub time: i64,
    /// What happened.
    pub kind: EventKind,
    /// The client's MAC.
    pub mac: Option<Mac>,
    /// The client identifier.
    pub client_id: Option<ClientId>,
    /// The address concerned.
    pub ip: Option<Ipv4Addr>,
    /// The subnet concerned.
    pub subnet_id: Option<SubnetId>,
    /// Its CIDR.
    pub subnet: Option<Ipv4Net>,
    /// The client's host name.
    pub hostname: Option<String>,
    /// Who made the change.
    pub principal: Option<String>,
    /// Anything else, by name.
    pub details: BTreeMap<String, String>,
}

impl Event {
    /// An event of `kind` with nothing else filled in.
    pub fn new(kind: EventKind) -> Self {
        Self {
            cursor: 0,
            time: 0,
            kind,
            mac: None,
            client_id: None,
            ip: None,
            subnet_id: None,
            subnet: None,
            hostname: None,
            principal: None,
            details: BTreeMap::new(),
        }
    }

    /// A lease event: client, address and subnet from the lease.
    pub fn lease(kind: EventKind, l: &Lease, subnet: Option<Ipv4Net>) -> Self {
        let mut e = Self::new(kind);
        e.mac = l.mac;
        e.client_id = l.client_id.clone();
        e.ip = Some(l.ip);
        e.subnet_id = Some(l.subnet_id);
        e.subnet = subnet;
        e.hostname = l.hostname.clone();
        e.details.insert("lease_ends".into(), l.ends.to_string());
        e
    }

    /// Adds a detail.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.details.insert(key.to_string(), value.to_string());
        self
    }

    /// Sets the principal.
    #[must_use]
    pub fn by(mut self, principal: &str) -> Self {
        self.principal = Some(principal.to_string());
        self
    }
}

/// Which events a watcher wants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this MAC.
    pub mac: Option<Mac>,
    /// Only this address.
    pub ip: Option<Ipv4Addr>,
    /// Only this subnet.
    pub subnet: Option<Ipv4Net>,
    /// Only these kinds (empty: all).
    pub kinds: Vec<EventKind>,
}

impl Filter {
    /// Whether `e` passes.
    pub fn matches(&self, e: &Event) -> bool {
        self.mac.is_none_or(|m| e.mac == Some(m))
            && self.ip.is_none_or(|i| e.ip == Some(i))
            && self.subnet.is_none_or(|s| e.subnet == Some(s))
            && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
    }
}

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

/// Unix microseconds now.
pub fn now_micros() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
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
    filter: Filter,
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
    pub fn subscribe(&self, filter: Filter) -> Subscription {
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
