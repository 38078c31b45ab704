//! Reservations and their labels: the SQL that reads and writes them, and
//! the reservation operations of [`ProvisioningStore`](super::ProvisioningStore).
//! Validation against the subnet is the model's; uniqueness (address, MAC or
//! client-id held by another) is checked here, with messages that name the
//! holder.

use std::collections::BTreeMap;

use super::dialect::Dialect;
use super::options::{delete_with_options, write_options};
use super::query::{Run, Sql};
use super::rows::{ip_col, ip_from, mac_from, ReservationRow, RESERVATION_COLS};
use super::subnets::{cidr_of, subnet_in};
use super::{Result, StoreError};
use crate::model::{
    DhcpOption, OptionScope, Page, Reservation, ReservationFilter, ReservationId, ReservationSpec,
    ReservationUpdate, SubnetId,
};

/// Creates a reservation and its options; a `subnet_id` of 0 means the
/// subnet that contains the address.
pub(super) async fn create<D: Dialect>(
    d: &D,
    spec: &ReservationSpec,
    options: &[DhcpOption],
) -> Result<Reservation> {
    let mut tx = d.begin().await?;
    let mut spec = spec.clone();
    if spec.subnet_id.0 == 0 {
        spec.subnet_id = subnet_of(&mut *tx, &spec).await?;
    }
    let subnet = subnet_in(&mut *tx, spec.subnet_id, "reservation.subnet_id").await?;
    spec.validate(&subnet.spec)?;
    check_unique(&mut *tx, &spec, 0).await?;
    let id = insert(&mut *tx, &spec).await?;
    write_options(
        &mut *tx,
        OptionScope::Reservation(ReservationId(id)),
        options,
    )
    .await?;
    let r = reservation_in(&mut *tx, ReservationId(id)).await?;
    tx.commit().await?;
    Ok(r)
}

