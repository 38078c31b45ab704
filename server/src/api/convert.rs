//! Proto <-> model conversions. Parsing names the offending field so every
//! InvalidArgument says what to fix.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use dhcplane_proto::v1 as pb;
use tonic::Status;

use crate::model::{
    options, AddrRange, BootFields, BootUpdate, ClientId, Defaults, DhcpOption, Invalid, Lease,
    LeaseState, LeaseTimes, Mac, OptionScope, Page, Pool, PoolId, Reservation, ReservationId,
    Subnet, SubnetId, SubnetSpec,
};

/// InvalidArgument for `field`.
pub(super) fn invalid(field: &str, reason: impl Into<String>) -> Status {
    Status::invalid_argument(Invalid::new(field, reason).to_string())
}

pub(super) fn ip(field: &str, s: &str) -> Result<Ipv4Addr, Status> {
    if s.is_empty() {
        return Err(invalid(
            field,
            "is missing; give an IPv4 address like 10.0.0.10",
        ));
    }
    s.trim().parse().map_err(|_| {
        invalid(
            field,
            format!("{s:?} is not an IPv4 address; write it like 10.0.0.10"),
        )
    })
}

pub(super) fn opt_ip(field: &str, s: &str) -> Result<Option<Ipv4Addr>, Status> {
    (!s.is_empty()).then(|| ip(field, s)).transpose()
}

pub(super) fn mac(field: &str, s: &str) -> Result<Option<Mac>, Status> {
    (!s.is_empty())
        .then(|| s.parse::<Mac>().map_err(|e| invalid(field, e)))
        .transpose()
}

pub(super) fn client_id(field: &str, s: &str) -> Result<Option<ClientId>, Status> {
    (!s.is_empty())
        .then(|| s.parse::<ClientId>().map_err(|e| invalid(field, e)))
        .transpose()
}

pub(super) fn id(field: &str, v: u64) -> Result<i64, Status> {
    if v == 0 {
        return Err(invalid(
            field,
            "is missing; give the id shown by the list call",
        ));
    }
    i64::try_from(v).map_err(|_| invalid(field, format!("{v} is out of range")))
}

pub(super) fn opt_id(v: u64) -> Option<i64> {
    (v != 0).then(|| i64::try_from(v).unwrap_or(i64::MAX))
}

