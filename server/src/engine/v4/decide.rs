//! The RFC 2131 state machine: which subnet, which address, which reply,
//! which lease change. Reads state through [`View`]; changes nothing.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddrV4};

use super::encode::{encode_reply, ReplySpec};
use super::{Arrival, ClientKey, Destination, MessageType, Reply, Request};
use crate::model::{
    ClientId, Lease, LeaseState, Mac, Reservation, ReservationId, Subnet, SubnetId,
};

/// Options after inheritance, by code.
pub type OptionMap = BTreeMap<u8, Vec<u8>>;

/// What the engine may read of the server's state.
pub trait View {
    /// The subnet serving clients attached to `iface`, whose address here is `local`.
    fn subnet_for_iface(&self, iface: Option<&str>, local: Ipv4Addr) -> Option<&Subnet>;
    /// The subnet a relay address selects.
    fn subnet_for_relay(&self, giaddr: Ipv4Addr) -> Option<&Subnet>;
    /// The subnet whose network contains `ip`.
    fn subnet_containing(&self, ip: Ipv4Addr) -> Option<&Subnet>;
    /// The reservation of a client in a subnet: by MAC first, then client-id.
    fn reservation(
        &self,
        subnet: SubnetId,
        mac: Option<Mac>,
        client_id: Option<&[u8]>,
    ) -> Option<&Reservation>;
    /// The reservation holding `ip`.
    fn reservation_at(&self, ip: Ipv4Addr) -> Option<&Reservation>;
    /// Options for a client at `ip` (its pool's) or of a reservation, after inheritance.
    fn options(
        &self,
        subnet: SubnetId,
        ip: Ipv4Addr,
        reservation: Option<ReservationId>,
    ) -> &OptionMap;
    /// The lease of an address.
    fn lease_at(&self, ip: Ipv4Addr) -> Option<&Lease>;
    /// The current or previous lease of a client in a subnet.
    fn lease_of(&self, subnet: SubnetId, key: &ClientKey) -> Option<&Lease>;
    /// Whether `ip` is in one of the subnet's pools and not excluded.
    fn allocatable(&self, subnet: SubnetId, ip: Ipv4Addr) -> bool;
    /// A free pool address of the subnet.
    fn next_free(&self, subnet: SubnetId, now: i64) -> Option<Ipv4Addr>;
}

/// Engine settings from the bootstrap configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// How long an offered address is held for the client, seconds.
    pub offer_hold: u32,
    /// How long a declined address stays out of use, seconds.
    pub decline_probation: u32,
    /// Port relays listen on (67).
    pub server_port: u16,
    /// Port clients listen on (68).
    pub client_port: u16,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            offer_hold: 30,
            decline_probation: 86_400,
            server_port: 67,
            client_port: 68,
        }
    }
}

/// A change to the lease table the decision needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeaseChange {
    /// Hold an offered address (memory only).
    Offer(Lease),
    /// Bind: durable before the reply leaves.
    Bind(Lease),
    /// Drop the client's offer: it chose another server.
    DropOffer(SubnetId, ClientKey),
    /// The client released its address.
    Release(Ipv4Addr),
    /// The client found its address in use: out of use until `until`.
    Decline(Ipv4Addr, i64),
}

/// What happened, for the log line and the counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A reply was made.
    Replied,
    /// No address could be offered.
    NoOffer(&'static str),
    /// A NAK was made.
    Nak(&'static str),
    /// Nothing is sent, as the RFC says.
    Silent(&'static str),
    /// The address was released.
    Released,
    /// The address was declined.
    Declined,
}

impl Outcome {
    /// The reason, if any.
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Outcome::NoOffer(r) | Outcome::Nak(r) | Outcome::Silent(r) => Some(r),
            _ => None,
        }
    }
}

/// The engine's answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Decision {
    /// The reply to send, after `change` is durable if it needs to be.
    pub reply: Option<Reply>,
    /// The lease change.
    pub change: Option<LeaseChange>,
    /// What happened.
    pub outcome: Outcome,
    /// The subnet chosen.
    pub subnet: Option<SubnetId>,
    /// The address concerned.
    pub ip: Option<Ipv4Addr>,
}

impl Decision {
    fn silent(reason: &'static str, subnet: Option<SubnetId>) -> Self {
        Self {
            reply: None,
            change: None,
            outcome: Outcome::Silent(reason),
            subnet,
            ip: None,
        }
    }
}

