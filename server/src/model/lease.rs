//! Leases: an address handed to a client, and the state it is in.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

use super::{ClientId, EventKind, Mac, SubnetId};

/// Where a lease is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeaseState {
    /// Offered, not yet requested.
    Offered,
    /// Acknowledged to the client.
    Bound,
    /// Given back by the client or an operator.
    Released,
    /// Ran out without renewal.
    Expired,
    /// Reported in use by someone else (DHCPDECLINE); in probation.
    Declined,
}

impl LeaseState {
    /// Every state, in lifecycle order.
    pub const ALL: [LeaseState; 5] = [
        LeaseState::Offered,
        LeaseState::Bound,
        LeaseState::Released,
        LeaseState::Expired,
        LeaseState::Declined,
    ];

    /// The lower-case name used in the store, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LeaseState::Offered => "offered",
            LeaseState::Bound => "bound",
            LeaseState::Released => "released",
            LeaseState::Expired => "expired",
            LeaseState::Declined => "declined",
        }
    }
}

impl fmt::Display for LeaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LeaseState {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LeaseState::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("{s:?} is not a lease state; use one of offered, bound, released, expired, declined"))
    }
}

/// A lease as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The leased address; at most one lease per address.
    pub ip: Ipv4Addr,
    /// The subnet the address belongs to.
    pub subnet_id: SubnetId,
    /// The client's hardware address.
    pub mac: Option<Mac>,
    /// The client's identifier (option 61), if it sent one.
    pub client_id: Option<ClientId>,
    /// Host name the client gave (option 12 or 81).
    pub hostname: Option<String>,
    /// Lifecycle state.
    pub state: LeaseState,
    /// Start, Unix seconds.
    pub starts: i64,
    /// End, Unix seconds.
    pub ends: i64,
}

impl Lease {
    /// Whether the lease still keeps its address from others at `now`.
    pub fn holds_address(&self, now: i64) -> bool {
        !matches!(self.state, LeaseState::Released | LeaseState::Expired) && self.ends > now
    }
}

/// Which leases a listing returns; unset fields match all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeaseFilter {
    /// Only this subnet.
    pub subnet_id: Option<SubnetId>,
    /// Only this MAC.
    pub mac: Option<Mac>,
    /// Only this client-id.
    pub client_id: Option<ClientId>,
    /// Only this state.
    pub state: Option<LeaseState>,
    /// Only this address.
    pub ip: Option<Ipv4Addr>,
}

/// Who a client is: its client identifier when it sent one (DHCPv4 option
/// 61; a DHCPv6 DUID takes the same form), else its hardware address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClientKey {
    /// Client identifier (option 61), or a DUID.
    Id(Vec<u8>),
    /// Ethernet address (chaddr).
    Hw(Mac),
}

impl ClientKey {
    /// The identity a lease was made for: its client-id, else its MAC.
    pub fn of(l: &Lease) -> Option<Self> {
        match (&l.client_id, l.mac) {
            (Some(c), _) => Some(ClientKey::Id(c.0.clone())),
            (None, Some(m)) => Some(ClientKey::Hw(m)),
            _ => None,
        }
    }

    /// Whether `l` was made for this client; compares in place.
    pub fn owns(&self, l: &Lease) -> bool {
        match (self, &l.client_id, l.mac) {
            (ClientKey::Id(id), Some(c), _) => *id == c.0,
            (ClientKey::Hw(m), None, Some(lm)) => *m == lm,
            _ => false,
        }
    }
}

/// What a binding is to the client that holds it: the engine tells, the
/// event stream says it (`bound`, `renewed`, `rebound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Binding {
    /// An address the client did not hold a binding for.
    New,
    /// The client's own binding, extended at the server that made it
    /// (RENEWING: unicast, or relayed with the unicast flag).
    Renewal,
    /// The client's own binding, extended by whichever server answers
    /// (REBINDING: broadcast).
    Rebinding,
}

/// A change to the lease table that a decision needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeaseChange {
    /// Hold an offered address (memory only).
    Offer(Lease),
    /// Bind: durable before the reply leaves.
    Bind(Lease, Binding),
    /// Drop the client's offer: it chose another server.
    DropOffer(SubnetId, ClientKey),
    /// The client released its address.
    Release(Ipv4Addr),
    /// The client found its address in use: out of use until `until`.
    Decline(Ipv4Addr, i64),
}

impl LeaseChange {
    /// The lease event the change makes, if any (dropping an offer makes
    /// none).
    pub fn event_kind(&self) -> Option<EventKind> {
        Some(match self {
            LeaseChange::Offer(_) => EventKind::Offered,
            LeaseChange::Bind(_, Binding::New) => EventKind::Bound,
            LeaseChange::Bind(_, Binding::Renewal) => EventKind::Renewed,
            LeaseChange::Bind(_, Binding::Rebinding) => EventKind::Rebound,
            LeaseChange::Release(_) => EventKind::Released,
            LeaseChange::Decline(..) => EventKind::Declined,
            LeaseChange::DropOffer(..) => return None,
        })
    }
}
