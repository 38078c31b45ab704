//! [`EventStore`] for every backend: appends are the backend's own
//! (`Dialect::write_events`, on the path of every lease commit's events);
//! reads, bounds and pruning are shared SQL.

use async_trait::async_trait;

use super::dialect::{conn, Dialect};
use super::query::Sql;
use super::rows::{event_from, EventRow, EVENT_COLS};
use super::{EventStore, Result};
use crate::model::Event;

#[async_trait]
impl<D: Dialect> EventStore for D {
    async fn append_events(&self, events: &[&Event]) -> Result<()> {
        self.write_events(events).await
    }

    async fn list_events(&self, after: u64, limit: u32) -> Result<Vec<Event>> {
        let rows: Vec<EventRow> = Sql::new(format!(
            "SELECT {EVENT_COLS} FROM events WHERE cursor > $1 ORDER BY cursor LIMIT $2"
        ))
        .bind(i64::try_from(after).unwrap_or(i64::MAX))
        .bind(i64::from(limit))
        .fetch_all(&mut *conn(self).await?)
        .await?;
        rows.into_iter().map(event_from).collect()
    }

    async fn event_bounds(&self) -> Result<Option<(u64, u64)>> {
        let (lo, hi): (Option<i64>, Option<i64>) =
            Sql::new("SELECT MIN(cursor), MAX(cursor) FROM events")
                .fetch_one(&mut *conn(self).await?)
                .await?;
        Ok(lo.zip(hi).map(|(l, h)| (l.max(0) as u64, h.max(0) as u64)))
    }

    async fn prune_events(&self, before: i64, keep: u64) -> Result<u64> {
        Sql::new(
            "DELETE FROM events WHERE time < $1 OR cursor <= (SELECT MAX(cursor) FROM events) - $2",
        )
        .bind(before)
        .bind(i64::try_from(keep).unwrap_or(i64::MAX))
        .execute(&mut *conn(self).await?)
        .await
    }
}
