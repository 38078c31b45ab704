//! DHCPREQUEST (RFC 2131 section 4.3.2): which client state it comes from,
//! chosen in one place, and one branch per state, each opening with the
//! sentence of the RFC it implements.

use std::net::Ipv4Addr;

use super::decide::{Ctx, Decision};
use super::{Arrival, Reason, Request, View};
use crate::model::{Binding, LeaseChange, LeaseState};

/// The client states a DHCPREQUEST is sent from (RFC 2131 section 4.3.2
/// and table 4), told apart by the server identifier, the requested
/// address, ciaddr and how the request travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientState {
    /// Answering a DHCPOFFER: the server identifier is filled in.
    Selecting {
        /// The server the client chose (option 54).
        server_id: Ipv4Addr,
    },
    /// Verifying a remembered address after a restart: a requested
    /// address, no server identifier, ciaddr 0.
    InitReboot {
        /// The address the client remembers (option 50).
        requested: Ipv4Addr,
    },
    /// Extending its lease at the server that made it: ciaddr, by unicast.
    Renewing {
        /// The client's address.
        ciaddr: Ipv4Addr,
    },
    /// Extending its lease at any server: ciaddr, by broadcast.
    Rebinding {
        /// The client's address.
        ciaddr: Ipv4Addr,
    },
    /// None of these: no server identifier, requested address or ciaddr.
    Unknown,
}

/// The client state a DHCPREQUEST comes from. A relayed request travelled
/// by unicast when the relay says so (RFC 5010 flags); without the flags it
/// counts as unicast, as the relay's own datagram is.
pub fn client_state(req: &Request, arrival: &Arrival<'_>) -> ClientState {
    if let Some(server_id) = req.server_id {
        return ClientState::Selecting { server_id };
    }
    match (req.requested_ip, req.ciaddr.is_unspecified()) {
        (Some(requested), true) => ClientState::InitReboot { requested },
        (_, false) => {
            let broadcast = match req.relay_unicast {
                Some(unicast) if !req.giaddr.is_unspecified() => !unicast,
                _ => arrival.broadcast,
            };
            if broadcast {
                ClientState::Rebinding { ciaddr: req.ciaddr }
            } else {
                ClientState::Renewing { ciaddr: req.ciaddr }
            }
        }
        (None, true) => ClientState::Unknown,
    }
}

