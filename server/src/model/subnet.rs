//! Subnets: an IPv4 network the server hands out addresses in, how clients
//! reach it (interface, relay addresses) and its lease timing.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{BootFields, BootUpdate, Invalid};

/// Store-assigned identity of a subnet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubnetId(pub i64);

/// Lease time bounds, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaseTimes {
    /// Shortest lease granted whatever the client asks.
    pub min: u32,
    /// Lease granted when the client asks for none.
    pub default: u32,
    /// Longest lease granted whatever the client asks.
    pub max: u32,
}

impl Default for LeaseTimes {
    fn default() -> Self {
        Self {
            min: 60,
            default: 3600,
            max: 86400,
        }
    }
}

impl LeaseTimes {
    /// The lease time for a client that asked for `requested` seconds
    /// (option 51), clamped to `[min, max]`.
    pub fn grant(&self, requested: Option<u32>) -> u32 {
        requested.map_or(self.default, |r| r.clamp(self.min, self.max))
    }
}

/// What an operator provisions for a subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubnetSpec {
    /// The network; host bits are zero.
    pub cidr: Ipv4Net,
    /// Interface whose directly attached clients this subnet serves.
    pub interface: Option<String>,
    /// Relay (giaddr) addresses that select this subnet.
    pub relays: Vec<Ipv4Addr>,
    /// Lease time bounds.
    pub lease: LeaseTimes,
    /// Renewal time override in seconds (default 50% of the lease).
    pub t1: Option<u32>,
    /// Rebinding time override in seconds (default 87.5% of the lease).
    pub t2: Option<u32>,
    /// Whether the server NAKs requests it knows to be wrong.
    pub authoritative: bool,
    /// Whether a DISCOVER with option 80 is answered with an ACK (RFC 4039).
    pub rapid_commit: bool,
    /// Whether BOOTP clients with a reservation are served.
    pub bootp: bool,
    /// Whether BOOTP clients without a reservation get a pool address
    /// (dynamic BOOTP, RFC 1534); reservations keep precedence.
    pub bootp_dynamic: bool,
    /// How long a dynamic BOOTP binding lasts, seconds; `None`: it does not
    /// expire (RFC 1542: a BOOTP client never renews).
    pub bootp_lease_time: Option<u32>,
    /// Boot fields for the subnet's clients; unset ones come from the
    /// server-wide defaults.
    pub boot: BootFields,
    /// Free text for operators.
    pub description: String,
}

impl SubnetSpec {
    /// A subnet with default timing, authoritative, no interface or relays.
    pub fn new(cidr: Ipv4Net) -> Self {
        Self {
            cidr,
            interface: None,
            relays: Vec::new(),
            lease: LeaseTimes::default(),
            t1: None,
            t2: None,
            authoritative: true,
            rapid_commit: false,
            bootp: false,
            bootp_dynamic: false,
            bootp_lease_time: None,
            boot: BootFields::default(),
            description: String::new(),
        }
    }

    /// Parses a CIDR, refusing host bits so `10.0.0.5/24` is not silently
    /// taken for `10.0.0.0/24`.
    ///
    /// # Errors
    /// When `s` is not an IPv4 network in CIDR form.
    pub fn parse_cidr(field: &str, s: &str) -> Result<Ipv4Net, Invalid> {
        let net: Ipv4Net = s.trim().parse().map_err(|_| {
            Invalid::new(
                field,
                format!("{s:?} is not an IPv4 network; write it as CIDR like 10.0.0.0/24"),
            )
        })?;
        if net.network() != net.addr() {
            return Err(Invalid::new(
                field,
                format!("{s} has host bits set; did you mean {}?", net.trunc()),
            ));
        }
        Ok(net)
    }

    /// Checks the rules that need no other data.
    ///
    /// # Errors
    /// The first rule broken, naming its field under `subnet.`.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.cidr.prefix_len() < 8 || self.cidr.prefix_len() > 30 {
            return Err(Invalid::new(
                "subnet.cidr",
                format!(
                    "{} has prefix length {}; use a prefix from /8 to /30",
                    self.cidr,
                    self.cidr.prefix_len()
                ),
            ));
        }
        if let Some(i) = &self.interface {
            if i.is_empty() || i.len() > 15 || i.contains(['/', ' ', '\0']) {
                return Err(Invalid::new(
                    "subnet.interface",
                    format!("{i:?} is not an interface name; use a Linux name of 1 to 15 characters like eth0"),
                ));
            }
        }
        let l = self.lease;
        if l.min == 0 {
            return Err(Invalid::new(
                "subnet.lease_time_min",
                "is 0; a lease must last at least 1 second",
            ));
        }
        if !(l.min <= l.default && l.default <= l.max) {
            return Err(Invalid::new(
                "subnet.lease_time_default",
                format!(
                    "{} is outside [min {}, max {}]; lease times must satisfy min <= default <= max",
                    l.default, l.min, l.max
                ),
            ));
        }
        match (self.t1, self.t2) {
            (Some(t1), _) if t1 >= l.min => {
                return Err(Invalid::new(
                    "subnet.t1",
                    format!("{t1} is not below the shortest lease ({}s); T1 must come before the lease ends", l.min),
                ))
            }
            (_, Some(t2)) if t2 >= l.min => {
                return Err(Invalid::new(
                    "subnet.t2",
                    format!("{t2} is not below the shortest lease ({}s); T2 must come before the lease ends", l.min),
                ))
            }
            (Some(t1), Some(t2)) if t1 > t2 => {
                return Err(Invalid::new("subnet.t1", format!("{t1} is after t2 {t2}; renewal (T1) must come before rebinding (T2)")))
            }
            _ => {}
        }
        if self.bootp_lease_time == Some(0) {
            return Err(Invalid::new(
                "subnet.bootp_lease_time",
                "is 0; leave it unset for BOOTP bindings that do not expire",
            ));
        }
        self.boot.validate("subnet")?;
        for (i, r) in self.relays.iter().enumerate() {
            if r.is_unspecified() || r.is_broadcast() || r.is_multicast() {
                return Err(Invalid::new(
                    format!("subnet.relay_addresses[{i}]"),
                    format!(
                        "{r} cannot be a relay address; use the relay's unicast address (giaddr)"
                    ),
                ));
            }
            if self.relays[..i].contains(r) {
                return Err(Invalid::new(
                    format!("subnet.relay_addresses[{i}]"),
                    format!("{r} is listed twice"),
                ));
            }
        }
        Ok(())
    }
}

