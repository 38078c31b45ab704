//! Subnets and their relay addresses: the SQL that reads and writes them,
//! and the subnet operations of [`ProvisioningStore`](super::ProvisioningStore).
//! Validation is the model's (`SubnetSpec::validate`, `SubnetUpdate::apply`);
//! what needs the other rows (overlaps, relays in use, bound leases) is
//! checked here.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::dialect::Dialect;
use super::options::{delete_options_of, write_options};
use super::query::{Run, Sql};
use super::rows::{ip_col, ip_from, SubnetRow, SUBNET_COLS};
use super::{Result, StoreError};
use crate::clock::now_unix;
use crate::model::{DhcpOption, OptionScope, Page, Subnet, SubnetId, SubnetSpec, SubnetUpdate};

/// Creates a subnet and its options, refusing overlaps and relay addresses
/// in use.
pub(super) async fn create<D: Dialect>(
    d: &D,
    spec: &SubnetSpec,
    options: &[DhcpOption],
) -> Result<Subnet> {
    spec.validate()?;
    let mut tx = d.begin().await?;
    check_overlap(&mut *tx, spec.cidr).await?;
    check_relays(&mut *tx, &spec.relays, 0).await?;
    let id = insert(&mut *tx, spec).await?;
    write_options(&mut *tx, OptionScope::Subnet(SubnetId(id)), options).await?;
    let s = subnet_in(&mut *tx, SubnetId(id), "subnet.id").await?;
    tx.commit().await?;
    Ok(s)
}

/// A subnet by id.
pub(super) async fn get<D: Dialect>(d: &D, id: SubnetId) -> Result<Subnet> {
    let mut tx = d.begin().await?;
    let s = subnet_in(&mut *tx, id, "subnet").await?;
    tx.commit().await?;
    Ok(s)
}

/// A subnet by its exact network.
pub(super) async fn find<D: Dialect>(d: &D, cidr: Ipv4Net) -> Result<Subnet> {
    let mut tx = d.begin().await?;
    let row: Option<SubnetRow> = Sql::new(format!(
        "SELECT {SUBNET_COLS} FROM subnets WHERE network = $1 AND prefix_len = $2"
    ))
    .bind(ip_col(cidr.network()))
    .bind(i64::from(cidr.prefix_len()))
    .fetch_optional(&mut *tx)
    .await?;
    let row = row.ok_or_else(|| StoreError::NotFound(format!("subnet {cidr} does not exist")))?;
    let s = one(&mut *tx, row).await?;
    tx.commit().await?;
    Ok(s)
}

/// The subnet whose network contains `ip`.
pub(super) async fn containing<D: Dialect>(d: &D, ip: Ipv4Addr) -> Result<Subnet> {
    let mut tx = d.begin().await?;
    let row: Option<SubnetRow> = Sql::new(format!(
        "SELECT {SUBNET_COLS} FROM subnets WHERE network <= $1 AND $1 <= broadcast"
    ))
    .bind(ip_col(ip))
    .fetch_optional(&mut *tx)
    .await?;
    let row = row.ok_or_else(|| StoreError::NotFound(format!("no subnet contains {ip}")))?;
    let s = one(&mut *tx, row).await?;
    tx.commit().await?;
    Ok(s)
}

/// Subnets in id order, optionally on one interface.
pub(super) async fn list<D: Dialect>(
    d: &D,
    interface: Option<&str>,
    page: Page,
) -> Result<Vec<Subnet>> {
    let mut tx = d.begin().await?;
    let rows: Vec<SubnetRow> = Sql::new(format!(
        "SELECT {SUBNET_COLS} FROM subnets WHERE id > $1 AND ($2 IS NULL OR interface = $2) \
         ORDER BY id LIMIT $3"
    ))
    .bind(page.after)
    .bind(interface)
    .bind(i64::from(page.limit))
    .fetch_all(&mut *tx)
    .await?;
    let out = subnets_from(&mut *tx, rows).await?;
    tx.commit().await?;
    Ok(out)
}

/// Changes a subnet's settings (its network stays).
pub(super) async fn update<D: Dialect>(
    d: &D,
    id: SubnetId,
    update: &SubnetUpdate,
) -> Result<Subnet> {
    let mut tx = d.begin().await?;
    let old = subnet_in(&mut *tx, id, "subnet.id").await?;
    let spec = update.apply(&old.spec)?;
    if update.relays.is_some() {
        check_relays(&mut *tx, &spec.relays, id.0).await?;
    }
    update_row(&mut *tx, id.0, &spec, update.relays.is_some()).await?;
    let s = subnet_in(&mut *tx, id, "subnet.id").await?;
    tx.commit().await?;
    Ok(s)
}

