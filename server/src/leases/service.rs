//! The lease service: one request in, one decision applied, what to send
//! and what to make durable out. Holds the provisioning snapshot, the lease
//! table and the counters; the network layer and the API share it.

use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex, RwLock};

use tracing::{debug, field, info, info_span, warn, Span};

use super::table::LeaseTable;
use super::{Provisioning, StateView};
use crate::engine::v4::{self, decide, parse, Arrival, Decision, OptionMap, Outcome, Reply};
use crate::events::{Event, EventHub, EventKind};
use crate::metrics::Counters;
use crate::model::{
    Binding, ClientId, Lease, LeaseChange, LeaseFilter, LeaseState, Page, SubnetId,
};
use crate::store::{Result, Store};

/// What to do after a request was handled.
#[derive(Debug)]
pub struct Handled {
    /// The reply, if any.
    pub reply: Option<Reply>,
    /// Leases that must be durable before the reply is sent.
    pub durable: Vec<Lease>,
    /// The lease event: to publish once `durable` is in the store (at once
    /// when there is nothing to make durable).
    pub event: Option<Event>,
    /// The exchange's span (xid, MAC, message type, address): what is
    /// logged about it later, on the commit path, is logged in it.
    pub span: Span,
}

impl Handled {
    fn dropped() -> Self {
        Self {
            reply: None,
            durable: Vec::new(),
            event: None,
            span: Span::none(),
        }
    }
}

/// Shared lease state.
#[derive(Debug)]
pub struct LeaseService {
    store: Arc<dyn Store>,
    prov: RwLock<Arc<Provisioning>>,
    table: Mutex<LeaseTable>,
    cfg: v4::Config,
    /// Counters of packets, replies and drops.
    pub counters: Arc<Counters>,
    /// Where lease events go.
    pub events: Arc<EventHub>,
}

/// An optional value for a log field: empty when absent.
struct Opt<T>(Option<T>);

impl<T: std::fmt::Display> std::fmt::Display for Opt<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(v) => v.fmt(f),
            None => Ok(()),
        }
    }
}

/// A transaction id as 0x-prefixed hex.
struct Hex(u32);

impl std::fmt::Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:#010x}", self.0)
    }
}

