//! Events: what happened (a lease transition, a provisioning change, the
//! server's lifecycle), with the cursor and time the event hub gives it.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::str::FromStr;

use ipnet::Ipv4Net;

use super::{ClientId, Lease, Mac, SubnetId};

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
    DefaultsUpdated = "defaults_updated", 32;
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
pub struct EventFilter {
    /// Only this MAC.
    pub mac: Option<Mac>,
    /// Only this address.
    pub ip: Option<Ipv4Addr>,
    /// Only this subnet.
    pub subnet: Option<Ipv4Net>,
    /// Only these kinds (empty: all).
    pub kinds: Vec<EventKind>,
}

impl EventFilter {
    /// Whether `e` passes.
    pub fn matches(&self, e: &Event) -> bool {
        self.mac.is_none_or(|m| e.mac == Some(m))
            && self.ip.is_none_or(|i| e.ip == Some(i))
            && self.subnet.is_none_or(|s| e.subnet == Some(s))
            && (self.kinds.is_empty() || self.kinds.contains(&e.kind))
    }
}