pub(super) fn uid(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

pub(super) fn blank(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

pub(super) fn timestamp(unix: i64) -> Option<prost_types::Timestamp> {
    Some(prost_types::Timestamp {
        seconds: unix,
        nanos: 0,
    })
}

/// Largest page a list call returns.
const MAX_PAGE: u32 = 1000;

/// The page a list request asks for, fetching one extra item so the reply
/// knows whether another page follows.
pub(super) fn page(size: u32, token: &str) -> Result<Page, Status> {
    let after = if token.is_empty() {
        0
    } else {
        token
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(|| {
                invalid(
                    "page_token",
                    format!(
                        "{token:?} is not valid; pass the next_page_token of the previous response"
                    ),
                )
            })?
    };
    let limit = match size {
        0 => 100,
        n => n.min(MAX_PAGE),
    };
    Ok(Page {
        after,
        limit: limit + 1,
    })
}

/// Trims the extra item fetched by [`page`] and returns the next token.
pub(super) fn paginate<T>(
    mut items: Vec<T>,
    page: Page,
    key: impl Fn(&T) -> i64,
) -> (Vec<T>, String) {
    let want = (page.limit - 1) as usize;
    if items.len() > want {
        items.truncate(want);
        let token = items.last().map(|t| key(t).to_string()).unwrap_or_default();
        (items, token)
    } else {
        (items, String::new())
    }
}

pub(super) fn subnet_spec(s: pb::Subnet) -> Result<SubnetSpec, Status> {
    if s.cidr.is_empty() {
        return Err(invalid(
            "subnet.cidr",
            "is missing; give the network as CIDR like 10.0.0.0/24",
        ));
    }
    let cidr = SubnetSpec::parse_cidr("subnet.cidr", &s.cidr)
        .map_err(|e| Status::invalid_argument(e.to_string()))?;
    let mut spec = SubnetSpec::new(cidr);
    spec.interface = blank(&s.interface);
    spec.relays = relays(&s.relay_addresses)?;
    spec.lease = lease_times(s.lease_time_min, s.lease_time_default, s.lease_time_max);
    spec.t1 = (s.t1 != 0).then_some(s.t1);
    spec.t2 = (s.t2 != 0).then_some(s.t2);
    spec.authoritative = s.authoritative.unwrap_or(true);
    spec.rapid_commit = s.rapid_commit;
    spec.bootp = s.bootp;
    spec.bootp_dynamic = s.bootp_dynamic;
    spec.bootp_lease_time = (s.bootp_lease_time != 0).then_some(s.bootp_lease_time);
    spec.boot = boot_fields("subnet", &s.next_server, &s.server_name, &s.boot_file)?;
    spec.description = s.description;
    spec.validate()
        .map_err(|e| Status::invalid_argument(e.to_string()))?;
    Ok(spec)
}

/// Boot fields as given, empty meaning unset; `prefix` names the object.
pub(super) fn boot_fields(
    prefix: &str,
    next_server: &str,
    server_name: &str,
    boot_file: &str,
) -> Result<BootFields, Status> {
    Ok(BootFields {
        next_server: blank(next_server)
            .map(|a| ip(&format!("{prefix}.next_server"), &a))
            .transpose()?,
        server_name: blank(server_name),
        boot_file: blank(boot_file),
    })
}

/// Changes to boot fields as given: unset keeps a field, empty clears it.
pub(super) fn boot_update(
    next_server: Option<String>,
    server_name: Option<String>,
    boot_file: Option<String>,
) -> Result<BootUpdate, Status> {
    Ok(BootUpdate {
        next_server: next_server
            .map(|a| blank(&a).map(|a| ip("next_server", &a)).transpose())
            .transpose()?,
        server_name: server_name.map(|n| blank(&n)),
        boot_file: boot_file.map(|f| blank(&f)),
    })
}

/// Lease times as given, 0 meaning the server default (min and max widen
/// to take in a given default).
pub(super) fn lease_times(min: u32, default: u32, max: u32) -> LeaseTimes {
    let d = LeaseTimes::default();
    let default = if default == 0 { d.default } else { default };
    LeaseTimes {
        min: if min == 0 { d.min.min(default) } else { min },
        default,
        max: if max == 0 { d.max.max(default) } else { max },
    }
}

pub(super) fn relays(list: &[String]) -> Result<Vec<Ipv4Addr>, Status> {
    list.iter()
        .enumerate()
        .map(|(i, r)| ip(&format!("subnet.relay_addresses[{i}]"), r))
        .collect()
}

pub(super) fn subnet(s: Subnet) -> pb::Subnet {
    pb::Subnet {
        id: uid(s.id.0),
        cidr: s.spec.cidr.to_string(),
        interface: s.spec.interface.unwrap_or_default(),
        relay_addresses: s.spec.relays.iter().map(ToString::to_string).collect(),
        lease_time_min: s.spec.lease.min,
        lease_time_default: s.spec.lease.default,
        lease_time_max: s.spec.lease.max,
        t1: s.spec.t1.unwrap_or(0),
        t2: s.spec.t2.unwrap_or(0),
        authoritative: Some(s.spec.authoritative),
        rapid_commit: s.spec.rapid_commit,
        bootp: s.spec.bootp,
        description: s.spec.description,
        created: timestamp(s.created),
        updated: timestamp(s.updated),
        bootp_dynamic: s.spec.bootp_dynamic,
        bootp_lease_time: s.spec.bootp_lease_time.unwrap_or(0),
        next_server: text_of(s.spec.boot.next_server),
        server_name: s.spec.boot.server_name.unwrap_or_default(),
        boot_file: s.spec.boot.boot_file.unwrap_or_default(),
    }
}

pub(super) fn range(field: &str, start: &str, end: &str) -> Result<AddrRange, Status> {
    let (s, e) = (
        ip(&format!("{field}.start"), start)?,
        ip(&format!("{field}.end"), end)?,
    );
    AddrRange::new(s, e).map_err(|why| invalid(&format!("{field}.range"), why))
}

pub(super) fn exclusions(list: &[String]) -> Result<Vec<AddrRange>, Status> {
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            x.parse::<AddrRange>()
                .map_err(|e| invalid(&format!("pool.exclusions[{i}]"), e))
        })
        .collect()
}

pub(super) fn pool(p: Pool) -> pb::Pool {
    pb::Pool {
        id: uid(p.id.0),
        subnet_id: uid(p.spec.subnet_id.0),
        start: p.spec.range.start.to_string(),
        end: p.spec.range.end.to_string(),
        exclusions: p.spec.exclusions.iter().map(ToString::to_string).collect(),
        description: p.spec.description,
    }
}

pub(super) fn labels(m: std::collections::HashMap<String, String>) -> BTreeMap<String, String> {
    m.into_iter().collect()
}

