//! The RFC 2131 state machine (section 4.3): which subnet, which address,
//! which reply, which lease change. Reads state through [`View`]; changes
//! nothing. DHCPREQUEST, with its four client states, is in `request.rs`.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::code;
use super::encode::{encode_reply, ReplySpec};
use super::request::client_state;
use super::{
    Arrival, ClientMessage, Destination, LeaseTiming, MessageType, Reason, Reply, Request, View,
};
use crate::model::{
    Binding, BootFields, ClientId, ClientKey, Lease, LeaseChange, LeaseState, Reservation, Subnet,
    SubnetId,
};

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

/// What happened, for the log line and the counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A reply was made.
    Replied,
    /// No address could be offered.
    NoOffer(Reason),
    /// A NAK was made.
    Nak(Reason),
    /// Nothing is sent, as the RFC says.
    Silent(Reason),
    /// The address was released.
    Released,
    /// The address was declined.
    Declined,
}

impl Outcome {
    /// The reason, if any.
    pub fn reason(self) -> Option<Reason> {
        match self {
            Outcome::NoOffer(r) | Outcome::Nak(r) | Outcome::Silent(r) => Some(r),
            Outcome::Replied | Outcome::Released | Outcome::Declined => None,
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
    pub(super) fn silent(reason: Reason, subnet: Option<SubnetId>) -> Self {
        Self {
            reply: None,
            change: None,
            outcome: Outcome::Silent(reason),
            subnet,
            ip: None,
        }
    }
}

/// A BOOTP binding has no end (RFC 1542 section 2.1); a century stands in.
const BOOTP_FOREVER: u32 = 100 * 365 * 86_400;

/// One request being decided: the request, where it came from, the state
/// it is decided against, and the client's identity.
pub(super) struct Ctx<'a, V: View> {
    pub(super) req: &'a Request,
    pub(super) arrival: &'a Arrival<'a>,
    pub(super) view: &'a V,
    pub(super) cfg: &'a Config,
    pub(super) now: i64,
    pub(super) key: ClientKey,
}

impl<V: View> Ctx<'_, V> {
    fn reservation_matches(&self, r: &Reservation) -> bool {
        (r.spec.mac.is_some() && r.spec.mac == self.req.mac)
            || (r.spec.client_id.is_some()
                && r.spec.client_id.as_ref().map(|c| c.0.as_slice())
                    == self.req.client_id.as_deref())
    }

    /// The client's reservation in subnet `s`.
    pub(super) fn reservation(&self, s: &Subnet) -> Option<&Reservation> {
        self.view
            .reservation(s.id, self.req.mac, self.req.client_id.as_deref())
    }

