//! The DHCPv4 server behind the sockets: each datagram parsed and decided
//! by the engine against the lease service's state, the decision applied,
//! counted, logged in the exchange's span and published. A reply whose
//! binding must be durable goes to the commit lanes with its binding and
//! leaves from there once the binding is in the store; every other reply
//! leaves at once.

use std::sync::Arc;

use tracing::{debug, field, info, info_span, Span};

use super::StateView;
use crate::engine::v4::{decide, parse, Arrival, Config, Decision, Outcome, Reply};
use crate::events::{Event, EventKind};
use crate::leases::{CommitItem, CommitLanes, LeaseService};
use crate::model::{ClientId, Lease, LeaseChange, SubnetId};
use crate::net::{Outgoing, PacketHandler, Via};

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

/// The DHCPv4 server: the lease service, the engine's settings, and the
/// commit lanes its bindings go through.
#[derive(Debug)]
pub struct DhcpV4 {
    service: Arc<LeaseService>,
    commits: CommitLanes<Outgoing>,
    cfg: Config,
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

impl DhcpV4 {
    /// A server deciding with `cfg` on `service`'s state and committing
    /// through `commits`.
    pub fn new(service: Arc<LeaseService>, commits: CommitLanes<Outgoing>, cfg: Config) -> Self {
        Self {
            service,
            commits,
            cfg,
        }
    }

    /// Handles one datagram: parse, decide against the current state, apply
    /// the change to the table, count and log it.
    pub fn exchange(&self, bytes: &[u8], arrival: &Arrival<'_>, now: i64) -> Handled {
        let service = &self.service;
        let req = match parse(bytes) {
            Ok(r) => r,
            Err(why) => {
                debug!(src = %arrival.src, reason = why.name(), len = bytes.len(), "dropped malformed packet");
                service.counters.bump("drop", why.name());
                return Handled::dropped();
            }
        };
        let kind = req.msg_type.map_or("bootp", |t| t.name());
        service.counters.bump("received", kind);
        // Fields are formatted only when the span is enabled.
        let span = info_span!(
            "exchange",
            xid = %Hex(req.xid),
            mac = %Opt(req.mac),
            msg = kind,
            ip = field::Empty,
        );
        let _in_exchange = span.enter();
        let prov = service.snapshot();
        let cidr = |s: SubnetId| prov.subnet(s).map(|s| s.spec.cidr);
        let (mut decision, durable, event) = service.with_table(|table| {
            let view = StateView { prov: &prov, table };
            let mut d: Decision = decide(&req, arrival, &view, &self.cfg, now);
            let kind = d.change.as_ref().and_then(LeaseChange::event_kind);
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
        });
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
            service.counters.bump(prefix, r.as_str());
        }
        if decision.reply.is_some() {
            service.counters.bump("sent", sent);
        }
        drop(_in_exchange);
        Handled {
            reply: decision.reply.take(),
            durable,
            event,
            span,
        }
    }
}

impl PacketHandler for DhcpV4 {
    fn handle(&self, datagram: &[u8], arrival: &Arrival<'_>, via: &Via, now: i64) -> Option<Reply> {
        let handled = self.exchange(datagram, arrival, now);
        if handled.durable.is_empty() {
            if let Some(e) = handled.event {
                self.service.events.emit(e);
            }
            return handled.reply;
        }
        let item = CommitItem {
            leases: handled.durable,
            events: handled.event.into_iter().collect(),
            then: handled.reply.map(|reply| Outgoing {
                via: via.clone(),
                reply,
            }),
            span: handled.span,
        };
        if let Err(item) = self.commits.try_send(item) {
            item.span
                .in_scope(|| debug!("commit queue full; request dropped"));
            self.service.counters.add("drop.commit_queue_full", 1);
        }
        None
    }
}
