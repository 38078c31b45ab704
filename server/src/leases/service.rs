//! The lease service: one request in, one decision applied, what to send
//! and what to make durable out. Holds the provisioning snapshot, the lease
//! table and the counters; the network layer and the API share it.

use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex, RwLock};

use tracing::{debug, info, warn};

use super::table::LeaseTable;
use super::{Counters, Provisioning};
use crate::engine::v4::{
    self, decide, parse, Arrival, ClientKey, Decision, LeaseChange, OptionMap, Outcome, Reply, View,
};
use crate::events::{Event, EventHub, EventKind};
use crate::model::{
    ClientId, Lease, LeaseFilter, LeaseState, Mac, Page, Reservation, ReservationId, Subnet,
    SubnetId,
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

/// The engine's view of the server: a provisioning snapshot and the lease table.
#[derive(Debug, Clone, Copy)]
pub struct StateView<'a> {
    /// Provisioning.
    pub prov: &'a Provisioning,
    /// Leases.
    pub table: &'a LeaseTable,
}

impl View for StateView<'_> {
    fn subnet_for_iface(&self, iface: Option<&str>, local: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_for_iface(iface, local)
    }
    fn subnet_for_relay(&self, giaddr: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_for_relay(giaddr)
    }
    fn subnet_containing(&self, ip: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_containing(ip)
    }
    fn reservation(
        &self,
        subnet: SubnetId,
        mac: Option<Mac>,
        client_id: Option<&[u8]>,
    ) -> Option<&Reservation> {
        self.prov.reservation(subnet, mac, client_id)
    }
    fn reservation_at(&self, ip: Ipv4Addr) -> Option<&Reservation> {
        self.prov.reservation_at(ip)
    }
    fn options(
        &self,
        subnet: SubnetId,
        ip: Ipv4Addr,
        reservation: Option<ReservationId>,
    ) -> &OptionMap {
        self.prov.options(subnet, ip, reservation)
    }
    fn lease_at(&self, ip: Ipv4Addr) -> Option<&Lease> {
        self.table.get(ip)
    }
    fn lease_of(&self, subnet: SubnetId, key: &ClientKey) -> Option<&Lease> {
        self.table.of_client(subnet, key)
    }
    fn allocatable(&self, subnet: SubnetId, ip: Ipv4Addr) -> bool {
        self.prov.allocatable(subnet, ip)
    }
    fn next_free(&self, subnet: SubnetId, now: i64) -> Option<Ipv4Addr> {
        self.table.next_free(self.prov, subnet, now)
    }
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

/// The lease event a change makes, if any. A binding of an address the
/// client already holds is a renewal (unicast) or a rebinding (broadcast).
fn event_kind(
    change: &LeaseChange,
    table: &LeaseTable,
    req: &v4::Request,
    arrival: &Arrival<'_>,
) -> Option<EventKind> {
    Some(match change {
        LeaseChange::Offer(_) => EventKind::Offered,
        LeaseChange::Bind(l) => {
            let extends = !req.ciaddr.is_unspecified()
                && table.get(l.ip).is_some_and(|p| {
                    p.state == LeaseState::Bound && p.mac == l.mac && p.client_id == l.client_id
                });
            match (extends, arrival.broadcast) {
                (false, _) => EventKind::Bound,
                (true, false) => EventKind::Renewed,
                (true, true) => EventKind::Rebound,
            }
        }
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

    /// Handles one datagram.
    pub fn handle(&self, bytes: &[u8], arrival: &Arrival<'_>, now: i64) -> Handled {
        let req = match parse(bytes) {
            Ok(r) => r,
            Err(why) => {
                debug!(src = %arrival.src, reason = why.name(), len = bytes.len(), "dropped malformed packet");
                self.counters.bump("drop", why.name());
                return Handled {
                    reply: None,
                    durable: Vec::new(),
                    event: None,
                };
            }
        };
        let kind = req.msg_type.map_or("bootp", |t| t.name());
        self.counters.bump("received", kind);
        let prov = self.snapshot();
        let cidr = |s: SubnetId| prov.subnet(s).map(|s| s.spec.cidr);
        let (mut decision, durable, event) = {
            let mut table = lock(&self.table);
            let mut d: Decision = decide(
                &req,
                arrival,
                &StateView {
                    prov: &prov,
                    table: &table,
                },
                &self.cfg,
                now,
            );
            // The kind is read before the table changes: a binding's says
            // whether the client already held it.
            let kind = d
                .change
                .as_ref()
                .and_then(|c| event_kind(c, &table, &req, arrival));
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
                let mut e = Event::new(EventKind::Naked).with("reason", reason);
                e.mac = req.mac;
                e.client_id = req.client_id.clone().map(ClientId);
                e.ip = decision.ip.or(req.requested_ip);
                e.subnet_id = decision.subnet;
                e.subnet = decision.subnet.and_then(cidr);
                Some(e)
            }
            _ => None,
        });
        let sent = decision
            .reply
            .as_ref()
            .map_or("none", |r| r.msg_type.map_or("bootreply", |t| t.name()));
        // Fields are formatted only when the line is enabled.
        let (xid, mac, ip) = (Hex(req.xid), Opt(req.mac), Opt(decision.ip));
        let subnet = Opt(decision.subnet.and_then(cidr));
        match decision.outcome {
            Outcome::Replied | Outcome::Released | Outcome::Declined => {
                info!(xid = %xid, mac = %mac, ip = %ip, msg = kind, reply = sent, subnet = %subnet, "exchange");
            }
            Outcome::Nak(reason) | Outcome::NoOffer(reason) => {
                info!(xid = %xid, mac = %mac, ip = %ip, msg = kind, reply = sent, subnet = %subnet, reason, "exchange");
            }
            Outcome::Silent(reason) => {
                debug!(xid = %xid, mac = %mac, msg = kind, subnet = %subnet, reason, "no reply");
            }
        }
        if let Some(r) = decision.outcome.reason() {
            let prefix = match decision.outcome {
                Outcome::Nak(_) => "nak",
                Outcome::NoOffer(_) => "no_offer",
                _ => "silent",
            };
            self.counters.bump(prefix, r);
        }
        if decision.reply.is_some() {
            self.counters.bump("sent", sent);
        }
        Handled {
            reply: decision.reply.take(),
            durable,
            event,
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
