//! `dhcplane.v1.Audit`: the change log, newest first; and the JSON form of
//! the objects it records before and after a change.

use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};
use tonic::{Request, Response, Status};

use crate::model::{Defaults, DhcpOption, OptionScope, Pool, Reservation, Subnet};

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

/// A subnet as JSON.
pub(super) fn subnet(s: &Subnet) -> Value {
    let p = &s.spec;
    json!({
        "id": s.id.0,
        "cidr": p.cidr.to_string(),
        "interface": p.interface,
        "relays": p.relays.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "lease_time": {"min": p.lease.min, "default": p.lease.default, "max": p.lease.max},
        "t1": p.t1,
        "t2": p.t2,
        "authoritative": p.authoritative,
        "rapid_commit": p.rapid_commit,
        "bootp": p.bootp,
        "bootp_dynamic": p.bootp_dynamic,
        "bootp_lease_time": p.bootp_lease_time,
        "next_server": p.boot.next_server.map(|a| a.to_string()),
        "server_name": p.boot.server_name,
        "boot_file": p.boot.boot_file,
        "description": p.description,
    })
}

/// A pool as JSON.
pub(super) fn pool(p: &Pool) -> Value {
    json!({
        "id": p.id.0,
        "subnet_id": p.spec.subnet_id.0,
        "range": p.spec.range.to_string(),
        "exclusions": p.spec.exclusions.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "description": p.spec.description,
    })
}

/// A reservation as JSON.
pub(super) fn reservation(r: &Reservation) -> Value {
    let s = &r.spec;
    json!({
        "id": r.id.0,
        "subnet_id": s.subnet_id.0,
        "mac": s.mac.map(|m| m.to_string()),
        "client_id": s.client_id.as_ref().map(ToString::to_string),
        "ip": s.ip.to_string(),
        "hostname": s.hostname,
        "labels": s.labels,
        "next_server": s.boot.next_server.map(|a| a.to_string()),
        "server_name": s.boot.server_name,
        "boot_file": s.boot.boot_file,
    })
}

/// The server-wide defaults as JSON.
pub(super) fn defaults(d: &Defaults) -> Value {
    json!({
        "next_server": d.boot.next_server.map(|a| a.to_string()),
        "server_name": d.boot.server_name,
        "boot_file": d.boot.boot_file,
    })
}

/// An option at a scope as JSON.
pub(super) fn option(scope: OptionScope, o: &DhcpOption) -> Value {
    json!({
        "scope": scope.kind(),
        "owner": scope.owner(),
        "name": o.name(),
        "code": o.code,
        "value": o.value_text(),
    })
}
