//! `dhcpctl status`: the server's version, store and counts.

use dhcplane_proto::v1 as pb;
use serde_json::json;

use crate::client::Client;
use crate::conn::rpc;
use crate::output::{self, cell, time};

/// Prints the server's status.
///
/// # Errors
/// The server's refusal.
pub(crate) async fn run(c: &mut Client) -> anyhow::Result<()> {
    let s = c
        .server
        .get_status(pb::GetStatusRequest {})
        .await
        .map_err(rpc)?
        .into_inner();
    let mut leases: Vec<_> = s.leases.iter().collect();
    leases.sort();
    let mut counters: Vec<_> = s.counters.iter().collect();
    counters.sort();
    let v = json!({"version": s.version, "store_backend": s.store_backend, "store_location": s.store_location,
        "store_healthy": s.store_healthy, "started": time(s.started.as_ref()), "subnets": s.subnets,
        "pools": s.pools, "reservations": s.reservations, "leases": s.leases, "counters": s.counters});
    output::record(
        c.out,
        v,
        vec![
            ("version", s.version.clone()),
            ("store", format!("{} {}", s.store_backend, s.store_location)),
            ("store healthy", s.store_healthy.to_string()),
            ("started", time(s.started.as_ref())),
            ("subnets", s.subnets.to_string()),
            ("pools", s.pools.to_string()),
            ("reservations", s.reservations.to_string()),
            ("leases", cell(&counts(&leases))),
            ("counters", cell(&counts(&counters))),
        ],
    );
    Ok(())
}

/// `name=n` pairs on one line.
fn counts(m: &[(&String, &u64)]) -> String {
    m.iter()
        .map(|(k, n)| format!("{k}={n}"))
        .collect::<Vec<_>>()
        .join(" ")
}