    /// Whether this client may have `ip`: not reserved for someone else,
    /// not leased to someone else, not declined.
    pub(super) fn usable(&self, ip: Ipv4Addr) -> bool {
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

    /// The client's lease in subnet `s`, unless it is a declined one.
    pub(super) fn own_lease(&self, s: &Subnet) -> Option<&Lease> {
        self.view
            .lease_of(s.id, &self.key)
            .filter(|l| l.state != LeaseState::Declined)
    }

    /// The subnet the request belongs to: a relayed one by link selection
    /// (RFC 3527, RFC 3011), then the relay's configured address, then the
    /// network containing giaddr; a direct one by link selection, then the
    /// arrival interface.
    pub(super) fn select_subnet(&self) -> Option<&Subnet> {
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

    /// The boot fields of a reply to this client: each from its
    /// reservation, else its subnet, else the server-wide defaults.
    fn boot(&self, s: &Subnet, res: Option<&Reservation>) -> BootFields {
        let subnet = s.spec.boot.or(self.view.boot_defaults());
        res.map_or(subnet.clone(), |r| r.spec.boot.or(&subnet))
    }

    /// The server identifier replies carry: the relay's override when it
    /// asks for one (RFC 5107), else the address the request arrived on.
    fn server_id(&self) -> Ipv4Addr {
        self.req.server_id_override.unwrap_or(self.arrival.local)
    }

    /// Whether a server identifier a client sent names this server: the
    /// address it arrived on, or the relay's override (RFC 5107: "the
    /// server MUST accept... the address in the Server Identifier Override
    /// sub-option as its own").
    pub(super) fn is_own_id(&self, id: Ipv4Addr) -> bool {
        id == self.arrival.local || Some(id) == self.req.server_id_override
    }

    /// RFC 2131 section 4.1: where a reply goes.
    fn route(&self, yiaddr: Ipv4Addr, nak: bool) -> Destination {
        let req = self.req;
        // "If the 'giaddr' field in a DHCP message from a client is non-zero,
        // the server sends any return messages to the 'DHCP server' port on
        // the BOOTP relay agent whose address appears in 'giaddr'."
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
    /// The server name and boot file also go as options 66 and 67 when the
    /// client asks for those and no option of that code is configured.
    fn options(
        &self,
        s: &Subnet,
        ip: Ipv4Addr,
        res: Option<&Reservation>,
        boot: &BootFields,
        timing: Option<LeaseTiming>,
    ) -> Vec<(u8, Vec<u8>)> {
        let mut out: Vec<(u8, Vec<u8>)> = Vec::with_capacity(12);
        if let Some(t) = timing {
            out.push((code::LEASE_TIME, t.lease.to_be_bytes().to_vec()));
            out.push((code::RENEWAL_TIME, t.t1.to_be_bytes().to_vec()));
            out.push((code::REBINDING_TIME, t.t2.to_be_bytes().to_vec()));
        }
        out.push((code::SUBNET_MASK, s.spec.cidr.netmask().octets().to_vec()));
        let configured = self.view.options(s.id, ip, res.map(|r| r.id));
        let hostname = res.and_then(|r| r.spec.hostname.as_deref());
        let text = |v: Option<&str>| v.map(|v| v.as_bytes().to_vec());
        let mut push = |c: u8| {
            if out.iter().any(|(have, _)| *have == c) {
                return;
            }
            // Made only when the client asks for the code and no option
            // of it is configured.
            let fallback = || match c {
                code::HOST_NAME => text(hostname),
                code::TFTP_SERVER_NAME => text(boot.server_name.as_deref())
                    .or_else(|| boot.next_server.map(|ip| ip.to_string().into_bytes())),
                code::BOOTFILE_NAME => text(boot.boot_file.as_deref()),
                _ => None,
            };
            if let Some(d) = configured.get(&c) {
                out.push((c, d.clone()));
            } else if let Some(v) = fallback() {
                out.push((c, v));
            }
        };
        if self.req.prl.is_empty() {
            configured.keys().copied().for_each(&mut push);
            push(code::HOST_NAME);
        } else {
            self.req.prl.iter().copied().for_each(push);
        }
        // RFC 6842: echo the client identifier.
        if let Some(id) = &self.req.client_id {
            out.push((code::CLIENT_ID, id.clone()));
        }
        out
    }

    /// A reply with the boot fields `boot` in its header (a NAK has none).
    fn reply(
        &self,
        t: Option<MessageType>,
        yiaddr: Ipv4Addr,
        ciaddr: Ipv4Addr,
        boot: &BootFields,
        options: Vec<(u8, Vec<u8>)>,
    ) -> Reply {
        let nak = t == Some(MessageType::Nak);
        let bytes = encode_reply(&ReplySpec {
            req: self.req,
            msg_type: t,
            ciaddr,
            yiaddr,
            siaddr: boot.next_server.unwrap_or(Ipv4Addr::UNSPECIFIED),
            sname: boot.server_name.as_deref().unwrap_or_default().as_bytes(),
            file: boot.boot_file.as_deref().unwrap_or_default().as_bytes(),
            server_id: self.server_id(),
            options,
        });
        Reply {
            bytes,
            to: self.route(yiaddr, nak),
            msg_type: t,
        }
    }

    /// A DHCPNAK, its reason in the message option (RFC 2131 table 3).
    pub(super) fn nak(&self, s: Option<&Subnet>, reason: Reason) -> Decision {
        let mut options = vec![(
            code::MESSAGE,
            reason.as_str().replace('_', " ").into_bytes(),
        )];
        if let Some(id) = &self.req.client_id {
            options.push((code::CLIENT_ID, id.clone()));
        }
        let reply = self.reply(
            Some(MessageType::Nak),
            Ipv4Addr::UNSPECIFIED,
            Ipv4Addr::UNSPECIFIED,
            &BootFields::default(),
            options,
        );
        Decision {
            reply: Some(reply),
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

    /// NAK when authoritative, else silence (RFC 2131 section 4.3.2: a
    /// server that is not sure of the network must not NAK).
    pub(super) fn refuse(&self, s: Option<&Subnet>, reason: Reason) -> Decision {
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

    /// A DHCPACK binding `ip` for the client; `extra` is appended to the
    /// options (rapid commit's option 80).
    pub(super) fn ack(
        &self,
        s: &Subnet,
        ip: Ipv4Addr,
        ciaddr: Ipv4Addr,
        binding: Binding,
        extra: Option<(u8, Vec<u8>)>,
    ) -> Decision {
        let res = self.reservation(s).filter(|r| r.spec.ip == ip);
        let timing = LeaseTiming::of(&s.spec, self.req.lease_time);
        let boot = self.boot(s, res);
        let mut options = self.options(s, ip, res, &boot, Some(timing));
        options.extend(extra);
        let lease = self.lease(s, ip, LeaseState::Bound, timing.lease, res);
        Decision {
            reply: Some(self.reply(Some(MessageType::Ack), ip, ciaddr, &boot, options)),
            change: Some(LeaseChange::Bind(lease, binding)),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    /// DHCPDISCOVER (section 4.3.1): the address to offer is, in order, the
    /// client's reservation, "the client's current address as recorded in
    /// the client's current binding, ELSE the client's previous address as
    /// recorded in the client's (now expired or released) binding", "the
    /// address requested in the 'Requested IP Address' option, if that
    /// address is valid and not already allocated, ELSE a new address
    /// allocated from the server's pool". With rapid commit (RFC 4039) the
    /// answer is the DHCPACK.
    fn discover(&self) -> Decision {
        let Some(s) = self.select_subnet() else {
            return Decision::silent(Reason::NoSubnet, None);
        };
        let res = self.reservation(s);
        let ip = res
            .map(|r| r.spec.ip)
            .filter(|ip| self.usable(*ip))
            .or_else(|| {
                self.own_lease(s)
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
            let reason = if res.is_some() {
                Reason::ReservedAddressInUse
            } else {
                Reason::NoFreeAddress
            };
            return Decision {
                reply: None,
                change: None,
                outcome: Outcome::NoOffer(reason),
                subnet: Some(s.id),
                ip: None,
            };
        };
        if s.spec.rapid_commit && self.req.rapid_commit {
            let commit = (code::RAPID_COMMIT, Vec::new());
            return self.ack(s, ip, Ipv4Addr::UNSPECIFIED, Binding::New, Some(commit));
        }
        let res = res.filter(|r| r.spec.ip == ip);
        let timing = LeaseTiming::of(&s.spec, self.req.lease_time);
        let boot = self.boot(s, res);
        let options = self.options(s, ip, res, &boot, Some(timing));
        let hold = self.lease(s, ip, LeaseState::Offered, self.cfg.offer_hold, res);
        let offer = self.reply(
            Some(MessageType::Offer),
            ip,
            Ipv4Addr::UNSPECIFIED,
            &boot,
            options,
        );
        Decision {
            reply: Some(offer),
            change: Some(LeaseChange::Offer(hold)),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    /// DHCPRELEASE (section 4.3.4): "Upon receipt of a DHCPRELEASE message,
    /// the server marks the network address as not allocated." Only the
    /// client holding the lease can release it.
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
            _ => Decision::silent(Reason::ReleaseNotOwner, None),
        }
    }

    /// DHCPDECLINE (section 4.3.3): "If the server receives a DHCPDECLINE
    /// message, the client has discovered through some other means that the
    /// suggested network address is already in use. The server MUST mark
    /// the network address as not available".
    fn decline(&self) -> Decision {
        let Some(ip) = self.req.requested_ip else {
            return Decision::silent(Reason::DeclineWithoutAddress, None);
        };
        match self.view.lease_at(ip) {
            Some(l)
                if self.key.owns(l)
                    && matches!(l.state, LeaseState::Bound | LeaseState::Offered) =>
            {
                let until = self.now + i64::from(self.cfg.decline_probation);
                Decision {
                    reply: None,
                    change: Some(LeaseChange::Decline(ip, until)),
                    outcome: Outcome::Declined,
                    subnet: Some(l.subnet_id),
                    ip: Some(ip),
                }
            }
            _ => Decision::silent(Reason::DeclineNotOwner, None),
        }
    }

    /// DHCPINFORM (section 4.3.5): "The server responds to a DHCPINFORM
    /// message by sending a DHCPACK message directly to the address given
    /// in the 'ciaddr' field", with options and no lease. A relayed one
    /// whose ciaddr is 0 (some clients send it so) is answered through
    /// the relay, with the options of the subnet the relay selects.
    fn inform(&self) -> Decision {
        let ip = self.req.ciaddr;
        let relayed = !self.req.giaddr.is_unspecified();
        if ip.is_unspecified() && !relayed {
            return Decision::silent(Reason::InformWithoutCiaddr, None);
        }
        let s = if ip.is_unspecified() {
            self.select_subnet()
        } else {
            self.view
                .subnet_containing(ip)
                .or_else(|| self.select_subnet())
        };
        let Some(s) = s else {
            return Decision::silent(Reason::NoSubnet, None);
        };
        let res = self
            .reservation(s)
            .filter(|r| ip.is_unspecified() || r.spec.ip == ip);
        let boot = self.boot(s, res);
        let options = self.options(s, ip, res, &boot, None);
        let ack = self.reply(
            Some(MessageType::Ack),
            Ipv4Addr::UNSPECIFIED,
            ip,
            &boot,
            options,
        );
        Decision {
            reply: Some(ack),
            change: None,
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: (!ip.is_unspecified()).then_some(ip),
        }
    }

    /// BOOTP (a request without option 53, RFC 951/1542), on subnets that
    /// serve it: the client's reservation (keyed by its hardware address);
    /// on subnets with dynamic BOOTP (RFC 1534: "DHCP servers may ...
    /// allocate a network address to a BOOTP client from a pool"), else
    /// the address the MAC had (under BOOTP or DHCP) or a free one, bound
    /// for the subnet's BOOTP lease time or for good.
    fn bootp(&self) -> Decision {
        let Some(s) = self.select_subnet() else {
            return Decision::silent(Reason::NoSubnet, None);
        };
        if !s.spec.bootp && !s.spec.bootp_dynamic {
            return Decision::silent(Reason::BootpDisabled, Some(s.id));
        }
        let res = self
            .view
            .reservation(s.id, self.req.mac, None)
            .filter(|r| self.usable(r.spec.ip));
        let (ip, secs) = match res {
            Some(r) => (r.spec.ip, BOOTP_FOREVER),
            None if s.spec.bootp_dynamic => match self.bootp_address(s) {
                Some(ip) => (ip, s.spec.bootp_lease_time.unwrap_or(BOOTP_FOREVER)),
                None => {
                    return Decision {
                        reply: None,
                        change: None,
                        outcome: Outcome::NoOffer(Reason::NoFreeAddress),
                        subnet: Some(s.id),
                        ip: None,
                    }
                }
            },
            None => return Decision::silent(Reason::BootpWithoutReservation, Some(s.id)),
        };
        let boot = self.boot(s, res);
        let options = self.options(s, ip, res, &boot, None);
        let lease = self.lease(s, ip, LeaseState::Bound, secs, res);
        Decision {
            reply: Some(self.reply(None, ip, Ipv4Addr::UNSPECIFIED, &boot, options)),
            change: Some(LeaseChange::Bind(lease, Binding::New)),
            outcome: Outcome::Replied,
            subnet: Some(s.id),
            ip: Some(ip),
        }
    }

    /// A pool address for a dynamic BOOTP client: the one its hardware
    /// address last had here (its DHCP lease included, whatever client
    /// identifier that was made under), else a free one.
    fn bootp_address(&self, s: &Subnet) -> Option<Ipv4Addr> {
        let mac = self.req.mac?;
        let previous = self
            .view
            .lease_of_mac(s.id, mac)
            .filter(|l| l.state != LeaseState::Declined)
            .map(|l| l.ip)
            .filter(|ip| {
                let taken = self
                    .view
                    .lease_at(*ip)
                    .is_some_and(|l| l.mac != Some(mac) && l.holds_address(self.now));
                let reserved = self.view.reservation_at(*ip).is_some();
                self.view.allocatable(s.id, *ip) && !taken && !reserved
            });
        previous.or_else(|| self.view.next_free(s.id, self.now))
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
        Some(ClientMessage::Discover) => ctx.discover(),
        Some(ClientMessage::Request) => ctx.request(client_state(req, arrival)),
        Some(ClientMessage::Release) => ctx.release(),
        Some(ClientMessage::Decline) => ctx.decline(),
        Some(ClientMessage::Inform) => ctx.inform(),
        None => ctx.bootp(),
    }
}
