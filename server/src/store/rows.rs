//! Row shapes shared by both backends and their conversion to the model.
//! Addresses are stored as the IPv4 number in a 64-bit integer.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use super::query::Sql;
use super::StoreError;
use crate::model::{
    AddrRange, BootFields, ClientId, DhcpOption, Event, EventKind, Lease, LeaseState, LeaseTimes,
    Mac, OptionScope, Pool, PoolId, PoolSpec, Reservation, ReservationId, ReservationSpec, Subnet,
    SubnetId, SubnetSpec,
};

pub(super) fn ip_col(ip: Ipv4Addr) -> i64 {
    i64::from(u32::from(ip))
}

pub(super) fn ip_from(v: i64) -> Result<Ipv4Addr, StoreError> {
    u32::try_from(v)
        .map(Ipv4Addr::from)
        .map_err(|_| StoreError::Internal(format!("stored address {v} is not an IPv4 address")))
}

fn u32_from(v: i64, what: &str) -> Result<u32, StoreError> {
    u32::try_from(v).map_err(|_| StoreError::Internal(format!("stored {what} {v} is out of range")))
}

pub(super) fn mac_from(v: Option<Vec<u8>>) -> Result<Option<Mac>, StoreError> {
    v.map(|b| {
        <[u8; 6]>::try_from(b.as_slice())
            .map(Mac)
            .map_err(|_| StoreError::Internal("stored MAC is not 6 bytes".into()))
    })
    .transpose()
}

/// `subnets` row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct SubnetRow {
    pub(super) id: i64,
    pub(super) network: i64,
    pub(super) prefix_len: i64,
    pub(super) interface: Option<String>,
    pub(super) lease_min: i64,
    pub(super) lease_default: i64,
    pub(super) lease_max: i64,
    pub(super) t1: Option<i64>,
    pub(super) t2: Option<i64>,
    pub(super) authoritative: bool,
    pub(super) rapid_commit: bool,
    pub(super) bootp: bool,
    pub(super) description: String,
    pub(super) created: i64,
    pub(super) updated: i64,
    pub(super) bootp_dynamic: bool,
    pub(super) bootp_lease_time: Option<i64>,
    pub(super) next_server: Option<i64>,
    pub(super) server_name: Option<String>,
    pub(super) boot_file: Option<String>,
}

pub(super) const SUBNET_COLS: &str =
    "id, network, prefix_len, interface, lease_min, lease_default, lease_max, \
     t1, t2, authoritative, rapid_commit, bootp, description, created, updated, \
     bootp_dynamic, bootp_lease_time, next_server, server_name, boot_file";

impl<'q> Sql<'q> {
    /// Binds boot fields as the three columns `next_server, server_name,
    /// boot_file` take them (in that order).
    pub(super) fn bind_boot(self, b: &'q BootFields) -> Self {
        self.bind(b.next_server.map(ip_col))
            .bind(b.server_name.as_deref())
            .bind(b.boot_file.as_deref())
    }
}

/// Boot fields as stored: the next server as an address number.
pub(super) fn boot_from(
    next_server: Option<i64>,
    server_name: Option<String>,
    boot_file: Option<String>,
) -> Result<BootFields, StoreError> {
    Ok(BootFields {
        next_server: next_server.map(ip_from).transpose()?,
        server_name,
        boot_file,
    })
}

