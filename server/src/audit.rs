//! The audit log: every provisioning and token change, who made it, when,
//! and the object before and after (as JSON).

use serde_json::{json, Value};

use crate::model::{DhcpOption, OptionScope, Pool, Reservation, Subnet};

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the log (set by the store).
    pub id: i64,
    /// Unix microseconds.
    pub time: i64,
    /// Token name, or `anonymous@ADDR`.
    pub principal: String,
    /// What was done, e.g. `subnet_created`.
    pub action: String,
    /// What it was done to, e.g. `subnet 10.0.0.0/24`.
    pub object: String,
    /// The object before, as JSON (none for a creation).
    pub before: Option<String>,
    /// The object after, as JSON (none for a deletion).
    pub after: Option<String>,
}

/// A subnet as JSON.
pub fn subnet(s: &Subnet) -> Value {
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
        "description": p.description,
    })
}

/// A pool as JSON.
pub fn pool(p: &Pool) -> Value {
    json!({
        "id": p.id.0,
        "subnet_id": p.spec.subnet_id.0,
        "range": p.spec.range.to_string(),
        "exclusions": p.spec.exclusions.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "description": p.spec.description,
    })
}

/// A reservation as JSON.
pub fn reservation(r: &Reservation) -> Value {
    let s = &r.spec;
    json!({
        "id": r.id.0,
        "subnet_id": s.subnet_id.0,
        "mac": s.mac.map(|m| m.to_string()),
        "client_id": s.client_id.as_ref().map(ToString::to_string),
        "ip": s.ip.to_string(),
        "hostname": s.hostname,
        "labels": s.labels,
    })
}

/// An option at a scope as JSON.
pub fn option(scope: OptionScope, o: &DhcpOption) -> Value {
    json!({
        "scope": scope.kind(),
        "owner": scope.owner(),
        "name": o.name(),
        "code": o.code,
        "value": o.value_text(),
    })
}
