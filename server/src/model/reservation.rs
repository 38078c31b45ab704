//! Reservations: a fixed address for one client, known by MAC and/or
//! client identifier, with metadata for the provisioning system.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use super::{BootFields, BootUpdate, ClientId, Invalid, Mac, SubnetId, SubnetSpec};

/// Store-assigned identity of a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReservationId(pub i64);

/// What an operator provisions for a reservation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationSpec {
    /// The subnet holding `ip`.
    pub subnet_id: SubnetId,
    /// Hardware address; a reserved MAC matches whatever client-id is sent.
    pub mac: Option<Mac>,
    /// Client identifier (option 61).
    pub client_id: Option<ClientId>,
    /// The reserved address.
    pub ip: Ipv4Addr,
    /// Host name given to the client (option 12).
    pub hostname: Option<String>,
    /// Free-form metadata.
    pub labels: BTreeMap<String, String>,
    /// Boot fields for this client; unset ones come from the subnet.
    pub boot: BootFields,
}

impl ReservationSpec {
    /// Checks the reservation against its subnet.
    ///
    /// # Errors
    /// The first rule broken, naming its field under `reservation.`.
    pub fn validate(&self, subnet: &SubnetSpec) -> Result<(), Invalid> {
        if self.mac.is_none() && self.client_id.is_none() {
            return Err(Invalid::new(
                "reservation.mac",
                "is missing; give a MAC, a client_id or both",
            ));
        }
        let net = subnet.cidr;
        if !net.contains(&self.ip) {
            return Err(Invalid::new(
                "reservation.ip",
                format!("{} is outside subnet {net}", self.ip),
            ));
        }
        if self.ip == net.network() || self.ip == net.broadcast() {
            return Err(Invalid::new(
                "reservation.ip",
                format!(
                    "{} is the network or broadcast address of {net}; choose a host address",
                    self.ip
                ),
            ));
        }
        if let Some(h) = &self.hostname {
            validate_hostname("reservation.hostname", h)?;
        }
        self.boot.validate("reservation")?;
        for k in self.labels.keys() {
            if k.is_empty() || k.len() > 63 || k.contains(['=', ',']) {
                return Err(Invalid::new(
                    "reservation.labels",
                    format!("key {k:?} is not valid; use 1 to 63 characters without '=' or ','"),
                ));
            }
        }
        Ok(())
    }
}

/// Checks a host name: RFC 1123 labels separated by dots.
///
/// # Errors
/// When `h` is not a valid host name.
pub(crate) fn validate_hostname(field: &str, h: &str) -> Result<(), Invalid> {
    let ok = !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            field,
            format!("{h:?} is not a host name; use letters, digits and '-' in dot-separated labels of at most 63"),
        ))
    }
}

/// A reservation as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reservation {
    /// Identity.
    pub id: ReservationId,
    /// Provisioned settings.
    pub spec: ReservationSpec,
}

/// A partial change to a reservation; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReservationUpdate {
    /// New MAC; `Some(None)` clears it.
    pub mac: Option<Option<Mac>>,
    /// New client-id; `Some(None)` clears it.
    pub client_id: Option<Option<ClientId>>,
    /// New address (must stay in the same subnet).
    pub ip: Option<Ipv4Addr>,
    /// New host name; `Some(None)` clears it.
    pub hostname: Option<Option<String>>,
    /// Replacement labels.
    pub labels: Option<BTreeMap<String, String>>,
    /// Changes to the boot fields.
    pub boot: BootUpdate,
}

impl ReservationUpdate {
    /// The spec after this update, validated against its subnet.
    ///
    /// # Errors
    /// When the result breaks a rule of [`ReservationSpec::validate`].
    pub fn apply(
        &self,
        spec: &ReservationSpec,
        subnet: &SubnetSpec,
    ) -> Result<ReservationSpec, Invalid> {
        let mut r = spec.clone();
        if let Some(m) = self.mac {
            r.mac = m;
        }
        if let Some(c) = &self.client_id {
            r.client_id = c.clone();
        }
        r.ip = self.ip.unwrap_or(r.ip);
        if let Some(h) = &self.hostname {
            r.hostname = h.clone();
        }
        if let Some(l) = &self.labels {
            r.labels = l.clone();
        }
        r.boot = self.boot.apply(&r.boot);
        r.validate(subnet)?;
        Ok(r)
    }
}

/// Which reservations a listing returns; unset fields match all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReservationFilter {
    /// Only this subnet.
    pub subnet_id: Option<SubnetId>,
    /// Only this MAC.
    pub mac: Option<Mac>,
    /// Only this address.
    pub ip: Option<Ipv4Addr>,
    /// Only this host name.
    pub hostname: Option<String>,
    /// Only reservations with this label key and value.
    pub label: Option<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(ip: &str) -> ReservationSpec {
        ReservationSpec {
            subnet_id: SubnetId(1),
            mac: Some("02:00:00:00:00:01".parse().expect("mac")),
            client_id: None,
            ip: ip.parse().expect("ip"),
            hostname: Some("host1".into()),
            labels: BTreeMap::new(),
            boot: Default::default(),
        }
    }

    #[test]
    fn ip_outside_subnet_names_both() {
        let subnet = SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"));
        let e = spec("10.9.0.5").validate(&subnet).expect_err("outside");
        assert_eq!(
            e.to_string(),
            "reservation.ip 10.9.0.5 is outside subnet 10.0.0.0/24"
        );
    }

    #[test]
    fn needs_an_identity() {
        let subnet = SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"));
        let mut r = spec("10.0.0.10");
        r.mac = None;
        assert_eq!(
            r.validate(&subnet).expect_err("no id").field,
            "reservation.mac"
        );
    }

    #[test]
    fn hostnames() {
        assert!(validate_hostname("h", "host-1.lab.example").is_ok());
        for bad in ["", "-host", "host_1", "a..b", "sp ace"] {
            assert!(validate_hostname("h", bad).is_err(), "{bad}");
        }
    }
}