impl SubnetRow {
    pub(super) fn into_model(self, relays: Vec<Ipv4Addr>) -> Result<Subnet, StoreError> {
        let prefix = u8::try_from(self.prefix_len).unwrap_or(u8::MAX);
        let cidr = ipnet::Ipv4Net::new(ip_from(self.network)?, prefix).map_err(|_| {
            StoreError::Internal(format!("stored prefix length {prefix} is invalid"))
        })?;
        Ok(Subnet {
            id: SubnetId(self.id),
            spec: SubnetSpec {
                cidr,
                interface: self.interface,
                relays,
                lease: LeaseTimes {
                    min: u32_from(self.lease_min, "lease time")?,
                    default: u32_from(self.lease_default, "lease time")?,
                    max: u32_from(self.lease_max, "lease time")?,
                },
                t1: self.t1.map(|v| u32_from(v, "t1")).transpose()?,
                t2: self.t2.map(|v| u32_from(v, "t2")).transpose()?,
                authoritative: self.authoritative,
                rapid_commit: self.rapid_commit,
                bootp: self.bootp,
                bootp_dynamic: self.bootp_dynamic,
                bootp_lease_time: self
                    .bootp_lease_time
                    .map(|v| u32_from(v, "BOOTP lease time"))
                    .transpose()?,
                boot: boot_from(self.next_server, self.server_name, self.boot_file)?,
                description: self.description,
            },
            created: self.created,
            updated: self.updated,
        })
    }
}

/// `pools` row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct PoolRow {
    pub(super) id: i64,
    pub(super) subnet_id: i64,
    pub(super) range_start: i64,
    pub(super) range_end: i64,
    pub(super) exclusions: String,
    pub(super) description: String,
}

pub(super) const POOL_COLS: &str = "id, subnet_id, range_start, range_end, exclusions, description";

/// Exclusions are stored as their canonical text, comma-separated.
pub(super) fn exclusions_col(x: &[AddrRange]) -> String {
    x.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

impl PoolRow {
    pub(super) fn into_model(self) -> Result<Pool, StoreError> {
        let exclusions = self
            .exclusions
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<AddrRange>().map_err(StoreError::Internal))
            .collect::<Result<_, _>>()?;
        Ok(Pool {
            id: PoolId(self.id),
            spec: PoolSpec {
                subnet_id: SubnetId(self.subnet_id),
                range: AddrRange::new(ip_from(self.range_start)?, ip_from(self.range_end)?)
                    .map_err(StoreError::Internal)?,
                exclusions,
                description: self.description,
            },
        })
    }
}

/// `reservations` row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct ReservationRow {
    pub(super) id: i64,
    pub(super) subnet_id: i64,
    pub(super) mac: Option<Vec<u8>>,
    pub(super) client_id: Option<Vec<u8>>,
    pub(super) ip: i64,
    pub(super) hostname: Option<String>,
    pub(super) next_server: Option<i64>,
    pub(super) server_name: Option<String>,
    pub(super) boot_file: Option<String>,
}

pub(super) const RESERVATION_COLS: &str =
    "id, subnet_id, mac, client_id, ip, hostname, next_server, server_name, boot_file";

impl ReservationRow {
    pub(super) fn into_model(
        self,
        labels: BTreeMap<String, String>,
    ) -> Result<Reservation, StoreError> {
        Ok(Reservation {
            id: ReservationId(self.id),
            spec: ReservationSpec {
                subnet_id: SubnetId(self.subnet_id),
                mac: mac_from(self.mac)?,
                client_id: self.client_id.map(ClientId),
                ip: ip_from(self.ip)?,
                hostname: self.hostname,
                labels,
                boot: boot_from(self.next_server, self.server_name, self.boot_file)?,
            },
        })
    }
}

/// `leases` row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct LeaseRow {
    pub(super) ip: i64,
    pub(super) subnet_id: i64,
    pub(super) mac: Option<Vec<u8>>,
    pub(super) client_id: Option<Vec<u8>>,
    pub(super) hostname: Option<String>,
    pub(super) state: String,
    pub(super) starts: i64,
    pub(super) ends: i64,
}

pub(super) const LEASE_COLS: &str = "ip, subnet_id, mac, client_id, hostname, state, starts, ends";

/// The columns a lease upsert replaces on conflict.
pub(super) const LEASE_UPSERT_SET: &str =
    " ON CONFLICT (ip) DO UPDATE SET subnet_id = excluded.subnet_id, mac = excluded.mac, \
     client_id = excluded.client_id, hostname = excluded.hostname, state = excluded.state, \
     starts = excluded.starts, ends = excluded.ends";