/// The lease event a change makes, if any.
fn event_kind(change: &LeaseChange) -> Option<EventKind> {
    Some(match change {
        LeaseChange::Offer(_) => EventKind::Offered,
        LeaseChange::Bind(_, Binding::New) => EventKind::Bound,
        LeaseChange::Bind(_, Binding::Renewal) => EventKind::Renewed,
        LeaseChange::Bind(_, Binding::Rebinding) => EventKind::Rebound,
        LeaseChange::Release(_) => EventKind::Released,
        LeaseChange::Decline(..) => EventKind::Declined,
        LeaseChange::DropOffer(..) => return None,
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic while holding the lock is a bug already logged; the table
    // itself is still consistent at every await-free step.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl LeaseService {
    /// Loads provisioning and leases from the store.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn load(
        store: Arc<dyn Store>,
        cfg: v4::Config,
        now: i64,
        events: Arc<EventHub>,
    ) -> Result<Arc<Self>> {
        let prov = Provisioning::load(store.as_ref()).await?;
        let mut table = LeaseTable::default();
        let mut after = 0i64;
        loop {
            let batch = store
                .list_leases(
                    &LeaseFilter::default(),
                    Page {
                        after,
                        limit: 10_000,
                    },
                )
                .await?;
            let Some(last) = batch.last() else { break };
            after = i64::from(u32::from(last.ip));
            for l in batch {
                table.insert(l);
            }
        }
        table.rebuild_pools(&prov, now);
        info!(
            leases = table.len(),
            subnets = prov.subnets().len(),
            "lease table loaded"
        );
        Ok(Arc::new(Self {
            store,
            prov: RwLock::new(Arc::new(prov)),
            table: Mutex::new(table),
            cfg,
            counters: events.counters.clone(),
            events,
        }))
    }

    /// The store behind the service.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    fn snapshot(&self) -> Arc<Provisioning> {
        self.prov.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Re-reads provisioning from the store; the next packet sees it.
    ///
    /// # Errors
    /// When the store fails; the old snapshot stays.
    pub async fn reload(&self, now: i64) -> Result<()> {
        let prov = Arc::new(Provisioning::load(self.store.as_ref()).await?);
        lock(&self.table).rebuild_pools(&prov, now);
        *self.prov.write().unwrap_or_else(|e| e.into_inner()) = prov;
        Ok(())
    }

    /// The options a client at `scope` receives, from the current snapshot.
    pub fn resolved_options(&self, scope: crate::model::OptionScope) -> Option<OptionMap> {
        self.snapshot().resolved(scope).cloned()
    }

    /// Handles one datagram: parse, decide against the current state, apply
    /// the change to the table, count and log it.
    pub fn handle(&self, bytes: &[u8], arrival: &Arrival<'_>, now: i64) -> Handled {
        let req = match parse(bytes) {
            Ok(r) => r,
            Err(why) => {
                debug!(src = %arrival.src, reason = why.name(), len = bytes.len(), "dropped malformed packet");
                self.counters.bump("drop", why.name());
                return Handled::dropped();
            }
        };
        let kind = req.msg_type.map_or("bootp", |t| t.name());
        self.counters.bump("received", kind);
        // Fields are formatted only when the span is enabled.
        let span = info_span!(
            "exchange",
            xid = %Hex(req.xid),
            mac = %Opt(req.mac),
            msg = kind,
            ip = field::Empty,
        );
        let _in_exchange = span.enter();
        let prov = self.snapshot();
        let cidr = |s: SubnetId| prov.subnet(s).map(|s| s.spec.cidr);
        let (mut decision, durable, event) = {
            let mut table = lock(&self.table);
            let view = StateView {
                prov: &prov,
                table: &table,
            };
            let mut d: Decision = decide(&req, arrival, &view, &self.cfg, now);
            let kind = d.change.as_ref().and_then(event_kind);
            let offered = match (&d.change, kind) {
                (Some(LeaseChange::Offer(l)), Some(k)) => {
                    Some(Event::lease(k, l, cidr(l.subnet_id)))
                }
                _ => None,
            };
            let durable = match d.change.take() {
                Some(c) => table.apply(&prov, c, now),
                None => Vec::new(),
            };
            let event = offered.or_else(|| {
                let l = durable.first()?;
                Some(Event::lease(kind?, l, cidr(l.subnet_id)))
            });
            (d, durable, event)
        };
        let event = event.or_else(|| match decision.outcome {
            Outcome::Nak(reason) => {
                let mut e = Event::new(EventKind::Naked).with("reason", reason.as_str());
                e.mac = req.mac;
                e.client_id = req.client_id.clone().map(ClientId);
                e.ip = decision.ip.or(req.requested_ip);
                e.subnet_id = decision.subnet;
                e.subnet = decision.subnet.and_then(cidr);
                Some(e)
            }
            _ => None,
        });
        if let Some(ip) = decision.ip {
            span.record("ip", field::display(ip));
        }
        let sent = decision
            .reply
            .as_ref()
            .map_or("none", |r| r.msg_type.map_or("bootreply", |t| t.name()));
        let subnet = Opt(decision.subnet.and_then(cidr));
        match decision.outcome {
            Outcome::Replied | Outcome::Released | Outcome::Declined => {
                info!(reply = sent, subnet = %subnet, "exchange");
            }
            Outcome::Nak(reason) | Outcome::NoOffer(reason) => {
                info!(reply = sent, subnet = %subnet, reason = reason.as_str(), "exchange");
            }
            Outcome::Silent(reason) => {
                debug!(subnet = %subnet, reason = reason.as_str(), "no reply");
            }
        }
        if let Some(r) = decision.outcome.reason() {
            let prefix = match decision.outcome {
                Outcome::Nak(_) => "nak",
                Outcome::NoOffer(_) => "no_offer",
                _ => "silent",
            };
            self.counters.bump(prefix, r.as_str());
        }
        if decision.reply.is_some() {
            self.counters.bump("sent", sent);
        }
        drop(_in_exchange);
        Handled {
            reply: decision.reply.take(),
            durable,
            event,
            span,
        }
    }

    /// Ends what has run out; returns the leases to persist and their
    /// events.
    pub fn expire(&self, now: i64) -> (Vec<Lease>, Vec<Event>) {
        let out = lock(&self.table).expire(now);
        if !out.is_empty() {
            self.counters.add("leases.expired", out.len() as u64);
        }
        let prov = self.snapshot();
        let events = out
            .iter()
            .map(|l| {
                let cidr = prov.subnet(l.subnet_id).map(|s| s.spec.cidr);
                Event::lease(EventKind::Expired, l, cidr)
            })
            .collect();
        (out, events)
    }

    /// Releases a lease on an operator's request: store first, then memory.
    ///
    /// # Errors
    /// When the store fails or has no such lease.
    pub async fn operator_release(&self, ip: Ipv4Addr, now: i64, principal: &str) -> Result<Lease> {
        let l = self.store.release_lease(ip, now).await?;
        if lock(&self.table)
            .end(ip, LeaseState::Released, now)
            .is_none()
        {
            warn!(ip = %ip, "released lease was not in memory");
        }
        let cidr = self.snapshot().subnet(l.subnet_id).map(|s| s.spec.cidr);
        self.events
            .emit(Event::lease(EventKind::Released, &l, cidr).by(principal));
        Ok(l)
    }
}