impl<V: View> Ctx<'_, V> {
    /// DHCPREQUEST from the client state `state`.
    pub(super) fn request(&self, state: ClientState) -> Decision {
        match state {
            ClientState::Selecting { server_id } => self.selecting(server_id),
            ClientState::InitReboot { requested } => self.init_reboot(requested),
            ClientState::Renewing { ciaddr } => self.extend(ciaddr, Binding::Renewal),
            ClientState::Rebinding { ciaddr } => self.extend(ciaddr, Binding::Rebinding),
            ClientState::Unknown => Decision::silent(
                Reason::RequestWithoutAddress,
                self.select_subnet().map(|s| s.id),
            ),
        }
    }

    /// SELECTING: "Client inserts the address of the selected server in
    /// 'server identifier', 'ciaddr' MUST be zero, 'requested IP address'
    /// MUST be filled in with the yiaddr value from the chosen DHCPOFFER."
    /// "Servers not chosen by the DHCPREQUEST message use the message as
    /// notification that the client has declined that server's offer"
    /// (section 3.1). Some embedded clients send neither the requested
    /// address nor ciaddr: they mean the address offered to them, as other
    /// servers take it. "If the selected server is unable to satisfy the
    /// DHCPREQUEST message ..., the server SHOULD respond with a DHCPNAK."
    fn selecting(&self, server_id: Ipv4Addr) -> Decision {
        let subnet = self.select_subnet();
        if !self.is_own_id(server_id) {
            return Decision {
                change: subnet.map(|s| LeaseChange::DropOffer(s.id, self.key.clone())),
                ..Decision::silent(Reason::SelectedOtherServer, subnet.map(|s| s.id))
            };
        }
        let Some(s) = subnet else {
            return Decision::silent(Reason::NoSubnet, None);
        };
        let own = self.own_lease(s);
        let named = self
            .req
            .requested_ip
            .or(Some(self.req.ciaddr))
            .filter(|i| !i.is_unspecified());
        // The offer, or the binding it became when an ACK was lost and the
        // client retransmits.
        let offered = own.filter(|l| l.holds_address(self.now)).map(|l| l.ip);
        let Some(ip) = named.or(offered) else {
            return self.nak(Some(s), Reason::NothingOffered);
        };
        let ours = own.is_some_and(|l| l.ip == ip);
        if ours && s.spec.cidr.contains(&ip) && self.usable(ip) {
            return self.ack(s, ip, Ipv4Addr::UNSPECIFIED, Binding::New, None);
        }
        self.nak(Some(s), Reason::AddressNotOffered)
    }

    /// INIT-REBOOT: "Server SHOULD send a DHCPNAK message to the client if
    /// the 'requested IP address' is incorrect, or is on the wrong network.
    /// ... If the DHCP server has no record of this client, then it MUST
    /// remain silent".
    fn init_reboot(&self, ip: Ipv4Addr) -> Decision {
        let Some(s) = self.select_subnet() else {
            return Decision::silent(Reason::NoSubnet, None);
        };
        if !s.spec.cidr.contains(&ip) {
            return self.refuse(Some(s), Reason::WrongNetwork);
        }
        match (self.own_lease(s), self.reservation(s)) {
            (_, Some(r)) if r.spec.ip == ip && self.usable(ip) => {
                self.ack(s, ip, Ipv4Addr::UNSPECIFIED, Binding::New, None)
            }
            (_, Some(_)) => self.refuse(Some(s), Reason::ReservedElsewhere),
            (Some(l), None) if l.ip == ip && self.usable(ip) && self.view.allocatable(s.id, ip) => {
                self.ack(s, ip, Ipv4Addr::UNSPECIFIED, Binding::New, None)
            }
            (Some(_), None) => self.refuse(Some(s), Reason::WrongAddress),
            (None, None) => Decision::silent(Reason::NoRecord, Some(s.id)),
        }
    }

    /// RENEWING: "'ciaddr' MUST be filled in with client's IP address. ...
    /// the DHCP server will trust the value in 'ciaddr', and use it when
    /// replying to the client."
    /// REBINDING: "The DHCP server SHOULD check 'ciaddr' for correctness
    /// before replying to the DHCPREQUEST."
    /// Both: the address must lie in a subnet served here and be this
    /// client's (its lease or reservation), or free in a pool; the ACK goes
    /// to ciaddr (or the relay) and says whether it extended the client's
    /// own binding (`extends`) or made a new one.
    fn extend(&self, ip: Ipv4Addr, extends: Binding) -> Decision {
        let selected = self.select_subnet();
        let s = selected
            .filter(|s| s.spec.cidr.contains(&ip))
            .or_else(|| self.view.subnet_containing(ip));
        let Some(s) = s else {
            return self.refuse(selected, Reason::WrongNetwork);
        };
        let res = self.reservation(s);
        if res.is_some_and(|r| r.spec.ip != ip) {
            return self.refuse(Some(s), Reason::ReservedElsewhere);
        }
        let held = self
            .view
            .lease_at(ip)
            .filter(|l| self.key.owns(l) && l.state != LeaseState::Declined);
        let free = res.is_some() || self.view.allocatable(s.id, ip);
        if (held.is_some() || free) && self.usable(ip) {
            let binding = match held {
                Some(l) if l.state == LeaseState::Bound => extends,
                _ => Binding::New,
            };
            return self.ack(s, ip, ip, binding, None);
        }
        self.refuse(Some(s), Reason::AddressNotAvailable)
    }
}