impl LeaseRow {
    pub(super) fn into_model(self) -> Result<Lease, StoreError> {
        Ok(Lease {
            ip: ip_from(self.ip)?,
            subnet_id: SubnetId(self.subnet_id),
            mac: mac_from(self.mac)?,
            client_id: self.client_id.map(ClientId),
            hostname: self.hostname,
            state: self
                .state
                .parse::<LeaseState>()
                .map_err(StoreError::Internal)?,
            starts: self.starts,
            ends: self.ends,
        })
    }
}

/// An `options` row as selected by `OPTION_COLS`: scope, owner, code, data.
pub(super) type OptionRow = (String, i64, i64, Vec<u8>);

/// The columns of `OptionRow`, in order.
pub(super) const OPTION_COLS: &str = "scope, owner, code, data";

/// A stored option code, which the schema keeps in a DHCP option's range.
pub(super) fn option_code(code: i64) -> Result<u8, StoreError> {
    u8::try_from(code)
        .map_err(|_| StoreError::Internal(format!("stored option code {code} is out of range")))
}

pub(super) fn option_from(
    (scope, owner, code, data): OptionRow,
) -> Result<(OptionScope, DhcpOption), StoreError> {
    let scope = match scope.as_str() {
        "global" => OptionScope::Global,
        "subnet" => OptionScope::Subnet(SubnetId(owner)),
        "pool" => OptionScope::Pool(PoolId(owner)),
        "reservation" => OptionScope::Reservation(ReservationId(owner)),
        other => {
            return Err(StoreError::Internal(format!(
                "stored option scope {other:?} is unknown"
            )))
        }
    };
    let code = option_code(code)?;
    Ok((scope, DhcpOption { code, data }))
}

/// An `events` row as selected by `EVENT_COLS`.
pub(super) type EventRow = (
    i64,
    i64,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// The columns of `EventRow`, in order.
pub(super) const EVENT_COLS: &str =
    "cursor, time, kind, mac, client_id, ip, subnet_id, subnet, hostname, principal, details";

pub(super) fn event_from(r: EventRow) -> Result<Event, StoreError> {
    let (cursor, time, kind, mac, client_id, ip, subnet_id, subnet, hostname, principal, details) =
        r;
    Ok(Event {
        cursor: u64::try_from(cursor).map_err(|e| StoreError::Internal(e.to_string()))?,
        time,
        kind: kind.parse::<EventKind>().map_err(StoreError::Internal)?,
        mac: mac_from(mac)?,
        client_id: client_id.map(ClientId),
        ip: ip.map(ip_from).transpose()?,
        subnet_id: subnet_id.map(SubnetId),
        subnet: subnet
            .map(|s| s.parse::<ipnet::Ipv4Net>())
            .transpose()
            .map_err(|e| StoreError::Internal(format!("stored event subnet: {e}")))?,
        hostname,
        principal,
        details: serde_json::from_str(&details)
            .map_err(|e| StoreError::Internal(format!("stored event details: {e}")))?,
    })
}

/// The columns of an event, ready to bind, in `EVENT_COLS` order.
pub(super) fn event_to(e: &Event) -> EventRow {
    (
        i64::try_from(e.cursor).unwrap_or(i64::MAX),
        e.time,
        e.kind.as_str().to_string(),
        e.mac.map(|m| m.0.to_vec()),
        e.client_id.as_ref().map(|c| c.0.clone()),
        e.ip.map(|i| i64::from(u32::from(i))),
        e.subnet_id.map(|s| s.0),
        e.subnet.map(|s| s.to_string()),
        e.hostname.clone(),
        e.principal.clone(),
        serde_json::to_string(&e.details).unwrap_or_else(|_| "{}".into()),
    )
}
