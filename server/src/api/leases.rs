//! `dhcplane.v1.Leases`.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response};
use tracing::info;

use super::convert::{self as cv};
use super::{status, Api, ApiResult};
use crate::model::{LeaseFilter, SubnetId};

#[tonic::async_trait]
impl pb::leases_server::Leases for Api {
    async fn list_leases(
        &self,
        req: Request<pb::ListLeasesRequest>,
    ) -> ApiResult<pb::ListLeasesResponse> {
        let r = req.into_inner();
        let page = cv::page(r.page_size, &r.page_token)?;
        let filter = LeaseFilter {
            subnet_id: cv::opt_id(r.subnet_id).map(SubnetId),
            mac: cv::mac("mac", &r.mac)?,
            client_id: cv::client_id("client_id", &r.client_id)?,
            state: cv::state_filter(r.state)?,
            ip: cv::opt_ip("ip", &r.ip)?,
        };
        let items = self
            .store
            .list_leases(&filter, page)
            .await
            .map_err(status)?;
        let (items, next_page_token) = cv::paginate(items, page, |l| i64::from(u32::from(l.ip)));
        Ok(Response::new(pb::ListLeasesResponse {
            leases: items.into_iter().map(cv::lease).collect(),
            next_page_token,
        }))
    }

    async fn get_lease(&self, req: Request<pb::GetLeaseRequest>) -> ApiResult<pb::Lease> {
        let ip = cv::ip("ip", &req.into_inner().ip)?;
        Ok(Response::new(cv::lease(
            self.store.get_lease(ip).await.map_err(status)?,
        )))
    }

    async fn release_lease(&self, req: Request<pb::ReleaseLeaseRequest>) -> ApiResult<pb::Lease> {
        let who = super::principal(&req);
        let ip = cv::ip("ip", &req.into_inner().ip)?;
        let l = self
            .leases
            .operator_release(ip, crate::clock::now_unix(), &who)
            .await
            .map_err(status)?;
        info!(ip = %l.ip, mac = %l.mac.map(|m| m.to_string()).unwrap_or_default(), "lease released by operator");
        Ok(Response::new(cv::lease(l)))
    }
}