/// Deletes a subnet with everything in it; refuses while it has bound
/// leases unless `force`.
pub(super) async fn delete<D: Dialect>(d: &D, id: SubnetId, force: bool) -> Result<()> {
    // Its bound leases must be in `leases` to be counted.
    d.fold_journal().await?;
    let mut tx = d.begin().await?;
    let s = subnet_in(&mut *tx, id, "subnet.id").await?;
    if !force {
        let bound = bound_leases(&mut *tx, id.0).await?;
        if bound > 0 {
            return Err(StoreError::Conflict(format!(
                "subnet {} has {bound} bound lease(s); release them first or delete with force",
                s.spec.cidr
            )));
        }
    }
    delete_rows(&mut *tx, id.0).await?;
    tx.commit().await?;
    Ok(())
}

/// Refuses a network that overlaps (or is) a stored subnet's.
async fn check_overlap(c: &mut impl Run, cidr: Ipv4Net) -> Result<()> {
    let hit: Option<(i64, i64, i64)> = Sql::new(
        "SELECT id, network, prefix_len FROM subnets WHERE network <= $1 AND $2 <= broadcast LIMIT 1",
    )
    .bind(ip_col(cidr.broadcast()))
    .bind(ip_col(cidr.network()))
    .fetch_optional(c)
    .await?;
    let Some((id, n, p)) = hit else {
        return Ok(());
    };
    let other = format!("{}/{p}", ip_from(n)?);
    Err(if other == cidr.to_string() {
        StoreError::AlreadyExists(format!("subnet {other} already exists (id {id})"))
    } else {
        StoreError::Conflict(format!(
            "subnet.cidr {cidr} overlaps subnet {other} (id {id}); subnets may not overlap"
        ))
    })
}