/// A reservation by id.
pub(super) async fn get<D: Dialect>(d: &D, id: ReservationId) -> Result<Reservation> {
    let mut tx = d.begin().await?;
    let r = reservation_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// Reservations in id order matching `f`.
pub(super) async fn list<D: Dialect>(
    d: &D,
    f: &ReservationFilter,
    page: Page,
) -> Result<Vec<Reservation>> {
    let mut tx = d.begin().await?;
    let (key, value) = f
        .label
        .as_ref()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .unzip();
    let rows: Vec<ReservationRow> = Sql::new(format!(
        "SELECT {RESERVATION_COLS} FROM reservations r WHERE id > $1 \
         AND ($2 IS NULL OR subnet_id = $2) AND ($3 IS NULL OR mac = $3) \
         AND ($4 IS NULL OR ip = $4) AND ($5 IS NULL OR hostname = $5) \
         AND ($6 IS NULL OR EXISTS (SELECT 1 FROM reservation_labels l \
              WHERE l.reservation_id = r.id AND l.key = $6 AND l.value = $7)) \
         ORDER BY id LIMIT $8"
    ))
    .bind(page.after)
    .bind(f.subnet_id.map(|s| s.0))
    .bind(f.mac.as_ref().map(|m| &m.0[..]))
    .bind(f.ip.map(ip_col))
    .bind(f.hostname.as_deref())
    .bind(key)
    .bind(value)
    .bind(i64::from(page.limit))
    .fetch_all(&mut *tx)
    .await?;
    let out = reservations_from(&mut *tx, rows).await?;
    tx.commit().await?;
    Ok(out)
}

/// Changes a reservation; it must stay unique.
pub(super) async fn update<D: Dialect>(
    d: &D,
    id: ReservationId,
    update: &ReservationUpdate,
) -> Result<Reservation> {
    let mut tx = d.begin().await?;
    let old = reservation_in(&mut *tx, id).await?;
    let subnet = subnet_in(&mut *tx, old.spec.subnet_id, "reservation.subnet_id").await?;
    let spec = update.apply(&old.spec, &subnet.spec)?;
    check_unique(&mut *tx, &spec, id.0).await?;
    update_row(&mut *tx, id.0, &spec, update.labels.is_some()).await?;
    let r = reservation_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(r)
}

/// Deletes a reservation and its options; returns what was deleted.
pub(super) async fn delete<D: Dialect>(d: &D, id: ReservationId) -> Result<Reservation> {
    let mut tx = d.begin().await?;
    let r = reservation_in(&mut *tx, id).await?;
    delete_with_options(&mut *tx, "reservation", "reservations", id.0).await?;
    tx.commit().await?;
    Ok(r)
}

/// The subnet that contains a reservation's address.
async fn subnet_of(c: &mut impl Run, spec: &ReservationSpec) -> Result<SubnetId> {
    let row: Option<(i64,)> =
        Sql::new("SELECT id FROM subnets WHERE network <= $1 AND $1 <= broadcast")
            .bind(ip_col(spec.ip))
            .fetch_optional(c)
            .await?;
    let (id,) = row.ok_or_else(|| {
        StoreError::Conflict(format!(
            "reservation.ip {} is in no subnet; create a subnet that contains it first",
            spec.ip
        ))
    })?;
    Ok(SubnetId(id))
}

/// A reservation by id, with its labels.
async fn reservation_in(c: &mut impl Run, id: ReservationId) -> Result<Reservation> {
    let row: Option<ReservationRow> = Sql::new(format!(
        "SELECT {RESERVATION_COLS} FROM reservations WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    let row =
        row.ok_or_else(|| StoreError::NotFound(format!("reservation {} does not exist", id.0)))?;
    let mut labels = labels_in(c, id.0, id.0).await?;
    row.into_model(labels.remove(&id.0).unwrap_or_default())
}

/// Every reservation with its labels, in id order.
pub(super) async fn all(c: &mut impl Run) -> Result<Vec<Reservation>> {
    let rows: Vec<ReservationRow> = Sql::new(format!(
        "SELECT {RESERVATION_COLS} FROM reservations ORDER BY id"
    ))
    .fetch_all(c)
    .await?;
    reservations_from(c, rows).await
}

/// Reservation rows (in id order) with their labels, read in one query.
async fn reservations_from(
    c: &mut impl Run,
    rows: Vec<ReservationRow>,
) -> Result<Vec<Reservation>> {
    let (Some(lo), Some(hi)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
        return Ok(Vec::new());
    };
    let mut labels = labels_in(c, lo, hi).await?;
    rows.into_iter()
        .map(|r| {
            let l = labels.remove(&r.id).unwrap_or_default();
            r.into_model(l)
        })
        .collect()
}

/// Labels of the reservations with ids in `lo..=hi`.
async fn labels_in(
    c: &mut impl Run,
    lo: i64,
    hi: i64,
) -> Result<BTreeMap<i64, BTreeMap<String, String>>> {
    let rows: Vec<(i64, String, String)> = Sql::new(
        "SELECT reservation_id, key, value FROM reservation_labels \
         WHERE reservation_id BETWEEN $1 AND $2",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(c)
    .await?;
    let mut out: BTreeMap<i64, BTreeMap<String, String>> = BTreeMap::new();
    for (id, k, v) in rows {
        out.entry(id).or_default().insert(k, v);
    }
    Ok(out)
}

/// Refuses a reservation whose address, MAC or client-id (in its subnet)
/// a reservation other than `own` holds.
async fn check_unique(c: &mut impl Run, r: &ReservationSpec, own: i64) -> Result<()> {
    let by_ip: Option<ReservationRow> = Sql::new(format!(
        "SELECT {RESERVATION_COLS} FROM reservations WHERE ip = $1 AND id <> $2"
    ))
    .bind(ip_col(r.ip))
    .bind(own)
    .fetch_optional(c)
    .await?;
    if let Some(o) = by_ip {
        let who = match mac_from(o.mac)? {
            Some(mac) => format!("mac {mac}"),
            None => "a client-id".into(),
        };
        return Err(StoreError::AlreadyExists(format!(
            "reservation.ip {} is already reserved by reservation {} ({who}); \
             choose another address or delete that reservation",
            r.ip, o.id
        )));
    }
    // The field names are the column names.
    let identities = [
        ("mac", r.mac.as_ref().map(|m| (m.to_string(), m.0.to_vec()))),
        (
            "client_id",
            r.client_id.as_ref().map(|c| (c.to_string(), c.0.clone())),
        ),
    ];
    for (field, value) in identities {
        let Some((shown, bytes)) = value else {
            continue;
        };
        let hit: Option<(i64, i64)> = Sql::new(format!(
            "SELECT id, ip FROM reservations WHERE subnet_id = $1 AND {field} = $2 AND id <> $3"
        ))
        .bind(r.subnet_id.0)
        .bind(bytes)
        .bind(own)
        .fetch_optional(c)
        .await?;
        if let Some((id, ip)) = hit {
            let cidr = cidr_of(c, r.subnet_id.0).await?;
            return Err(StoreError::AlreadyExists(format!(
                "reservation.{field} {shown} already has reservation {id} ({}) in subnet {cidr}; \
                 update or delete it instead",
                ip_from(ip)?
            )));
        }
    }
    Ok(())
}

/// Replaces a reservation's labels.
async fn write_labels(c: &mut impl Run, id: i64, labels: &BTreeMap<String, String>) -> Result<()> {
    Sql::new("DELETE FROM reservation_labels WHERE reservation_id = $1")
        .bind(id)
        .execute(c)
        .await?;
    for (k, v) in labels {
        Sql::new("INSERT INTO reservation_labels (reservation_id, key, value) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(k.as_str())
            .bind(v.as_str())
            .execute(c)
            .await?;
    }
    Ok(())
}

/// Inserts a reservation and its labels; checks nothing.
pub(super) async fn insert(c: &mut impl Run, spec: &ReservationSpec) -> Result<i64> {
    let (id,): (i64,) = Sql::new(
        "INSERT INTO reservations (subnet_id, mac, client_id, ip, hostname, next_server, \
         server_name, boot_file) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(spec.subnet_id.0)
    .bind(spec.mac.as_ref().map(|m| &m.0[..]))
    .bind(spec.client_id.as_ref().map(|c| c.0.as_slice()))
    .bind(ip_col(spec.ip))
    .bind(spec.hostname.as_deref())
    .bind_boot(&spec.boot)
    .fetch_one(c)
    .await?;
    if !spec.labels.is_empty() {
        write_labels(c, id, &spec.labels).await?;
    }
    Ok(id)
}

/// Writes a reservation, and its labels when `labels`; checks nothing.
pub(super) async fn update_row(
    c: &mut impl Run,
    id: i64,
    spec: &ReservationSpec,
    labels: bool,
) -> Result<()> {
    Sql::new(
        "UPDATE reservations SET mac = $2, client_id = $3, ip = $4, hostname = $5, \
         next_server = $6, server_name = $7, boot_file = $8 WHERE id = $1",
    )
    .bind(id)
    .bind(spec.mac.as_ref().map(|m| &m.0[..]))
    .bind(spec.client_id.as_ref().map(|c| c.0.as_slice()))
    .bind(ip_col(spec.ip))
    .bind(spec.hostname.as_deref())
    .bind_boot(&spec.boot)
    .execute(c)
    .await?;
    if labels {
        write_labels(c, id, &spec.labels).await?;
    }
    Ok(())
}