/// A subnet as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet {
    /// Identity.
    pub id: SubnetId,
    /// Provisioned settings.
    pub spec: SubnetSpec,
    /// Creation time, Unix seconds.
    pub created: i64,
    /// Last change, Unix seconds.
    pub updated: i64,
}

/// A partial change to a subnet; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubnetUpdate {
    /// New interface; `Some(None)` clears it.
    pub interface: Option<Option<String>>,
    /// Replacement relay list.
    pub relays: Option<Vec<Ipv4Addr>>,
    /// New shortest lease.
    pub lease_min: Option<u32>,
    /// New default lease.
    pub lease_default: Option<u32>,
    /// New longest lease.
    pub lease_max: Option<u32>,
    /// New T1; `Some(None)` restores the default.
    pub t1: Option<Option<u32>>,
    /// New T2; `Some(None)` restores the default.
    pub t2: Option<Option<u32>>,
    /// New authoritative flag.
    pub authoritative: Option<bool>,
    /// New rapid-commit flag.
    pub rapid_commit: Option<bool>,
    /// New BOOTP flag.
    pub bootp: Option<bool>,
    /// New dynamic BOOTP flag.
    pub bootp_dynamic: Option<bool>,
    /// New dynamic BOOTP lease time; `Some(None)`: bindings do not expire.
    pub bootp_lease_time: Option<Option<u32>>,
    /// Changes to the boot fields.
    pub boot: BootUpdate,
    /// New description.
    pub description: Option<String>,
}

impl SubnetUpdate {
    /// The spec after this update, validated.
    ///
    /// # Errors
    /// When the result breaks a rule of [`SubnetSpec::validate`].
    pub fn apply(&self, spec: &SubnetSpec) -> Result<SubnetSpec, Invalid> {
        let mut s = spec.clone();
        if let Some(i) = &self.interface {
            s.interface = i.clone();
        }
        if let Some(r) = &self.relays {
            s.relays = r.clone();
        }
        s.lease.min = self.lease_min.unwrap_or(s.lease.min);
        s.lease.default = self.lease_default.unwrap_or(s.lease.default);
        s.lease.max = self.lease_max.unwrap_or(s.lease.max);
        s.t1 = self.t1.unwrap_or(s.t1);
        s.t2 = self.t2.unwrap_or(s.t2);
        s.authoritative = self.authoritative.unwrap_or(s.authoritative);
        s.rapid_commit = self.rapid_commit.unwrap_or(s.rapid_commit);
        s.bootp = self.bootp.unwrap_or(s.bootp);
        s.bootp_dynamic = self.bootp_dynamic.unwrap_or(s.bootp_dynamic);
        s.bootp_lease_time = self.bootp_lease_time.unwrap_or(s.bootp_lease_time);
        s.boot = self.boot.apply(&s.boot);
        if let Some(d) = &self.description {
            s.description = d.clone();
        }
        s.validate()?;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> SubnetSpec {
        SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"))
    }

    #[test]
    fn cidr_with_host_bits_is_refused_with_the_fix() {
        let e = SubnetSpec::parse_cidr("subnet.cidr", "10.0.0.5/24").expect_err("host bits");
        assert_eq!(
            e.to_string(),
            "subnet.cidr 10.0.0.5/24 has host bits set; did you mean 10.0.0.0/24?"
        );
        assert!(SubnetSpec::parse_cidr("subnet.cidr", "10.0.0.0/33").is_err());
    }

    #[test]
    fn lease_times_clamp() {
        let l = LeaseTimes {
            min: 60,
            default: 3600,
            max: 7200,
        };
        assert_eq!(l.grant(None), 3600);
        assert_eq!(l.grant(Some(10)), 60);
        assert_eq!(l.grant(Some(100_000)), 7200);
        assert_eq!(l.grant(Some(600)), 600);
    }

    #[test]
    fn lease_time_order_is_checked() {
        let mut s = spec();
        s.lease = LeaseTimes {
            min: 600,
            default: 300,
            max: 900,
        };
        let e = s.validate().expect_err("default below min");
        assert_eq!(e.field, "subnet.lease_time_default");
    }

    #[test]
    fn t1_after_t2_is_refused() {
        let mut s = spec();
        s.t1 = Some(50);
        s.t2 = Some(40);
        assert_eq!(s.validate().expect_err("t1>t2").field, "subnet.t1");
    }

    #[test]
    fn update_keeps_unset_fields() {
        let s = spec();
        let u = SubnetUpdate {
            lease_default: Some(1200),
            ..Default::default()
        };
        let n = u.apply(&s).expect("valid");
        assert_eq!(n.lease.default, 1200);
        assert_eq!(n.lease.min, s.lease.min);
        assert_eq!(n.cidr, s.cidr);
    }
}
