//! The one SQL implementation of [`Store`](super::Store), instantiated for
//! each backend by `sql_store!`. The SQL is written once in the dialect
//! both PostgreSQL and SQLite accept (`$n` parameters, `RETURNING`,
//! `ON CONFLICT ... DO UPDATE`); only connecting and migrating differ.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, Unix seconds.
pub(super) fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Rows written per statement by a multi-row upsert; keeps SQLite's
/// parameter count (8 per row) well under its limit.
pub(super) const UPSERT_CHUNK: usize = 1000;

/// The columns a lease upsert replaces on conflict.
pub(super) const LEASE_UPSERT_SET: &str =
    " ON CONFLICT (ip) DO UPDATE SET subnet_id = excluded.subnet_id, mac = excluded.mac, \
     client_id = excluded.client_id, hostname = excluded.hostname, state = excluded.state, \
     starts = excluded.starts, ends = excluded.ends";

/// Implements `Store` for `$store`, which has `pool: sqlx::Pool<$db>` and,
/// for its dialect, `write_leases` (make leases durable), `fold_journal`
/// (bring `leases` up to date with whatever `write_leases` deferred; run
/// before every lease read) and `housekeeping`.
macro_rules! sql_store {
    ($store:ty, $db:ty, $backend:expr, $migrator:expr) => {
        mod sql_impl {
            use std::collections::BTreeMap;
            use std::net::Ipv4Addr;

            use async_trait::async_trait;
            use ipnet::Ipv4Net;
            use sqlx::Transaction;

            use super::*;
            use crate::model::*;
            use crate::store::rows::*;
            use crate::store::sql::now_secs;
            use crate::store::{AuditFn, Backend, Counts, Result, Store, StoreError};

            type Tx = Transaction<'static, $db>;

            fn bytes(v: &[u8]) -> Vec<u8> {
                v.to_vec()
            }

            impl $store {
                async fn subnet_in(tx: &mut Tx, id: SubnetId, field: &str) -> Result<Subnet> {
                    let row: Option<SubnetRow> =
                        sqlx::query_as(&format!("SELECT {SUBNET_COLS} FROM subnets WHERE id = $1"))
                            .bind(id.0)
                            .fetch_optional(&mut **tx)
                            .await?;
                    let row = row.ok_or_else(|| StoreError::NotFound(format!("{field} {}: no such subnet", id.0)))?;
                    let relays = Self::relays_in(tx, id.0, id.0).await?;
                    row.into_model(relays.get(&id.0).cloned().unwrap_or_default())
                }

                /// Relay addresses of the subnets with ids in `lo..=hi`.
                async fn relays_in(tx: &mut Tx, lo: i64, hi: i64) -> Result<BTreeMap<i64, Vec<Ipv4Addr>>> {
                    let rows: Vec<(i64, i64)> = sqlx::query_as(
                        "SELECT subnet_id, address FROM subnet_relays WHERE subnet_id BETWEEN $1 AND $2 ORDER BY address",
                    )
                    .bind(lo)
                    .bind(hi)
                    .fetch_all(&mut **tx)
                    .await?;
                    let mut out: BTreeMap<i64, Vec<Ipv4Addr>> = BTreeMap::new();
                    for (s, a) in rows {
                        out.entry(s).or_default().push(ip_from(a)?);
                    }
                    Ok(out)
                }

                async fn subnets_from(tx: &mut Tx, rows: Vec<SubnetRow>) -> Result<Vec<Subnet>> {
                    let (Some(lo), Some(hi)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
                        return Ok(Vec::new());
                    };
                    let mut relays = Self::relays_in(tx, lo, hi).await?;
                    rows.into_iter().map(|r| { let rl = relays.remove(&r.id).unwrap_or_default(); r.into_model(rl) }).collect()
                }

                async fn cidr_of(tx: &mut Tx, id: i64) -> Result<String> {
                    let row: Option<(i64, i64)> = sqlx::query_as("SELECT network, prefix_len FROM subnets WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&mut **tx)
                        .await?;
                    Ok(row.map_or_else(|| format!("#{id}"), |(n, p)| format!("{}/{p}", Ipv4Addr::from(n as u32))))
                }

                /// Refuses relay addresses that already select another subnet.
                async fn check_relays(tx: &mut Tx, relays: &[Ipv4Addr], own: i64) -> Result<()> {
                    for (i, r) in relays.iter().enumerate() {
                        let hit: Option<(i64,)> = sqlx::query_as(
                            "SELECT subnet_id FROM subnet_relays WHERE address = $1 AND subnet_id <> $2",
                        )
                        .bind(ip_col(*r))
                        .bind(own)
                        .fetch_optional(&mut **tx)
                        .await?;
                        if let Some((other,)) = hit {
                            let cidr = Self::cidr_of(tx, other).await?;
                            return Err(StoreError::AlreadyExists(format!(
                                "subnet.relay_addresses[{i}] {r} already selects subnet {cidr} (id {other}); a relay address selects one subnet"
                            )));
                        }
                    }
                    Ok(())
                }

                async fn write_relays(tx: &mut Tx, id: i64, relays: &[Ipv4Addr]) -> Result<()> {
                    sqlx::query("DELETE FROM subnet_relays WHERE subnet_id = $1").bind(id).execute(&mut **tx).await?;
                    for r in relays {
                        sqlx::query("INSERT INTO subnet_relays (subnet_id, address) VALUES ($1, $2)")
                            .bind(id)
                            .bind(ip_col(*r))
                            .execute(&mut **tx)
                            .await?;
                    }
                    Ok(())
                }

                async fn write_options(tx: &mut Tx, scope: OptionScope, options: &[DhcpOption]) -> Result<()> {
                    for o in options {
                        sqlx::query(
                            "INSERT INTO options (scope, owner, code, data) VALUES ($1, $2, $3, $4) \
                             ON CONFLICT (scope, owner, code) DO UPDATE SET data = excluded.data",
                        )
                        .bind(scope.kind())
                        .bind(scope.owner())
                        .bind(i64::from(o.code))
                        .bind(bytes(&o.data))
                        .execute(&mut **tx)
                        .await?;
                    }
                    Ok(())
                }

                async fn delete_options_of(tx: &mut Tx, scope: &str, owners_sql: &str, id: i64) -> Result<()> {
                    sqlx::query(&format!("DELETE FROM options WHERE scope = $1 AND owner IN ({owners_sql})"))
                        .bind(scope)
                        .bind(id)
                        .execute(&mut **tx)
                        .await?;
                    Ok(())
                }

                async fn pool_in(tx: &mut Tx, id: PoolId) -> Result<Pool> {
                    let row: Option<PoolRow> = sqlx::query_as(&format!("SELECT {POOL_COLS} FROM pools WHERE id = $1"))
                        .bind(id.0)
                        .fetch_optional(&mut **tx)
                        .await?;
                    row.ok_or_else(|| StoreError::NotFound(format!("pool {} does not exist", id.0)))?.into_model()
                }

                /// Refuses a range that overlaps a pool other than `own`.
                async fn check_pool_overlap(tx: &mut Tx, range: AddrRange, own: i64) -> Result<()> {
                    let hit: Option<PoolRow> = sqlx::query_as(&format!(
                        "SELECT {POOL_COLS} FROM pools WHERE range_start <= $1 AND $2 <= range_end AND id <> $3 LIMIT 1"
                    ))
                    .bind(ip_col(range.end))
                    .bind(ip_col(range.start))
                    .bind(own)
                    .fetch_optional(&mut **tx)
                    .await?;
                    if let Some(p) = hit {
                        let p = p.into_model()?;
                        let cidr = Self::cidr_of(tx, p.spec.subnet_id.0).await?;
                        return Err(StoreError::Conflict(format!(
                            "pool.range {range} overlaps pool {} ({}) in subnet {cidr}; choose a range clear of it",
                            p.id.0, p.spec.range
                        )));
                    }
                    Ok(())
                }

                async fn labels_in(tx: &mut Tx, lo: i64, hi: i64) -> Result<BTreeMap<i64, BTreeMap<String, String>>> {
                    let rows: Vec<(i64, String, String)> = sqlx::query_as(
                        "SELECT reservation_id, key, value FROM reservation_labels WHERE reservation_id BETWEEN $1 AND $2",
                    )
                    .bind(lo)
                    .bind(hi)
                    .fetch_all(&mut **tx)
                    .await?;
                    let mut out: BTreeMap<i64, BTreeMap<String, String>> = BTreeMap::new();
                    for (id, k, v) in rows {
                        out.entry(id).or_default().insert(k, v);
                    }
                    Ok(out)
                }

                async fn reservations_from(tx: &mut Tx, rows: Vec<ReservationRow>) -> Result<Vec<Reservation>> {
                    let (Some(lo), Some(hi)) = (rows.first().map(|r| r.id), rows.last().map(|r| r.id)) else {
                        return Ok(Vec::new());
                    };
                    let mut labels = Self::labels_in(tx, lo, hi).await?;
                    rows.into_iter().map(|r| { let l = labels.remove(&r.id).unwrap_or_default(); r.into_model(l) }).collect()
                }

                async fn reservation_in(tx: &mut Tx, id: ReservationId) -> Result<Reservation> {
                    let row: Option<ReservationRow> =
                        sqlx::query_as(&format!("SELECT {RESERVATION_COLS} FROM reservations WHERE id = $1"))
                            .bind(id.0)
                            .fetch_optional(&mut **tx)
                            .await?;
                    let row = row.ok_or_else(|| StoreError::NotFound(format!("reservation {} does not exist", id.0)))?;
                    Self::reservations_from(tx, vec![row]).await.map(|mut v| v.remove(0))
                }

                /// Refuses a reservation whose address, MAC or client-id another holds.
                async fn check_reservation_unique(tx: &mut Tx, r: &ReservationSpec, own: i64) -> Result<()> {
                    let by_ip: Option<ReservationRow> = sqlx::query_as(&format!(
                        "SELECT {RESERVATION_COLS} FROM reservations WHERE ip = $1 AND id <> $2"
                    ))
                    .bind(ip_col(r.ip))
                    .bind(own)
                    .fetch_optional(&mut **tx)
                    .await?;
                    if let Some(o) = by_ip {
                        let who = o.mac.as_deref().map(|m| format!("mac {}", mac_from(Some(m.to_vec())).ok().flatten().map(|m| m.to_string()).unwrap_or_default()))
                            .unwrap_or_else(|| "a client-id".into());
                        return Err(StoreError::AlreadyExists(format!(
                            "reservation.ip {} is already reserved by reservation {} ({who}); choose another address or delete that reservation",
                            r.ip, o.id
                        )));
                    }
                    let cidr = Self::cidr_of(tx, r.spec_subnet()).await?;
                    if let Some(mac) = r.mac {
                        let hit: Option<(i64, i64)> = sqlx::query_as(
                            "SELECT id, ip FROM reservations WHERE subnet_id = $1 AND mac = $2 AND id <> $3",
                        )
                        .bind(r.spec_subnet())
                        .bind(bytes(&mac.0))
                        .bind(own)
                        .fetch_optional(&mut **tx)
                        .await?;
                        if let Some((id, ip)) = hit {
                            return Err(StoreError::AlreadyExists(format!(
                                "reservation.mac {mac} already has reservation {id} ({}) in subnet {cidr}; update or delete it instead",
                                ip_from(ip)?
                            )));
                        }
                    }
                    if let Some(cid) = &r.client_id {
                        let hit: Option<(i64, i64)> = sqlx::query_as(
                            "SELECT id, ip FROM reservations WHERE subnet_id = $1 AND client_id = $2 AND id <> $3",
                        )
                        .bind(r.spec_subnet())
                        .bind(bytes(&cid.0))
                        .bind(own)
                        .fetch_optional(&mut **tx)
                        .await?;
                        if let Some((id, ip)) = hit {
                            return Err(StoreError::AlreadyExists(format!(
                                "reservation.client_id {cid} already has reservation {id} ({}) in subnet {cidr}; update or delete it instead",
                                ip_from(ip)?
                            )));
                        }
                    }
                    Ok(())
                }

                async fn write_labels(tx: &mut Tx, id: i64, labels: &BTreeMap<String, String>) -> Result<()> {
                    sqlx::query("DELETE FROM reservation_labels WHERE reservation_id = $1").bind(id).execute(&mut **tx).await?;
                    for (k, v) in labels {
                        sqlx::query("INSERT INTO reservation_labels (reservation_id, key, value) VALUES ($1, $2, $3)")
                            .bind(id)
                            .bind(k)
                            .bind(v)
                            .execute(&mut **tx)
                            .await?;
                    }
                    Ok(())
                }

                async fn check_scope(tx: &mut Tx, scope: OptionScope) -> Result<()> {
                    let table = match scope {
                        OptionScope::Global => return Ok(()),
                        OptionScope::Subnet(_) => "subnets",
                        OptionScope::Pool(_) => "pools",
                        OptionScope::Reservation(_) => "reservations",
                    };
                    let hit: Option<(i64,)> = sqlx::query_as(&format!("SELECT id FROM {table} WHERE id = $1"))
                        .bind(scope.owner())
                        .fetch_optional(&mut **tx)
                        .await?;
                    match hit {
                        Some(_) => Ok(()),
                        None => Err(StoreError::NotFound(format!(
                            "option.scope: {} {} does not exist",
                            scope.kind(),
                            scope.owner()
                        ))),
                    }
                }

                async fn lease_in(tx: &mut Tx, ip: Ipv4Addr) -> Result<Lease> {
                    let row: Option<LeaseRow> = sqlx::query_as(&format!("SELECT {LEASE_COLS} FROM leases WHERE ip = $1"))
                        .bind(ip_col(ip))
                        .fetch_optional(&mut **tx)
                        .await?;
                    row.ok_or_else(|| StoreError::NotFound(format!("lease {ip} does not exist")))?.into_model()
                }

                /// Inserts a subnet and its relay addresses; checks nothing.
                async fn insert_subnet(tx: &mut Tx, spec: &SubnetSpec) -> Result<i64> {
                    let (id,): (i64,) = sqlx::query_as(
                        "INSERT INTO subnets (network, broadcast, prefix_len, interface, lease_min, lease_default, \
                         lease_max, t1, t2, authoritative, rapid_commit, bootp, description, created, updated) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
                    )
                    .bind(ip_col(spec.cidr.network()))
                    .bind(ip_col(spec.cidr.broadcast()))
                    .bind(i64::from(spec.cidr.prefix_len()))
                    .bind(&spec.interface)
                    .bind(i64::from(spec.lease.min))
                    .bind(i64::from(spec.lease.default))
                    .bind(i64::from(spec.lease.max))
                    .bind(spec.t1.map(i64::from))
                    .bind(spec.t2.map(i64::from))
                    .bind(spec.authoritative)
                    .bind(spec.rapid_commit)
                    .bind(spec.bootp)
                    .bind(&spec.description)
                    .bind(now_secs())
                    .fetch_one(&mut **tx)
                    .await?;
                    Self::write_relays(tx, id, &spec.relays).await?;
                    Ok(id)
                }

                /// Writes a subnet's settings (its network stays), and its
                /// relay addresses when `relays`; checks nothing.
                async fn update_subnet_row(tx: &mut Tx, id: i64, spec: &SubnetSpec, relays: bool) -> Result<()> {
                    if relays {
                        Self::write_relays(tx, id, &spec.relays).await?;
                    }
                    sqlx::query(
                        "UPDATE subnets SET interface = $2, lease_min = $3, lease_default = $4, lease_max = $5, \
                         t1 = $6, t2 = $7, authoritative = $8, description = $9, updated = $10, rapid_commit = $11, \
                         bootp = $12 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(&spec.interface)
                    .bind(i64::from(spec.lease.min))
                    .bind(i64::from(spec.lease.default))
                    .bind(i64::from(spec.lease.max))
                    .bind(spec.t1.map(i64::from))
                    .bind(spec.t2.map(i64::from))
                    .bind(spec.authoritative)
                    .bind(&spec.description)
                    .bind(now_secs())
                    .bind(spec.rapid_commit)
                    .bind(spec.bootp)
                    .execute(&mut **tx)
                    .await?;
                    Ok(())
                }

                /// Deletes a subnet with everything in it.
                async fn delete_subnet_rows(tx: &mut Tx, id: i64) -> Result<()> {
                    Self::delete_options_of(tx, "subnet", "$2", id).await?;
                    Self::delete_options_of(tx, "pool", "SELECT id FROM pools WHERE subnet_id = $2", id).await?;
                    Self::delete_options_of(tx, "reservation", "SELECT id FROM reservations WHERE subnet_id = $2", id).await?;
                    sqlx::query("DELETE FROM subnets WHERE id = $1").bind(id).execute(&mut **tx).await?;
                    Ok(())
                }

                /// Inserts a pool; checks nothing.
                async fn insert_pool(tx: &mut Tx, spec: &PoolSpec) -> Result<i64> {
                    let (id,): (i64,) = sqlx::query_as(
                        "INSERT INTO pools (subnet_id, range_start, range_end, exclusions, description) \
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(spec.subnet_id.0)
                    .bind(ip_col(spec.range.start))
                    .bind(ip_col(spec.range.end))
                    .bind(exclusions_col(&spec.exclusions))
                    .bind(&spec.description)
                    .fetch_one(&mut **tx)
                    .await?;
                    Ok(id)
                }

                /// Writes a pool; checks nothing.
                async fn update_pool_row(tx: &mut Tx, id: i64, spec: &PoolSpec) -> Result<()> {
                    sqlx::query(
                        "UPDATE pools SET range_start = $2, range_end = $3, exclusions = $4, description = $5 WHERE id = $1",
                    )
                    .bind(id)
                    .bind(ip_col(spec.range.start))
                    .bind(ip_col(spec.range.end))
                    .bind(exclusions_col(&spec.exclusions))
                    .bind(&spec.description)
                    .execute(&mut **tx)
                    .await?;
                    Ok(())
                }

                /// Deletes a pool or reservation (`scope`, in `table`) with
                /// its options; labels go with a reservation by cascade.
                async fn delete_with_options(tx: &mut Tx, scope: &str, table: &str, id: i64) -> Result<()> {
                    Self::delete_options_of(tx, scope, "$2", id).await?;
                    sqlx::query(&format!("DELETE FROM {table} WHERE id = $1")).bind(id).execute(&mut **tx).await?;
                    Ok(())
                }

                /// Inserts a reservation and its labels; checks nothing.
                async fn insert_reservation(tx: &mut Tx, spec: &ReservationSpec) -> Result<i64> {
                    let (id,): (i64,) = sqlx::query_as(
                        "INSERT INTO reservations (subnet_id, mac, client_id, ip, hostname) \
                         VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    )
                    .bind(spec.subnet_id.0)
                    .bind(spec.mac.map(|m| bytes(&m.0)))
                    .bind(spec.client_id.as_ref().map(|c| bytes(&c.0)))
                    .bind(ip_col(spec.ip))
                    .bind(&spec.hostname)
                    .fetch_one(&mut **tx)
                    .await?;
                    if !spec.labels.is_empty() {
                        Self::write_labels(tx, id, &spec.labels).await?;
                    }
                    Ok(id)
                }

                /// Writes a reservation, and its labels when `labels`;
                /// checks nothing.
                async fn update_reservation_row(tx: &mut Tx, id: i64, spec: &ReservationSpec, labels: bool) -> Result<()> {
                    sqlx::query("UPDATE reservations SET mac = $2, client_id = $3, ip = $4, hostname = $5 WHERE id = $1")
                        .bind(id)
                        .bind(spec.mac.map(|m| bytes(&m.0)))
                        .bind(spec.client_id.as_ref().map(|c| bytes(&c.0)))
                        .bind(ip_col(spec.ip))
                        .bind(&spec.hostname)
                        .execute(&mut **tx)
                        .await?;
                    if labels {
                        Self::write_labels(tx, id, &spec.labels).await?;
                    }
                    Ok(())
                }


                async fn insert_audit(tx: &mut Tx, e: &AuditEntry) -> Result<i64> {
                    let (id,): (i64,) = sqlx::query_as(
                        "INSERT INTO audit (time, principal, action, object, before, after) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(e.time)
                    .bind(&e.principal)
                    .bind(&e.action)
                    .bind(&e.object)
                    .bind(e.before.as_deref())
                    .bind(e.after.as_deref())
                    .fetch_one(&mut **tx)
                    .await?;
                    Ok(id)
                }

                /// The whole provisioning state.
                async fn read_site(tx: &mut Tx) -> Result<SiteState> {
                    let rows: Vec<SubnetRow> =
                        sqlx::query_as(&format!("SELECT {SUBNET_COLS} FROM subnets ORDER BY id"))
                            .fetch_all(&mut **tx)
                            .await?;
                    let subnets = Self::subnets_from(tx, rows).await?;
                    let rows: Vec<PoolRow> = sqlx::query_as(&format!("SELECT {POOL_COLS} FROM pools ORDER BY id"))
                        .fetch_all(&mut **tx)
                        .await?;
                    let pools = rows.into_iter().map(PoolRow::into_model).collect::<Result<Vec<_>>>()?;
                    let rows: Vec<ReservationRow> =
                        sqlx::query_as(&format!("SELECT {RESERVATION_COLS} FROM reservations ORDER BY id"))
                            .fetch_all(&mut **tx)
                            .await?;
                    let reservations = Self::reservations_from(tx, rows).await?;
                    let rows: Vec<(String, i64, i64, Vec<u8>)> =
                        sqlx::query_as("SELECT scope, owner, code, data FROM options ORDER BY scope, owner, code")
                            .fetch_all(&mut **tx)
                            .await?;
                    let options = rows.into_iter().map(option_from).collect::<Result<Vec<_>>>()?;
                    Ok(SiteState { subnets, pools, reservations, options })
                }

                /// Carries out a plan made against `state`; records each
                /// change in the audit log when `audit` is given.
                async fn apply_in(
                    tx: &mut Tx,
                    changes: Vec<site::Change>,
                    state: &SiteState,
                    audit: Option<&AuditFn<'_>>,
                ) -> Result<Vec<Applied>> {
                    use std::collections::HashMap;
                    use site::{Op, Target};
                    let mut subnets: HashMap<Ipv4Net, i64> =
                        state.subnets.iter().map(|s| (s.spec.cidr, s.id.0)).collect();
                    // Every subnet's network by id, deleted ones included.
                    let mut networks: HashMap<i64, Ipv4Net> = subnets.iter().map(|(n, i)| (*i, *n)).collect();
                    let mut pools: HashMap<(Ipv4Addr, Ipv4Addr), (i64, i64)> = state
                        .pools
                        .iter()
                        .map(|p| ((p.spec.range.start, p.spec.range.end), (p.id.0, p.spec.subnet_id.0)))
                        .collect();
                    let mut res: HashMap<Ipv4Addr, (i64, i64)> = state
                        .reservations
                        .iter()
                        .map(|r| (r.spec.ip, (r.id.0, r.spec.subnet_id.0)))
                        .collect();
                    let mut out = Vec::with_capacity(changes.len());
                    let missing = |what: String| StoreError::Internal(format!("{what} vanished while the plan ran"));
                    for c in changes {
                        let owner = |t: &Target| -> Option<(OptionScope, i64)> {
                            Some(match t {
                                Target::Global => (OptionScope::Global, 0),
                                Target::Subnet(n) => {
                                    let s = *subnets.get(n)?;
                                    (OptionScope::Subnet(SubnetId(s)), s)
                                }
                                Target::Pool(r) => {
                                    let (p, s) = *pools.get(&(r.start, r.end))?;
                                    (OptionScope::Pool(PoolId(p)), s)
                                }
                                Target::Reservation(ip) => {
                                    let (r, s) = *res.get(ip)?;
                                    (OptionScope::Reservation(ReservationId(r)), s)
                                }
                            })
                        };
                        let owned = match &c.op {
                            Op::DeleteOption { target, .. } | Op::SetOption { target, .. } => {
                                Some(owner(target).ok_or_else(|| missing(target.to_string())))
                            }
                            _ => None,
                        };
                        let step: Result<(i64, i64)> = async {
                            Ok(match &c.op {
                                Op::DeleteOption { option, .. } => {
                                    let (scope, s) = owned.ok_or_else(|| missing("an option's owner".into()))??;
                                    sqlx::query("DELETE FROM options WHERE scope = $1 AND owner = $2 AND code = $3")
                                        .bind(scope.kind())
                                        .bind(scope.owner())
                                        .bind(i64::from(option.code))
                                        .execute(&mut **tx)
                                        .await?;
                                    (scope.owner(), s)
                                }
                                Op::DeleteReservation(r) => {
                                    Self::delete_with_options(tx, "reservation", "reservations", r.id.0).await?;
                                    res.remove(&r.spec.ip);
                                    (r.id.0, r.spec.subnet_id.0)
                                }
                                Op::DeletePool(p) => {
                                    Self::delete_with_options(tx, "pool", "pools", p.id.0).await?;
                                    pools.remove(&(p.spec.range.start, p.spec.range.end));
                                    (p.id.0, p.spec.subnet_id.0)
                                }
                                Op::DeleteSubnet(s) => {
                                    let (bound,): (i64,) = sqlx::query_as(
                                        "SELECT COUNT(*) FROM leases WHERE subnet_id = $1 AND state = 'bound'",
                                    )
                                    .bind(s.id.0)
                                    .fetch_one(&mut **tx)
                                    .await?;
                                    if bound > 0 {
                                        return Err(StoreError::Conflict(format!(
                                            "has {bound} bound lease(s); release them (dhcpctl lease release) or keep the subnet in the document"
                                        )));
                                    }
                                    Self::delete_subnet_rows(tx, s.id.0).await?;
                                    subnets.remove(&s.spec.cidr);
                                    (s.id.0, s.id.0)
                                }
                                Op::CreateSubnet(spec) => {
                                    let id = Self::insert_subnet(tx, spec).await?;
                                    subnets.insert(spec.cidr, id);
                                    networks.insert(id, spec.cidr);
                                    (id, id)
                                }
                                Op::UpdateSubnet { before, after } => {
                                    Self::update_subnet_row(tx, before.id.0, after, after.relays != before.spec.relays).await?;
                                    (before.id.0, before.id.0)
                                }
                                Op::CreatePool { subnet, spec } => {
                                    let s = *subnets.get(subnet).ok_or_else(|| missing(format!("subnet {subnet}")))?;
                                    let spec = PoolSpec { subnet_id: SubnetId(s), ..spec.clone() };
                                    let id = Self::insert_pool(tx, &spec).await?;
                                    pools.insert((spec.range.start, spec.range.end), (id, s));
                                    (id, s)
                                }
                                Op::UpdatePool { before, after } => {
                                    Self::update_pool_row(tx, before.id.0, after).await?;
                                    (before.id.0, before.spec.subnet_id.0)
                                }
                                Op::CreateReservation { subnet, spec } => {
                                    let s = *subnets.get(subnet).ok_or_else(|| missing(format!("subnet {subnet}")))?;
                                    let spec = ReservationSpec { subnet_id: SubnetId(s), ..spec.clone() };
                                    let id = Self::insert_reservation(tx, &spec).await?;
                                    res.insert(spec.ip, (id, s));
                                    (id, s)
                                }
                                Op::UpdateReservation { before, after } => {
                                    Self::update_reservation_row(tx, before.id.0, after, after.labels != before.spec.labels).await?;
                                    res.remove(&before.spec.ip);
                                    res.insert(after.ip, (before.id.0, before.spec.subnet_id.0));
                                    (before.id.0, before.spec.subnet_id.0)
                                }
                                Op::SetOption { option, .. } => {
                                    let (scope, s) = owned.ok_or_else(|| missing("an option's owner".into()))??;
                                    Self::write_options(tx, scope, std::slice::from_ref(option)).await?;
                                    (scope.owner(), s)
                                }
                            })
                        }
                        .await;
                        let (id, subnet_id) = step.map_err(|e| site_error(&c, e))?;
                        let subnet = networks.get(&subnet_id).copied();
                        let mut applied = Applied { change: c, id, subnet_id, subnet, audit: None };
                        if let Some(audit) = audit {
                            let mut entry = audit(&applied);
                            entry.id = Self::insert_audit(tx, &entry).await?;
                            applied.audit = Some(entry);
                        }
                        out.push(applied);
                    }
                    Ok(out)
                }
            }

            /// A store error met while carrying out `c`, as a refusal
            /// naming the object.
            fn site_error(c: &site::Change, e: StoreError) -> StoreError {
                let field = if c.path.is_empty() {
                    format!("{} {}", c.kind(), c.object())
                } else {
                    c.path.clone()
                };
                match e {
                    StoreError::Invalid(i) => StoreError::Rejected(vec![Invalid::new(field, i.to_string())]),
                    StoreError::NotFound(m) | StoreError::AlreadyExists(m) | StoreError::Conflict(m) => {
                        StoreError::Rejected(vec![Invalid::new(field, m)])
                    }
                    other => other,
                }
            }

            fn option_from((scope, owner, code, data): (String, i64, i64, Vec<u8>)) -> Result<(OptionScope, DhcpOption)> {
                let scope = match scope.as_str() {
                    "global" => OptionScope::Global,
                    "subnet" => OptionScope::Subnet(SubnetId(owner)),
                    "pool" => OptionScope::Pool(PoolId(owner)),
                    "reservation" => OptionScope::Reservation(ReservationId(owner)),
                    other => return Err(StoreError::Internal(format!("stored option scope {other:?} is unknown"))),
                };
                let code = u8::try_from(code)
                    .map_err(|_| StoreError::Internal(format!("stored option code {code} is out of range")))?;
                Ok((scope, DhcpOption { code, data }))
            }

            trait SpecSubnet {
                fn spec_subnet(&self) -> i64;
            }

            impl SpecSubnet for ReservationSpec {
                fn spec_subnet(&self) -> i64 {
                    self.subnet_id.0
                }
            }

            #[async_trait]
            impl Store for $store {
                fn backend(&self) -> Backend {
                    $backend
                }

                fn location(&self) -> String {
                    self.location.clone()
                }

                async fn migrate(&self) -> Result<()> {
                    $migrator.run(&self.pool).await.map_err(|e| StoreError::Internal(format!("migration failed: {e}")))
                }

                async fn ping(&self) -> Result<()> {
                    sqlx::query("SELECT 1").execute(&self.pool).await?;
                    Ok(())
                }

                async fn counts(&self) -> Result<Counts> {
                    self.fold_journal().await?;
                    let mut tx = self.begin().await?;
                    let mut count = async |sql: &str| -> Result<u64> {
                        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&mut *tx).await?;
                        Ok(n.max(0) as u64)
                    };
                    let subnets = count("SELECT COUNT(*) FROM subnets").await?;
                    let pools = count("SELECT COUNT(*) FROM pools").await?;
                    let reservations = count("SELECT COUNT(*) FROM reservations").await?;
                    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT state, COUNT(*) FROM leases GROUP BY state")
                        .fetch_all(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    let mut leases = Vec::new();
                    for (s, n) in rows {
                        leases.push((s.parse::<LeaseState>().map_err(StoreError::Internal)?, n.max(0) as u64));
                    }
                    leases.sort();
                    Ok(Counts { subnets, pools, reservations, leases })
                }

                async fn create_subnet(&self, spec: &SubnetSpec, options: &[DhcpOption]) -> Result<Subnet> {
                    spec.validate()?;
                    let mut tx = self.begin().await?;
                    let (lo, hi) = (ip_col(spec.cidr.network()), ip_col(spec.cidr.broadcast()));
                    let hit: Option<(i64, i64, i64)> = sqlx::query_as(
                        "SELECT id, network, prefix_len FROM subnets WHERE network <= $1 AND $2 <= broadcast LIMIT 1",
                    )
                    .bind(hi)
                    .bind(lo)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((id, n, p)) = hit {
                        let other = format!("{}/{p}", Ipv4Addr::from(n as u32));
                        return Err(if other == spec.cidr.to_string() {
                            StoreError::AlreadyExists(format!("subnet {other} already exists (id {id})"))
                        } else {
                            StoreError::Conflict(format!(
                                "subnet.cidr {} overlaps subnet {other} (id {id}); subnets may not overlap",
                                spec.cidr
                            ))
                        });
                    }
                    Self::check_relays(&mut tx, &spec.relays, 0).await?;
                    let id = Self::insert_subnet(&mut tx, spec).await?;
                    Self::write_options(&mut tx, OptionScope::Subnet(SubnetId(id)), options).await?;
                    let s = Self::subnet_in(&mut tx, SubnetId(id), "subnet.id").await?;
                    tx.commit().await?;
                    Ok(s)
                }

                async fn get_subnet(&self, id: SubnetId) -> Result<Subnet> {
                    let mut tx = self.begin().await?;
                    let s = Self::subnet_in(&mut tx, id, "subnet").await?;
                    tx.commit().await?;
                    Ok(s)
                }

                async fn find_subnet(&self, cidr: Ipv4Net) -> Result<Subnet> {
                    let mut tx = self.begin().await?;
                    let row: Option<SubnetRow> = sqlx::query_as(&format!(
                        "SELECT {SUBNET_COLS} FROM subnets WHERE network = $1 AND prefix_len = $2"
                    ))
                    .bind(ip_col(cidr.network()))
                    .bind(i64::from(cidr.prefix_len()))
                    .fetch_optional(&mut *tx)
                    .await?;
                    let row = row.ok_or_else(|| StoreError::NotFound(format!("subnet {cidr} does not exist")))?;
                    let s = Self::subnets_from(&mut tx, vec![row]).await?.remove(0);
                    tx.commit().await?;
                    Ok(s)
                }

                async fn subnet_containing(&self, ip: Ipv4Addr) -> Result<Subnet> {
                    let mut tx = self.begin().await?;
                    let row: Option<SubnetRow> = sqlx::query_as(&format!(
                        "SELECT {SUBNET_COLS} FROM subnets WHERE network <= $1 AND $1 <= broadcast"
                    ))
                    .bind(ip_col(ip))
                    .fetch_optional(&mut *tx)
                    .await?;
                    let row = row.ok_or_else(|| StoreError::NotFound(format!("no subnet contains {ip}")))?;
                    let s = Self::subnets_from(&mut tx, vec![row]).await?.remove(0);
                    tx.commit().await?;
                    Ok(s)
                }

                async fn list_subnets(&self, interface: Option<&str>, page: Page) -> Result<Vec<Subnet>> {
                    let mut tx = self.begin().await?;
                    let rows: Vec<SubnetRow> = sqlx::query_as(&format!(
                        "SELECT {SUBNET_COLS} FROM subnets WHERE id > $1 AND ($2 IS NULL OR interface = $2) \
                         ORDER BY id LIMIT $3"
                    ))
                    .bind(page.after)
                    .bind(interface)
                    .bind(i64::from(page.limit))
                    .fetch_all(&mut *tx)
                    .await?;
                    let out = Self::subnets_from(&mut tx, rows).await?;
                    tx.commit().await?;
                    Ok(out)
                }

                async fn update_subnet(&self, id: SubnetId, update: &SubnetUpdate) -> Result<Subnet> {
                    let mut tx = self.begin().await?;
                    let old = Self::subnet_in(&mut tx, id, "subnet.id").await?;
                    let spec = update.apply(&old.spec)?;
                    if update.relays.is_some() {
                        Self::check_relays(&mut tx, &spec.relays, id.0).await?;
                    }
                    Self::update_subnet_row(&mut tx, id.0, &spec, update.relays.is_some()).await?;
                    let s = Self::subnet_in(&mut tx, id, "subnet.id").await?;
                    tx.commit().await?;
                    Ok(s)
                }

                async fn delete_subnet(&self, id: SubnetId, force: bool) -> Result<()> {
                    self.fold_journal().await?;
                    let mut tx = self.begin().await?;
                    let s = Self::subnet_in(&mut tx, id, "subnet.id").await?;
                    if !force {
                        let (bound,): (i64,) =
                            sqlx::query_as("SELECT COUNT(*) FROM leases WHERE subnet_id = $1 AND state = 'bound'")
                                .bind(id.0)
                                .fetch_one(&mut *tx)
                                .await?;
                        if bound > 0 {
                            return Err(StoreError::Conflict(format!(
                                "subnet {} has {bound} bound lease(s); release them first or delete with force",
                                s.spec.cidr
                            )));
                        }
                    }
                    Self::delete_subnet_rows(&mut tx, id.0).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn create_pool(&self, spec: &PoolSpec) -> Result<Pool> {
                    let mut tx = self.begin().await?;
                    let subnet = Self::subnet_in(&mut tx, spec.subnet_id, "pool.subnet_id").await?;
                    spec.validate(&subnet.spec)?;
                    Self::check_pool_overlap(&mut tx, spec.range, 0).await?;
                    let id = Self::insert_pool(&mut tx, spec).await?;
                    let p = Self::pool_in(&mut tx, PoolId(id)).await?;
                    tx.commit().await?;
                    Ok(p)
                }

                async fn get_pool(&self, id: PoolId) -> Result<Pool> {
                    let mut tx = self.begin().await?;
                    let p = Self::pool_in(&mut tx, id).await?;
                    tx.commit().await?;
                    Ok(p)
                }

                async fn list_pools(&self, subnet: Option<SubnetId>, page: Page) -> Result<Vec<Pool>> {
                    let rows: Vec<PoolRow> = sqlx::query_as(&format!(
                        "SELECT {POOL_COLS} FROM pools WHERE id > $1 AND ($2 IS NULL OR subnet_id = $2) ORDER BY id LIMIT $3"
                    ))
                    .bind(page.after)
                    .bind(subnet.map(|s| s.0))
                    .bind(i64::from(page.limit))
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(PoolRow::into_model).collect()
                }

                async fn update_pool(&self, id: PoolId, update: &PoolUpdate) -> Result<Pool> {
                    let mut tx = self.begin().await?;
                    let old = Self::pool_in(&mut tx, id).await?;
                    let subnet = Self::subnet_in(&mut tx, old.spec.subnet_id, "pool.subnet_id").await?;
                    let spec = update.apply(&old.spec, &subnet.spec)?;
                    Self::check_pool_overlap(&mut tx, spec.range, id.0).await?;
                    Self::update_pool_row(&mut tx, id.0, &spec).await?;
                    let p = Self::pool_in(&mut tx, id).await?;
                    tx.commit().await?;
                    Ok(p)
                }

                async fn delete_pool(&self, id: PoolId) -> Result<()> {
                    let mut tx = self.begin().await?;
                    Self::pool_in(&mut tx, id).await?;
                    Self::delete_with_options(&mut tx, "pool", "pools", id.0).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn create_reservation(&self, spec: &ReservationSpec, options: &[DhcpOption]) -> Result<Reservation> {
                    let mut tx = self.begin().await?;
                    let mut spec = spec.clone();
                    let subnet = if spec.subnet_id.0 == 0 {
                        let row: Option<(i64,)> =
                            sqlx::query_as("SELECT id FROM subnets WHERE network <= $1 AND $1 <= broadcast")
                                .bind(ip_col(spec.ip))
                                .fetch_optional(&mut *tx)
                                .await?;
                        let (id,) = row.ok_or_else(|| {
                            StoreError::Conflict(format!(
                                "reservation.ip {} is in no subnet; create a subnet that contains it first",
                                spec.ip
                            ))
                        })?;
                        spec.subnet_id = SubnetId(id);
                        Self::subnet_in(&mut tx, spec.subnet_id, "reservation.subnet_id").await?
                    } else {
                        Self::subnet_in(&mut tx, spec.subnet_id, "reservation.subnet_id").await?
                    };
                    spec.validate(&subnet.spec)?;
                    Self::check_reservation_unique(&mut tx, &spec, 0).await?;
                    let id = Self::insert_reservation(&mut tx, &spec).await?;
                    Self::write_options(&mut tx, OptionScope::Reservation(ReservationId(id)), options).await?;
                    let r = Self::reservation_in(&mut tx, ReservationId(id)).await?;
                    tx.commit().await?;
                    Ok(r)
                }

                async fn get_reservation(&self, id: ReservationId) -> Result<Reservation> {
                    let mut tx = self.begin().await?;
                    let r = Self::reservation_in(&mut tx, id).await?;
                    tx.commit().await?;
                    Ok(r)
                }

                async fn list_reservations(&self, f: &ReservationFilter, page: Page) -> Result<Vec<Reservation>> {
                    let mut tx = self.begin().await?;
                    let (lk, lv) = f.label.clone().unzip();
                    let rows: Vec<ReservationRow> = sqlx::query_as(&format!(
                        "SELECT {RESERVATION_COLS} FROM reservations r WHERE id > $1 \
                         AND ($2 IS NULL OR subnet_id = $2) AND ($3 IS NULL OR mac = $3) \
                         AND ($4 IS NULL OR ip = $4) AND ($5 IS NULL OR hostname = $5) \
                         AND ($6 IS NULL OR EXISTS (SELECT 1 FROM reservation_labels l \
                              WHERE l.reservation_id = r.id AND l.key = $6 AND l.value = $7)) \
                         ORDER BY id LIMIT $8"
                    ))
                    .bind(page.after)
                    .bind(f.subnet_id.map(|s| s.0))
                    .bind(f.mac.map(|m| bytes(&m.0)))
                    .bind(f.ip.map(ip_col))
                    .bind(&f.hostname)
                    .bind(lk)
                    .bind(lv)
                    .bind(i64::from(page.limit))
                    .fetch_all(&mut *tx)
                    .await?;
                    let out = Self::reservations_from(&mut tx, rows).await?;
                    tx.commit().await?;
                    Ok(out)
                }

                async fn update_reservation(&self, id: ReservationId, update: &ReservationUpdate) -> Result<Reservation> {
                    let mut tx = self.begin().await?;
                    let old = Self::reservation_in(&mut tx, id).await?;
                    let subnet = Self::subnet_in(&mut tx, old.spec.subnet_id, "reservation.subnet_id").await?;
                    let spec = update.apply(&old.spec, &subnet.spec)?;
                    Self::check_reservation_unique(&mut tx, &spec, id.0).await?;
                    Self::update_reservation_row(&mut tx, id.0, &spec, update.labels.is_some()).await?;
                    let r = Self::reservation_in(&mut tx, id).await?;
                    tx.commit().await?;
                    Ok(r)
                }

                async fn delete_reservation(&self, id: ReservationId) -> Result<Reservation> {
                    let mut tx = self.begin().await?;
                    let r = Self::reservation_in(&mut tx, id).await?;
                    Self::delete_with_options(&mut tx, "reservation", "reservations", id.0).await?;
                    tx.commit().await?;
                    Ok(r)
                }

                async fn set_option(&self, scope: OptionScope, option: &DhcpOption) -> Result<()> {
                    let mut tx = self.begin().await?;
                    Self::check_scope(&mut tx, scope).await?;
                    Self::write_options(&mut tx, scope, std::slice::from_ref(option)).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn list_options(&self, scope: OptionScope) -> Result<Vec<DhcpOption>> {
                    let mut tx = self.begin().await?;
                    Self::check_scope(&mut tx, scope).await?;
                    let rows: Vec<(i64, Vec<u8>)> =
                        sqlx::query_as("SELECT code, data FROM options WHERE scope = $1 AND owner = $2 ORDER BY code")
                            .bind(scope.kind())
                            .bind(scope.owner())
                            .fetch_all(&mut *tx)
                            .await?;
                    tx.commit().await?;
                    rows.into_iter()
                        .map(|(code, data)| {
                            u8::try_from(code)
                                .map(|code| DhcpOption { code, data })
                                .map_err(|_| StoreError::Internal(format!("stored option code {code} is out of range")))
                        })
                        .collect()
                }

                async fn delete_option(&self, scope: OptionScope, code: u8) -> Result<()> {
                    let mut tx = self.begin().await?;
                    Self::check_scope(&mut tx, scope).await?;
                    let done = sqlx::query("DELETE FROM options WHERE scope = $1 AND owner = $2 AND code = $3")
                        .bind(scope.kind())
                        .bind(scope.owner())
                        .bind(i64::from(code))
                        .execute(&mut *tx)
                        .await?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound(format!(
                            "option {} ({code}) is not set at {} {}",
                            options::name_of(code),
                            scope.kind(),
                            scope.owner()
                        )));
                    }
                    tx.commit().await?;
                    Ok(())
                }

                async fn all_options(&self) -> Result<Vec<(OptionScope, DhcpOption)>> {
                    let rows: Vec<(String, i64, i64, Vec<u8>)> =
                        sqlx::query_as("SELECT scope, owner, code, data FROM options ORDER BY scope, owner, code")
                            .fetch_all(&self.pool)
                            .await?;
                    rows.into_iter().map(option_from).collect()
                }

                async fn upsert_leases(&self, leases: &[Lease]) -> Result<()> {
                    self.write_leases(leases).await
                }

                async fn housekeeping(&self, all: bool) -> Result<()> {
                    self.housekeep(all).await
                }

                async fn create_token(
                    &self,
                    name: &str,
                    role: crate::model::Role,
                    hash: &str,
                    created: i64,
                ) -> Result<crate::model::Token> {
                    check_token_name(name).map_err(|m| StoreError::Invalid(Invalid::new("name", m)))?;
                    let r = sqlx::query("INSERT INTO tokens (name, role, hash, created) VALUES ($1, $2, $3, $4)")
                        .bind(name)
                        .bind(role.as_str())
                        .bind(hash)
                        .bind(created)
                        .execute(&self.pool)
                        .await;
                    match r {
                        Ok(_) => Ok(crate::model::Token { name: name.to_string(), role, created }),
                        Err(e) => match StoreError::from(e) {
                            StoreError::AlreadyExists(_) => Err(StoreError::AlreadyExists(format!(
                                "name: a token named {name} exists; revoke it first or pick another name"
                            ))),
                            other => Err(other),
                        },
                    }
                }

                async fn list_tokens(&self) -> Result<Vec<crate::model::Token>> {
                    let rows: Vec<(String, String, i64)> =
                        sqlx::query_as("SELECT name, role, created FROM tokens ORDER BY name")
                            .fetch_all(&self.pool)
                            .await?;
                    rows.into_iter()
                        .map(|(name, role, created)| {
                            Ok(crate::model::Token { name, role: role.parse().map_err(StoreError::Internal)?, created })
                        })
                        .collect()
                }

                async fn revoke_token(&self, name: &str) -> Result<crate::model::Token> {
                    let row: Option<(String, String, i64)> =
                        sqlx::query_as("DELETE FROM tokens WHERE name = $1 RETURNING name, role, created")
                            .bind(name)
                            .fetch_optional(&self.pool)
                            .await?;
                    let (name, role, created) =
                        row.ok_or_else(|| StoreError::NotFound(format!("name: no token named {name}")))?;
                    Ok(crate::model::Token { name, role: role.parse().map_err(StoreError::Internal)?, created })
                }

                async fn token_hashes(&self) -> Result<Vec<(String, String, crate::model::Role)>> {
                    let rows: Vec<(String, String, String)> =
                        sqlx::query_as("SELECT hash, name, role FROM tokens").fetch_all(&self.pool).await?;
                    rows.into_iter()
                        .map(|(h, n, r)| Ok((h, n, r.parse().map_err(StoreError::Internal)?)))
                        .collect()
                }

                async fn record_audit(&self, e: &crate::model::AuditEntry) -> Result<i64> {
                    let mut tx = self.begin().await?;
                    let id = Self::insert_audit(&mut tx, e).await?;
                    tx.commit().await?;
                    Ok(id)
                }

                async fn site_state(&self) -> Result<SiteState> {
                    let mut tx = self.begin().await?;
                    let st = Self::read_site(&mut tx).await?;
                    tx.commit().await?;
                    Ok(st)
                }

                async fn apply_site(
                    &self,
                    doc: &SiteDoc,
                    prune: bool,
                    dry_run: bool,
                    audit: &AuditFn<'_>,
                ) -> Result<Vec<Applied>> {
                    // A pruned subnet's bound leases must be in `leases` to be counted.
                    self.fold_journal().await?;
                    let mut tx = self.begin().await?;
                    Self::lock_provisioning(&mut tx).await?;
                    let state = Self::read_site(&mut tx).await?;
                    let changes = site::plan(&state, doc, prune).map_err(StoreError::Rejected)?;
                    let mut applied = Self::apply_in(&mut tx, changes, &state, (!dry_run).then_some(audit)).await?;
                    if dry_run {
                        tx.rollback().await?;
                        for a in &mut applied {
                            if a.change.action() == "create" {
                                a.id = 0;
                            }
                        }
                    } else {
                        tx.commit().await?;
                    }
                    Ok(applied)
                }

                async fn list_audit(
                    &self,
                    before: i64,
                    limit: u32,
                    principal: Option<&str>,
                ) -> Result<Vec<crate::model::AuditEntry>> {
                    let rows: Vec<(i64, i64, String, String, String, Option<String>, Option<String>)> = sqlx::query_as(
                        "SELECT id, time, principal, action, object, before, after FROM audit \
                         WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR principal = $2) ORDER BY id DESC LIMIT $3",
                    )
                    .bind(before)
                    .bind(principal.unwrap_or(""))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await?;
                    Ok(rows
                        .into_iter()
                        .map(|(id, time, principal, action, object, before, after)| crate::model::AuditEntry {
                            id,
                            time,
                            principal,
                            action,
                            object,
                            before,
                            after,
                        })
                        .collect())
                }

                async fn append_events(&self, events: &[&crate::model::Event]) -> Result<()> {
                    self.write_events(events).await
                }

                async fn list_events(&self, after: u64, limit: u32) -> Result<Vec<crate::model::Event>> {
                    let rows: Vec<EventRow> = sqlx::query_as(&format!(
                        "SELECT {EVENT_COLS} FROM events WHERE cursor > $1 ORDER BY cursor LIMIT $2"
                    ))
                    .bind(i64::try_from(after).unwrap_or(i64::MAX))
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(event_from).collect()
                }

                async fn event_bounds(&self) -> Result<Option<(u64, u64)>> {
                    let (lo, hi): (Option<i64>, Option<i64>) =
                        sqlx::query_as("SELECT MIN(cursor), MAX(cursor) FROM events").fetch_one(&self.pool).await?;
                    Ok(lo.zip(hi).map(|(l, h)| (l.max(0) as u64, h.max(0) as u64)))
                }

                async fn prune_events(&self, before: i64, keep: u64) -> Result<u64> {
                    let keep = i64::try_from(keep).unwrap_or(i64::MAX);
                    let r = sqlx::query(
                        "DELETE FROM events WHERE time < $1 OR cursor <= (SELECT MAX(cursor) FROM events) - $2",
                    )
                    .bind(before)
                    .bind(keep)
                    .execute(&self.pool)
                    .await?;
                    Ok(r.rows_affected())
                }

                async fn get_lease(&self, ip: Ipv4Addr) -> Result<Lease> {
                    self.fold_journal().await?;
                    let mut tx = self.begin().await?;
                    let l = Self::lease_in(&mut tx, ip).await?;
                    tx.commit().await?;
                    Ok(l)
                }

                async fn list_leases(&self, f: &LeaseFilter, page: Page) -> Result<Vec<Lease>> {
                    self.fold_journal().await?;
                    let rows: Vec<LeaseRow> = sqlx::query_as(&format!(
                        "SELECT {LEASE_COLS} FROM leases WHERE ip > $1 AND ($2 IS NULL OR subnet_id = $2) \
                         AND ($3 IS NULL OR mac = $3) AND ($4 IS NULL OR client_id = $4) \
                         AND ($5 IS NULL OR state = $5) AND ($6 IS NULL OR ip = $6) ORDER BY ip LIMIT $7"
                    ))
                    .bind(page.after)
                    .bind(f.subnet_id.map(|s| s.0))
                    .bind(f.mac.map(|m| bytes(&m.0)))
                    .bind(f.client_id.as_ref().map(|c| bytes(&c.0)))
                    .bind(f.state.map(LeaseState::as_str))
                    .bind(f.ip.map(ip_col))
                    .bind(i64::from(page.limit))
                    .fetch_all(&self.pool)
                    .await?;
                    rows.into_iter().map(LeaseRow::into_model).collect()
                }

                async fn release_lease(&self, ip: Ipv4Addr, now: i64) -> Result<Lease> {
                    self.fold_journal().await?;
                    let mut tx = self.begin().await?;
                    let old = Self::lease_in(&mut tx, ip).await?;
                    sqlx::query("UPDATE leases SET state = 'released', ends = $2 WHERE ip = $1")
                        .bind(ip_col(ip))
                        .bind(old.ends.min(now))
                        .execute(&mut *tx)
                        .await?;
                    let l = Self::lease_in(&mut tx, ip).await?;
                    tx.commit().await?;
                    Ok(l)
                }
            }
        }
    };
}

pub(super) use sql_store;
