//! `dhcplane.v1.Audit`: the change log, newest first.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response, Status};

use super::{status, Api, ApiResult};

/// Largest page.
const MAX_PAGE: u32 = 1000;

#[tonic::async_trait]
impl pb::audit_server::Audit for Api {
    async fn list_audit(
        &self,
        req: Request<pb::ListAuditRequest>,
    ) -> ApiResult<pb::ListAuditResponse> {
        let r = req.into_inner();
        let limit = match r.page_size {
            0 => 100,
            n => n.min(MAX_PAGE),
        };
        let before = match r.page_token.as_str() {
            "" => 0,
            t => t.parse::<i64>().ok().filter(|b| *b > 0).ok_or_else(|| {
                Status::invalid_argument(
                    "page_token is not one this server gave; pass next_page_token unchanged",
                )
            })?,
        };
        let principal = Some(r.principal.as_str()).filter(|p| !p.is_empty());
        let mut rows = self
            .store
            .list_audit(before, limit + 1, principal)
            .await
            .map_err(status)?;
        let next_page_token = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|e| e.id.to_string()).unwrap_or_default()
        } else {
            String::new()
        };
        Ok(Response::new(pb::ListAuditResponse {
            entries: rows
                .into_iter()
                .map(|e| pb::AuditEntry {
                    id: u64::try_from(e.id).unwrap_or(0),
                    time: Some(prost_types::Timestamp {
                        seconds: e.time.div_euclid(1_000_000),
                        nanos: i32::try_from(e.time.rem_euclid(1_000_000) * 1000).unwrap_or(0),
                    }),
                    principal: e.principal,
                    action: e.action,
                    object: e.object,
                    before: e.before.unwrap_or_default(),
                    after: e.after.unwrap_or_default(),
                })
                .collect(),
            next_page_token,
        }))
    }
}