pub(super) fn reservation(r: Reservation) -> pb::Reservation {
    pb::Reservation {
        id: uid(r.id.0),
        subnet_id: uid(r.spec.subnet_id.0),
        mac: r.spec.mac.map(|m| m.to_string()).unwrap_or_default(),
        client_id: r.spec.client_id.map(|c| c.to_string()).unwrap_or_default(),
        ip: r.spec.ip.to_string(),
        hostname: r.spec.hostname.unwrap_or_default(),
        labels: r.spec.labels.into_iter().collect(),
        next_server: text_of(r.spec.boot.next_server),
        server_name: r.spec.boot.server_name.unwrap_or_default(),
        boot_file: r.spec.boot.boot_file.unwrap_or_default(),
    }
}

/// A value as text, empty when unset.
pub(super) fn text_of<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The server-wide defaults on the wire.
pub(super) fn defaults(d: Defaults) -> pb::ServerDefaults {
    pb::ServerDefaults {
        next_server: text_of(d.boot.next_server),
        server_name: d.boot.server_name.unwrap_or_default(),
        boot_file: d.boot.boot_file.unwrap_or_default(),
    }
}

pub(super) fn option_settings(
    field: &str,
    list: &[pb::OptionSetting],
) -> Result<Vec<DhcpOption>, Status> {
    let mut out: Vec<DhcpOption> = Vec::with_capacity(list.len());
    for (i, o) in list.iter().enumerate() {
        let f = format!("{field}[{i}]");
        let opt = DhcpOption::parse(&f, &o.name, &o.value, o.hex)
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        if out.iter().any(|x| x.code == opt.code) {
            return Err(invalid(
                &format!("{f}.name"),
                format!("{} is given twice; give each option once", opt.name()),
            ));
        }
        out.push(opt);
    }
    Ok(out)
}

pub(super) fn option_value(o: &DhcpOption) -> pb::OptionValue {
    pb::OptionValue {
        code: u32::from(o.code),
        name: o.name(),
        value: o.value_text(),
        data: o.data.clone(),
    }
}

pub(super) fn scope(s: Option<pb::OptionScope>) -> Result<OptionScope, Status> {
    use pb::option_scope::Scope;
    let missing = || {
        invalid(
            "scope",
            "is missing; set one of global, subnet_id, pool_id, reservation_id",
        )
    };
    Ok(match s.and_then(|s| s.scope).ok_or_else(missing)? {
        Scope::Global(true) => OptionScope::Global,
        Scope::Global(false) => return Err(missing()),
        Scope::SubnetId(i) => OptionScope::Subnet(SubnetId(id("scope.subnet_id", i)?)),
        Scope::PoolId(i) => OptionScope::Pool(PoolId(id("scope.pool_id", i)?)),
        Scope::ReservationId(i) => {
            OptionScope::Reservation(ReservationId(id("scope.reservation_id", i)?))
        }
    })
}

pub(super) fn option_code(field: &str, name: &str) -> Result<u8, Status> {
    options::lookup(field, name)
        .map(|(c, _)| c)
        .map_err(|e| Status::invalid_argument(e.to_string()))
}

pub(super) fn lease_state(s: LeaseState) -> pb::LeaseState {
    match s {
        LeaseState::Offered => pb::LeaseState::Offered,
        LeaseState::Bound => pb::LeaseState::Bound,
        LeaseState::Released => pb::LeaseState::Released,
        LeaseState::Expired => pb::LeaseState::Expired,
        LeaseState::Declined => pb::LeaseState::Declined,
    }
}

pub(super) fn state_filter(v: i32) -> Result<Option<LeaseState>, Status> {
    Ok(match pb::LeaseState::try_from(v) {
        Ok(pb::LeaseState::Unspecified) => None,
        Ok(pb::LeaseState::Offered) => Some(LeaseState::Offered),
        Ok(pb::LeaseState::Bound) => Some(LeaseState::Bound),
        Ok(pb::LeaseState::Released) => Some(LeaseState::Released),
        Ok(pb::LeaseState::Expired) => Some(LeaseState::Expired),
        Ok(pb::LeaseState::Declined) => Some(LeaseState::Declined),
        Err(_) => return Err(invalid("state", format!("{v} is not a lease state"))),
    })
}

pub(super) fn lease(l: Lease) -> pb::Lease {
    pb::Lease {
        ip: l.ip.to_string(),
        subnet_id: uid(l.subnet_id.0),
        mac: l.mac.map(|m| m.to_string()).unwrap_or_default(),
        client_id: l.client_id.map(|c| c.to_string()).unwrap_or_default(),
        hostname: l.hostname.unwrap_or_default(),
        state: lease_state(l.state).into(),
        starts: timestamp(l.starts),
        ends: timestamp(l.ends),
    }
}