/// Effective lease timing of a subnet for a client's request.
fn timing(s: &Subnet, requested: Option<u32>) -> (u32, u32, u32) {
    let lease = s.spec.lease.grant(requested);
    let t2 = s
        .spec
        .t2
        .unwrap_or((u64::from(lease) * 7 / 8) as u32)
        .min(lease);
    let t1 = s.spec.t1.unwrap_or(lease / 2).min(t2);
    (lease, t1, t2)
}

struct Ctx<'a, V: View> {
    req: &'a Request,
    arrival: &'a Arrival<'a>,
    view: &'a V,
    cfg: &'a Config,
    now: i64,
    key: ClientKey,
}

impl<V: View> Ctx<'_, V> {
    fn reservation_matches(&self, r: &Reservation) -> bool {
        (r.spec.mac.is_some() && r.spec.mac == self.req.mac)
            || (r.spec.client_id.is_some()
                && r.spec.client_id.as_ref().map(|c| c.0.as_slice())
                    == self.req.client_id.as_deref())
    }

    /// Whether this client may have `ip`: not reserved for someone else,
    /// not leased to someone else, not declined.
    fn usable(&self, ip: Ipv4Addr) -> bool {
        if self
            .view
            .reservation_at(ip)
            .is_some_and(|r| !self.reservation_matches(r))
        {
            return false;
        }
        match self.view.lease_at(ip) {
            None => true,
            Some(l) if l.state == LeaseState::Declined => l.ends <= self.now,
            Some(l) => self.key.owns(l) || !l.holds_address(self.now),
        }
    }

    fn select_subnet(&self) -> Option<&Subnet> {
        let req = self.req;
        if !req.giaddr.is_unspecified() {
            return req
                .link_selection
                .and_then(|l| self.view.subnet_containing(l))
                .or_else(|| self.view.subnet_for_relay(req.giaddr))
                .or_else(|| self.view.subnet_containing(req.giaddr));
        }
        if let Some(l) = req.link_selection {
            return self.view.subnet_containing(l);
        }
        self.view
            .subnet_for_iface(self.arrival.iface, self.arrival.local)
    }

    /// RFC 2131 4.1: where a reply goes.
    fn route(&self, yiaddr: Ipv4Addr, nak: bool) -> Destination {
        let req = self.req;
        if !req.giaddr.is_unspecified() {
            let port = if req.relay_port {
                self.arrival.src.port()
            } else {
                self.cfg.server_port
            };
            return Destination::Relay(SocketAddrV4::new(req.giaddr, port));
        }
        // "In all cases, when 'giaddr' is zero, the server broadcasts any DHCPNAK messages."
        if nak {
            return Destination::Broadcast;
        }
        if !req.ciaddr.is_unspecified() {
            return Destination::Client(SocketAddrV4::new(req.ciaddr, self.cfg.client_port));
        }
        match req.mac {
            Some(mac) if !req.broadcast && !yiaddr.is_unspecified() => {
                Destination::Hardware { ip: yiaddr, mac }
            }
            _ => Destination::Broadcast,
        }
    }

    /// Options in the client's option 55 order (all configured ones when it
    /// sent none), after the lease timing and subnet mask.
    fn options(
        &self,
        s: &Subnet,
        ip: Ipv4Addr,
        res: Option<&Reservation>,
        lease: Option<(u32, u32, u32)>,
    ) -> Vec<(u8, Vec<u8>)> {
        let mut out: Vec<(u8, Vec<u8>)> = Vec::with_capacity(12);
        if let Some((l, t1, t2)) = lease {
            out.push((51, l.to_be_bytes().to_vec()));
            out.push((58, t1.to_be_bytes().to_vec()));
            out.push((59, t2.to_be_bytes().to_vec()));
        }
        out.push((1, s.spec.cidr.netmask().octets().to_vec()));
        let configured = self.view.options(s.id, ip, res.map(|r| r.id));
        let hostname = res.and_then(|r| r.spec.hostname.as_deref());
        let mut push = |code: u8| {
            if out.iter().any(|(c, _)| *c == code) {
                return;
            }
            if let Some(d) = configured.get(&code) {
                out.push((code, d.clone()));
            } else if code == 12 {
                if let Some(h) = hostname {
                    out.push((12, h.as_bytes().to_vec()));
                }
            }
        };
        if self.req.prl.is_empty() {
            configured.keys().copied().for_each(&mut push);
            push(12);
        } else {
            self.req.prl.iter().copied().for_each(push);
        }
        // RFC 6842: echo the client identifier.
        if let Some(id) = &self.req.client_id {
            out.push((61, id.clone()));
        }
        out
    }

    fn reply(
        &self,
        t: Option<MessageType>,
        yiaddr: Ipv4Addr,
        ciaddr: Ipv4Addr,
        options: Vec<(u8, Vec<u8>)>,
    ) -> Reply {
        let bytes = encode_reply(&ReplySpec {
            req: self.req,
            msg_type: t,
            ciaddr,
            yiaddr,
            siaddr: Ipv4Addr::UNSPECIFIED,
            server_id: self.arrival.local,
            options,
        });
        Reply {
            bytes,
            to: self.route(yiaddr, t == Some(MessageType::Nak)),
            msg_type: t,
        }
    }

    fn nak(&self, s: Option<&Subnet>, reason: &'static str) -> Decision {
        let mut options = vec![(56, reason.replace('_', " ").into_bytes())];
        if let Some(id) = &self.req.client_id {
            options.push((61, id.clone()));
        }
        let bytes = encode_reply(&ReplySpec {
            req: self.req,
            msg_type: Some(MessageType::Nak),
            ciaddr: Ipv4Addr::UNSPECIFIED,
            yiaddr: Ipv4Addr::UNSPECIFIED,
            siaddr: Ipv4Addr::UNSPECIFIED,
            server_id: self.arrival.local,
            options,
        });
        Decision {
            reply: Some(Reply {
                bytes,
                to: self.route(Ipv4Addr::UNSPECIFIED, true),
                msg_type: Some(MessageType::Nak),
            }),
            change: None,
            outcome: Outcome::Nak(reason),
            subnet: s.map(|s| s.id),
            ip: self
                .req
                .requested_ip
                .or(Some(self.req.ciaddr))
                .filter(|i| !i.is_unspecified()),
        }
    }

    /// NAK when authoritative, else silence (RFC 2131 4.3.2).
    fn refuse(&self, s: Option<&Subnet>, reason: &'static str) -> Decision {
        match s {
            Some(sub) if sub.spec.authoritative => self.nak(s, reason),
            _ => Decision::silent(reason, s.map(|s| s.id)),
        }
    }

    fn lease(
        &self,
        s: &Subnet,
        ip: Ipv4Addr,
        state: LeaseState,
        secs: u32,
        res: Option<&Reservation>,
    ) -> Lease {
        Lease {
            ip,
            subnet_id: s.id,
            mac: self.req.mac,
            client_id: self.req.client_id.clone().map(ClientId),
            hostname: self
                .req
                .fqdn
                .clone()
                .or_else(|| self.req.hostname.clone())
                .or_else(|| res.and_then(|r| r.spec.hostname.clone())),
            state,
            starts: self.now,
            ends: self.now + i64::from(secs),
        }
    }

    /// ACK binding `ip` for the client.
    fn ack(
        &self,
        s: &Subnet,
        ip: Ipv4Addr,
        ciaddr: Ipv4Addr,
        extra: Option<(u8, Vec<u8>)>,
    ) -> Decision {
        let res = self
            .view
            .reservation(s.id, self.req.mac, self.req.client_id.as_deref())
            .filter(|r| r.spec.ip == ip);
        let t = timing(s, self.req.lease_time);
        let mut options = self.options(s, ip, res, Some(t));
        options.extend(extra);
        Decision {
            reply: Some(self.reply(Some(MessageType::Ack), ip, ciaddr, options)),
            change: Some(LeaseChange::Bind(self.lease(
                s,
                ip,
                LeaseState::Bound,
                t.0,
                res,
            ))),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    /// DISCOVER -> OFFER (or ACK with rapid commit).
    fn discover(&self) -> Decision {
        let Some(s) = self.select_subnet() else {
            return Decision::silent("no_subnet", None);
        };
        let res = self
            .view
            .reservation(s.id, self.req.mac, self.req.client_id.as_deref());
        let ip = res
            .map(|r| r.spec.ip)
            .filter(|ip| self.usable(*ip))
            .or_else(|| {
                self.view
                    .lease_of(s.id, &self.key)
                    .filter(|l| l.state != LeaseState::Declined)
                    .map(|l| l.ip)
                    .filter(|ip| self.view.allocatable(s.id, *ip) && self.usable(*ip))
            })
            .or_else(|| {
                self.req.requested_ip.filter(|ip| {
                    s.spec.cidr.contains(ip) && self.view.allocatable(s.id, *ip) && self.usable(*ip)
                })
            })
            .or_else(|| self.view.next_free(s.id, self.now));
        let Some(ip) = ip else {
            return Decision {
                reply: None,
                change: None,
                outcome: Outcome::NoOffer(if res.is_some() {
                    "reserved_address_in_use"
                } else {
                    "no_free_address"
                }),
                subnet: Some(s.id),
                ip: None,
            };
        };
        if s.spec.rapid_commit && self.req.rapid_commit {
            return self.ack(s, ip, Ipv4Addr::UNSPECIFIED, Some((80, Vec::new())));
        }
        let res = res.filter(|r| r.spec.ip == ip);
        let t = timing(s, self.req.lease_time);
        let options = self.options(s, ip, res, Some(t));
        Decision {
            reply: Some(self.reply(Some(MessageType::Offer), ip, Ipv4Addr::UNSPECIFIED, options)),
            change: Some(LeaseChange::Offer(self.lease(
                s,
                ip,
                LeaseState::Offered,
                self.cfg.offer_hold,
                res,
            ))),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    fn request(&self) -> Decision {
        let req = self.req;
        let subnet = self.select_subnet();
        if let Some(sid) = req.server_id {
            // SELECTING.
            if sid != self.arrival.local {
                return Decision {
                    change: subnet.map(|s| LeaseChange::DropOffer(s.id, self.key.clone())),
                    ..Decision::silent("selected_other_server", subnet.map(|s| s.id))
                };
            }
            let Some(s) = subnet else {
                return Decision::silent("no_subnet", None);
            };
            let Some(ip) = req
                .requested_ip
                .or(Some(req.ciaddr))
                .filter(|i| !i.is_unspecified())
            else {
                return Decision::silent("no_requested_address", Some(s.id));
            };
            let ours = self
                .view
                .lease_of(s.id, &self.key)
                .is_some_and(|l| l.ip == ip && l.state != LeaseState::Declined);
            if ours && s.spec.cidr.contains(&ip) && self.usable(ip) {
                return self.ack(s, ip, Ipv4Addr::UNSPECIFIED, None);
            }
            return self.nak(Some(s), "address_not_offered");
        }
        if let (Some(ip), true) = (req.requested_ip, req.ciaddr.is_unspecified()) {
            // INIT-REBOOT.
            let Some(s) = subnet else {
                return Decision::silent("no_subnet", None);
            };
            if !s.spec.cidr.contains(&ip) {
                return self.refuse(Some(s), "wrong_network");
            }
            let res = self
                .view
                .reservation(s.id, req.mac, req.client_id.as_deref());
            let known = self
                .view
                .lease_of(s.id, &self.key)
                .filter(|l| l.state != LeaseState::Declined);
            return match (known, res) {
                (_, Some(r)) if r.spec.ip == ip && self.usable(ip) => {
                    self.ack(s, ip, Ipv4Addr::UNSPECIFIED, None)
                }
                (_, Some(_)) => self.refuse(Some(s), "reserved_elsewhere"),
                (Some(l), None)
                    if l.ip == ip && self.usable(ip) && self.view.allocatable(s.id, ip) =>
                {
                    self.ack(s, ip, Ipv4Addr::UNSPECIFIED, None)
                }
                (Some(_), None) => self.refuse(Some(s), "wrong_address"),
                // "If the DHCP server has no record of this client, then it MUST remain silent."
                (None, None) => Decision::silent("no_record", Some(s.id)),
            };
        }
        if !req.ciaddr.is_unspecified() {
            // RENEWING (unicast) or REBINDING (broadcast).
            let ip = req.ciaddr;
            let s = subnet
                .filter(|s| s.spec.cidr.contains(&ip))
                .or_else(|| self.view.subnet_containing(ip));
            let Some(s) = s else {
                return self.refuse(subnet, "wrong_network");
            };
            let res = self
                .view
                .reservation(s.id, req.mac, req.client_id.as_deref());
            if let Some(r) = res {
                if r.spec.ip != ip {
                    return self.refuse(Some(s), "reserved_elsewhere");
                }
            }
            let owned = self
                .view
                .lease_at(ip)
                .is_some_and(|l| self.key.owns(l) && l.state != LeaseState::Declined);
            let free = res.is_some() || self.view.allocatable(s.id, ip);
            if (owned || free) && self.usable(ip) {
                return self.ack(s, ip, ip, None);
            }
            return self.refuse(Some(s), "address_not_available");
        }
        Decision::silent("request_without_address", subnet.map(|s| s.id))
    }

    fn release(&self) -> Decision {
        let ip = self.req.ciaddr;
        match self.view.lease_at(ip) {
            Some(l) if self.key.owns(l) && l.state == LeaseState::Bound => Decision {
                reply: None,
                change: Some(LeaseChange::Release(ip)),
                outcome: Outcome::Released,
                subnet: Some(l.subnet_id),
                ip: Some(ip),
            },
            _ => Decision::silent("release_not_owner", None),
        }
    }

    fn decline(&self) -> Decision {
        let Some(ip) = self.req.requested_ip else {
            return Decision::silent("decline_without_address", None);
        };
        match self.view.lease_at(ip) {
            Some(l)
                if self.key.owns(l)
                    && matches!(l.state, LeaseState::Bound | LeaseState::Offered) =>
            {
                Decision {
                    reply: None,
                    change: Some(LeaseChange::Decline(
                        ip,
                        self.now + i64::from(self.cfg.decline_probation),
                    )),
                    outcome: Outcome::Declined,
                    subnet: Some(l.subnet_id),
                    ip: Some(ip),
                }
            }
            _ => Decision::silent("decline_not_owner", None),
        }
    }

    /// INFORM: options only, no lease, to ciaddr.
    fn inform(&self) -> Decision {
        let ip = self.req.ciaddr;
        if ip.is_unspecified() {
            return Decision::silent("inform_without_ciaddr", None);
        }
        let s = self
            .view
            .subnet_containing(ip)
            .or_else(|| self.select_subnet());
        let Some(s) = s else {
            return Decision::silent("no_subnet", None);
        };
        let res = self
            .view
            .reservation(s.id, self.req.mac, self.req.client_id.as_deref())
            .filter(|r| r.spec.ip == ip);
        let options = self.options(s, ip, res, None);
        Decision {
            reply: Some(self.reply(Some(MessageType::Ack), Ipv4Addr::UNSPECIFIED, ip, options)),
            change: None,
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    /// BOOTP (no option 53): reservations only, when the subnet allows it.
    fn bootp(&self) -> Decision {
        let Some(s) = self.select_subnet() else {
            return Decision::silent("no_subnet", None);
        };
        if !s.spec.bootp {
            return Decision::silent("bootp_disabled", Some(s.id));
        }
        let Some(r) = self
            .view
            .reservation(s.id, self.req.mac, None)
            .filter(|r| self.usable(r.spec.ip))
        else {
            return Decision::silent("bootp_without_reservation", Some(s.id));
        };
        let ip = r.spec.ip;
        let options = self.options(s, ip, Some(r), None);
        // A BOOTP binding has no end; a century stands in for it.
        let lease = self.lease(s, ip, LeaseState::Bound, 100 * 365 * 86_400, Some(r));
        Decision {
            reply: Some(self.reply(None, ip, Ipv4Addr::UNSPECIFIED, options)),
            change: Some(LeaseChange::Bind(lease)),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }
}

/// Decides what to do with a sanitised request.
pub fn decide<V: View>(
    req: &Request,
    arrival: &Arrival<'_>,
    view: &V,
    cfg: &Config,
    now: i64,
) -> Decision {
    let ctx = Ctx {
        req,
        arrival,
        view,
        cfg,
        now,
        key: req.key(),
    };
    match req.msg_type {
        Some(MessageType::Discover) => ctx.discover(),
        Some(MessageType::Request) => ctx.request(),
        Some(MessageType::Release) => ctx.release(),
        Some(MessageType::Decline) => ctx.decline(),
        Some(MessageType::Inform) => ctx.inform(),
        Some(_) => Decision::silent("server_message", None),
        None => ctx.bootp(),
    }
}