/// A subnet by id; `field` names the id in the not-found message.
pub(super) async fn subnet_in(c: &mut impl Run, id: SubnetId, field: &str) -> Result<Subnet> {
    let row: Option<SubnetRow> =
        Sql::new(format!("SELECT {SUBNET_COLS} FROM subnets WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(c)
            .await?;
    let row =
        row.ok_or_else(|| StoreError::NotFound(format!("{field} {}: no such subnet", id.0)))?;
    one(c, row).await
}

/// One subnet row with its relay addresses.
async fn one(c: &mut impl Run, row: SubnetRow) -> Result<Subnet> {
    let mut relays = relays_in(c, row.id, row.id).await?;
    let id = row.id;
    row.into_model(relays.remove(&id).unwrap_or_default())
}

/// Subnet rows (in id order) with their relay addresses, read in one query.
pub(super) async fn subnets_from(c: &mut impl Run, rows: Vec<SubnetRow>) -> Result<Vec<Subnet>> {
    let (Some(lo), Some(hi)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
        return Ok(Vec::new());
    };
    let mut relays = relays_in(c, lo, hi).await?;
    rows.into_iter()
        .map(|r| {
            let rl = relays.remove(&r.id).unwrap_or_default();
            r.into_model(rl)
        })
        .collect()
}

/// Relay addresses of the subnets with ids in `lo..=hi`.
async fn relays_in(c: &mut impl Run, lo: i64, hi: i64) -> Result<BTreeMap<i64, Vec<Ipv4Addr>>> {
    let rows: Vec<(i64, i64)> = Sql::new(
        "SELECT subnet_id, address FROM subnet_relays WHERE subnet_id BETWEEN $1 AND $2 ORDER BY address",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(c)
    .await?;
    let mut out: BTreeMap<i64, Vec<Ipv4Addr>> = BTreeMap::new();
    for (s, a) in rows {
        out.entry(s).or_default().push(ip_from(a)?);
    }
    Ok(out)
}

/// `10.0.0.0/24`, or `#7` for a subnet that is gone: for messages.
pub(super) async fn cidr_of(c: &mut impl Run, id: i64) -> Result<String> {
    let row: Option<(i64, i64)> = Sql::new("SELECT network, prefix_len FROM subnets WHERE id = $1")
        .bind(id)
        .fetch_optional(c)
        .await?;
    match row {
        Some((n, p)) => Ok(format!("{}/{p}", ip_from(n)?)),
        None => Ok(format!("#{id}")),
    }
}

/// Refuses relay addresses that already select a subnet other than `own`.
async fn check_relays(c: &mut impl Run, relays: &[Ipv4Addr], own: i64) -> Result<()> {
    for (i, r) in relays.iter().enumerate() {
        let hit: Option<(i64,)> =
            Sql::new("SELECT subnet_id FROM subnet_relays WHERE address = $1 AND subnet_id <> $2")
                .bind(ip_col(*r))
                .bind(own)
                .fetch_optional(c)
                .await?;
        if let Some((other,)) = hit {
            let cidr = cidr_of(c, other).await?;
            return Err(StoreError::AlreadyExists(format!(
                "subnet.relay_addresses[{i}] {r} already selects subnet {cidr} (id {other}); \
                 a relay address selects one subnet"
            )));
        }
    }
    Ok(())
}

/// Replaces a subnet's relay addresses.
async fn write_relays(c: &mut impl Run, id: i64, relays: &[Ipv4Addr]) -> Result<()> {
    Sql::new("DELETE FROM subnet_relays WHERE subnet_id = $1")
        .bind(id)
        .execute(c)
        .await?;
    for r in relays {
        Sql::new("INSERT INTO subnet_relays (subnet_id, address) VALUES ($1, $2)")
            .bind(id)
            .bind(ip_col(*r))
            .execute(c)
            .await?;
    }
    Ok(())
}

/// Bound leases in a subnet (as folded into `leases`).
pub(super) async fn bound_leases(c: &mut impl Run, id: i64) -> Result<i64> {
    let (bound,): (i64,) =
        Sql::new("SELECT COUNT(*) FROM leases WHERE subnet_id = $1 AND state = 'bound'")
            .bind(id)
            .fetch_one(c)
            .await?;
    Ok(bound)
}

/// Inserts a subnet and its relay addresses; checks nothing.
pub(super) async fn insert(c: &mut impl Run, spec: &SubnetSpec) -> Result<i64> {
    let (id,): (i64,) = Sql::new(
        "INSERT INTO subnets (network, broadcast, prefix_len, interface, lease_min, lease_default, \
         lease_max, t1, t2, authoritative, rapid_commit, bootp, description, created, updated, \
         bootp_dynamic, bootp_lease_time, next_server, server_name, boot_file) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, \
         $15, $16, $17, $18, $19) RETURNING id",
    )
    .bind(ip_col(spec.cidr.network()))
    .bind(ip_col(spec.cidr.broadcast()))
    .bind(i64::from(spec.cidr.prefix_len()))
    .bind(spec.interface.as_deref())
    .bind(i64::from(spec.lease.min))
    .bind(i64::from(spec.lease.default))
    .bind(i64::from(spec.lease.max))
    .bind(spec.t1.map(i64::from))
    .bind(spec.t2.map(i64::from))
    .bind(spec.authoritative)
    .bind(spec.rapid_commit)
    .bind(spec.bootp)
    .bind(spec.description.as_str())
    .bind(now_unix())
    .bind(spec.bootp_dynamic)
    .bind(spec.bootp_lease_time.map(i64::from))
    .bind_boot(&spec.boot)
    .fetch_one(c)
    .await?;
    write_relays(c, id, &spec.relays).await?;
    Ok(id)
}

/// Writes a subnet's settings (its network stays), and its relay addresses
/// when `relays`; checks nothing.
pub(super) async fn update_row(
    c: &mut impl Run,
    id: i64,
    spec: &SubnetSpec,
    relays: bool,
) -> Result<()> {
    if relays {
        write_relays(c, id, &spec.relays).await?;
    }
    Sql::new(
        "UPDATE subnets SET interface = $2, lease_min = $3, lease_default = $4, lease_max = $5, \
         t1 = $6, t2 = $7, authoritative = $8, description = $9, updated = $10, rapid_commit = $11, \
         bootp = $12, bootp_dynamic = $13, bootp_lease_time = $14, next_server = $15, \
         server_name = $16, boot_file = $17 WHERE id = $1",
    )
    .bind(id)
    .bind(spec.interface.as_deref())
    .bind(i64::from(spec.lease.min))
    .bind(i64::from(spec.lease.default))
    .bind(i64::from(spec.lease.max))
    .bind(spec.t1.map(i64::from))
    .bind(spec.t2.map(i64::from))
    .bind(spec.authoritative)
    .bind(spec.description.as_str())
    .bind(now_unix())
    .bind(spec.rapid_commit)
    .bind(spec.bootp)
    .bind(spec.bootp_dynamic)
    .bind(spec.bootp_lease_time.map(i64::from))
    .bind_boot(&spec.boot)
    .execute(c)
    .await?;
    Ok(())
}

/// Deletes a subnet with everything in it: options of the subnet, its
/// pools and its reservations here; the rest by the schema's cascades.
pub(super) async fn delete_rows(c: &mut impl Run, id: i64) -> Result<()> {
    delete_options_of(c, "subnet", "$2", id).await?;
    delete_options_of(c, "pool", "SELECT id FROM pools WHERE subnet_id = $2", id).await?;
    delete_options_of(
        c,
        "reservation",
        "SELECT id FROM reservations WHERE subnet_id = $2",
        id,
    )
    .await?;
    Sql::new("DELETE FROM subnets WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Every subnet with its relay addresses, in id order.
pub(super) async fn all(c: &mut impl Run) -> Result<Vec<Subnet>> {
    let rows: Vec<SubnetRow> = Sql::new(format!("SELECT {SUBNET_COLS} FROM subnets ORDER BY id"))
        .fetch_all(c)
        .await?;
    subnets_from(c, rows).await
}
