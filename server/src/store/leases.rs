//! [`LeaseStore`] for every backend. Writes and upkeep are the backend's own
//! (`Dialect::write_leases`, `housekeep`); reads fold whatever the backend
//! deferred first, then run the shared SQL here.

use std::net::Ipv4Addr;

use async_trait::async_trait;

use super::dialect::{conn, Dialect};
use super::query::{Run, Sql};
use super::rows::{ip_col, LeaseRow, LEASE_COLS};
use super::{LeaseStore, Result, StoreError};
use crate::model::{Lease, LeaseFilter, LeaseState, Page};

#[async_trait]
impl<D: Dialect> LeaseStore for D {
    async fn upsert_leases(&self, leases: &[Lease]) -> Result<()> {
        self.write_leases(leases).await
    }

    async fn housekeeping(&self, all: bool) -> Result<()> {
        self.housekeep(all).await
    }

    async fn get_lease(&self, ip: Ipv4Addr) -> Result<Lease> {
        self.fold_journal().await?;
        lease_in(&mut *conn(self).await?, ip).await
    }

    async fn list_leases(&self, f: &LeaseFilter, page: Page) -> Result<Vec<Lease>> {
        self.fold_journal().await?;
        let rows: Vec<LeaseRow> = Sql::new(format!(
            "SELECT {LEASE_COLS} FROM leases WHERE ip > $1 AND ($2 IS NULL OR subnet_id = $2) \
             AND ($3 IS NULL OR mac = $3) AND ($4 IS NULL OR client_id = $4) \
             AND ($5 IS NULL OR state = $5) AND ($6 IS NULL OR ip = $6) ORDER BY ip LIMIT $7"
        ))
        .bind(page.after)
        .bind(f.subnet_id.map(|s| s.0))
        .bind(f.mac.as_ref().map(|m| &m.0[..]))
        .bind(f.client_id.as_ref().map(|c| c.0.as_slice()))
        .bind(f.state.map(LeaseState::as_str))
        .bind(f.ip.map(ip_col))
        .bind(i64::from(page.limit))
        .fetch_all(&mut *conn(self).await?)
        .await?;
        rows.into_iter().map(LeaseRow::into_model).collect()
    }

    async fn release_lease(&self, ip: Ipv4Addr, now: i64) -> Result<Lease> {
        self.fold_journal().await?;
        let mut tx = self.begin().await?;
        let old = lease_in(&mut *tx, ip).await?;
        Sql::new("UPDATE leases SET state = 'released', ends = $2 WHERE ip = $1")
            .bind(ip_col(ip))
            .bind(old.ends.min(now))
            .execute(&mut *tx)
            .await?;
        let l = lease_in(&mut *tx, ip).await?;
        tx.commit().await?;
        Ok(l)
    }
}

/// The lease of an address, as folded into `leases`.
async fn lease_in(c: &mut impl Run, ip: Ipv4Addr) -> Result<Lease> {
    let row: Option<LeaseRow> = Sql::new(format!("SELECT {LEASE_COLS} FROM leases WHERE ip = $1"))
        .bind(ip_col(ip))
        .fetch_optional(c)
        .await?;
    row.ok_or_else(|| StoreError::NotFound(format!("lease {ip} does not exist")))?
        .into_model()
}
