//! Address pools: the SQL that reads and writes them, and the pool
//! operations of [`ProvisioningStore`](super::ProvisioningStore).
//! Validation against the subnet is the model's (`PoolSpec::validate`,
//! `PoolUpdate::apply`); overlap with other pools is checked here.

use super::dialect::{conn, Dialect};
use super::options::delete_with_options;
use super::query::{Run, Sql};
use super::rows::{exclusions_col, ip_col, PoolRow, POOL_COLS};
use super::subnets::{cidr_of, subnet_in};
use super::{Result, StoreError};
use crate::model::{AddrRange, Page, Pool, PoolId, PoolSpec, PoolUpdate, SubnetId};

/// Creates a pool inside its subnet, clear of every other pool.
pub(super) async fn create<D: Dialect>(d: &D, spec: &PoolSpec) -> Result<Pool> {
    let mut tx = d.begin().await?;
    let subnet = subnet_in(&mut *tx, spec.subnet_id, "pool.subnet_id").await?;
    spec.validate(&subnet.spec)?;
    check_overlap(&mut *tx, spec.range, 0).await?;
    let id = insert(&mut *tx, spec).await?;
    let p = pool_in(&mut *tx, PoolId(id)).await?;
    tx.commit().await?;
    Ok(p)
}

/// A pool by id.
pub(super) async fn get<D: Dialect>(d: &D, id: PoolId) -> Result<Pool> {
    let mut tx = d.begin().await?;
    let p = pool_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Pools in id order, optionally of one subnet.
pub(super) async fn list<D: Dialect>(
    d: &D,
    subnet: Option<SubnetId>,
    page: Page,
) -> Result<Vec<Pool>> {
    let rows: Vec<PoolRow> = Sql::new(format!(
        "SELECT {POOL_COLS} FROM pools WHERE id > $1 AND ($2 IS NULL OR subnet_id = $2) \
         ORDER BY id LIMIT $3"
    ))
    .bind(page.after)
    .bind(subnet.map(|s| s.0))
    .bind(i64::from(page.limit))
    .fetch_all(&mut *conn(d).await?)
    .await?;
    rows.into_iter().map(PoolRow::into_model).collect()
}

/// Changes a pool; its new range must still clear every other pool.
pub(super) async fn update<D: Dialect>(d: &D, id: PoolId, update: &PoolUpdate) -> Result<Pool> {
    let mut tx = d.begin().await?;
    let old = pool_in(&mut *tx, id).await?;
    let subnet = subnet_in(&mut *tx, old.spec.subnet_id, "pool.subnet_id").await?;
    let spec = update.apply(&old.spec, &subnet.spec)?;
    check_overlap(&mut *tx, spec.range, id.0).await?;
    update_row(&mut *tx, id.0, &spec).await?;
    let p = pool_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(p)
}

/// Deletes a pool and its options.
pub(super) async fn delete<D: Dialect>(d: &D, id: PoolId) -> Result<()> {
    let mut tx = d.begin().await?;
    pool_in(&mut *tx, id).await?;
    delete_with_options(&mut *tx, "pool", "pools", id.0).await?;
    tx.commit().await?;
    Ok(())
}

/// A pool by id.
async fn pool_in(c: &mut impl Run, id: PoolId) -> Result<Pool> {
    let row: Option<PoolRow> = Sql::new(format!("SELECT {POOL_COLS} FROM pools WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(c)
        .await?;
    row.ok_or_else(|| StoreError::NotFound(format!("pool {} does not exist", id.0)))?
        .into_model()
}

/// Refuses a range that overlaps a pool other than `own`.
async fn check_overlap(c: &mut impl Run, range: AddrRange, own: i64) -> Result<()> {
    let hit: Option<PoolRow> = Sql::new(format!(
        "SELECT {POOL_COLS} FROM pools WHERE range_start <= $1 AND $2 <= range_end AND id <> $3 LIMIT 1"
    ))
    .bind(ip_col(range.end))
    .bind(ip_col(range.start))
    .bind(own)
    .fetch_optional(c)
    .await?;
    let Some(p) = hit else {
        return Ok(());
    };
    let p = p.into_model()?;
    let cidr = cidr_of(c, p.spec.subnet_id.0).await?;
    Err(StoreError::Conflict(format!(
        "pool.range {range} overlaps pool {} ({}) in subnet {cidr}; choose a range clear of it",
        p.id.0, p.spec.range
    )))
}

/// Every pool, in id order.
pub(super) async fn all(c: &mut impl Run) -> Result<Vec<Pool>> {
    let rows: Vec<PoolRow> = Sql::new(format!("SELECT {POOL_COLS} FROM pools ORDER BY id"))
        .fetch_all(c)
        .await?;
    rows.into_iter().map(PoolRow::into_model).collect()
}

/// Inserts a pool; checks nothing.
pub(super) async fn insert(c: &mut impl Run, spec: &PoolSpec) -> Result<i64> {
    let (id,): (i64,) = Sql::new(
        "INSERT INTO pools (subnet_id, range_start, range_end, exclusions, description) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(spec.subnet_id.0)
    .bind(ip_col(spec.range.start))
    .bind(ip_col(spec.range.end))
    .bind(exclusions_col(&spec.exclusions))
    .bind(spec.description.as_str())
    .fetch_one(c)
    .await?;
    Ok(id)
}

/// Writes a pool; checks nothing.
pub(super) async fn update_row(c: &mut impl Run, id: i64, spec: &PoolSpec) -> Result<()> {
    Sql::new(
        "UPDATE pools SET range_start = $2, range_end = $3, exclusions = $4, description = $5 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(ip_col(spec.range.start))
    .bind(ip_col(spec.range.end))
    .bind(exclusions_col(&spec.exclusions))
    .bind(spec.description.as_str())
    .execute(c)
    .await?;
    Ok(())
}
