//! `dhcplane.v1.Server`: version, store, counts.

use std::time::UNIX_EPOCH;

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response};

use super::convert as cv;
use super::{status, Api, ApiResult};

#[tonic::async_trait]
impl pb::server_server::Server for Api {
    async fn get_status(&self, _req: Request<pb::GetStatusRequest>) -> ApiResult<pb::Status> {
        let healthy = self.store.ping().await.is_ok();
        let counts = if healthy {
            self.store.counts().await.map_err(status)?
        } else {
            Default::default()
        };
        let started = self
            .started
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Ok(Response::new(pb::Status {
            version: env!("CARGO_PKG_VERSION").to_string(),
            store_backend: self.store.backend().to_string(),
            store_location: self.store.location(),
            store_healthy: healthy,
            started: cv::timestamp(started),
            subnets: counts.subnets,
            pools: counts.pools,
            reservations: counts.reservations,
            leases: counts
                .leases
                .iter()
                .map(|(s, n)| (s.as_str().to_string(), *n))
                .collect(),
            counters: self
                .leases
                .counters
                .snapshot()
                .into_iter()
                .chain([(
                    "events.subscribers".to_string(),
                    self.leases.events.subscribers() as u64,
                )])
                .collect(),
        }))
    }
}
