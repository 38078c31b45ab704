//! `dhcplane.v1.Subnets`.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response, Status};
use tracing::info;

use super::audit;
use super::convert::{self as cv, invalid};
use super::{change, principal, status, Api, ApiResult, Audited};
use crate::model::Subnet;

fn object(s: &Subnet) -> String {
    format!("subnet {}", s.spec.cidr)
}
use crate::events::EventKind;
use crate::model::{SubnetId, SubnetSpec, SubnetUpdate};

#[tonic::async_trait]
impl pb::subnets_server::Subnets for Api {
    async fn create_subnet(&self, req: Request<pb::CreateSubnetRequest>) -> ApiResult<pb::Subnet> {
        let who = principal(&req);
        let req = req.into_inner();
        let spec = cv::subnet_spec(req.subnet.ok_or_else(|| invalid("subnet", "is missing"))?)?;
        let options = cv::option_settings("options", &req.options)?;
        let s = self
            .store
            .create_subnet(&spec, &options)
            .await
            .map_err(status)?;
        info!(subnet = %s.spec.cidr, id = s.id.0, options = options.len(), "subnet created");
        self.changed(
            change(EventKind::SubnetCreated, &who, Some(&s)),
            Audited::new(object(&s), None, Some(audit::subnet(&s))),
        )
        .await;
        Ok(Response::new(cv::subnet(s)))
    }

    async fn get_subnet(&self, req: Request<pb::GetSubnetRequest>) -> ApiResult<pb::Subnet> {
        use pb::get_subnet_request::Key;
        let s = match req.into_inner().key {
            Some(Key::Id(id)) => self.store.get_subnet(SubnetId(cv::id("id", id)?)).await,
            Some(Key::Cidr(c)) => {
                let cidr = SubnetSpec::parse_cidr("cidr", &c)
                    .map_err(|e| Status::invalid_argument(e.to_string()))?;
                self.store.find_subnet(cidr).await
            }
            None => return Err(invalid("key", "is missing; give id or cidr")),
        };
        Ok(Response::new(cv::subnet(s.map_err(status)?)))
    }

    async fn list_subnets(
        &self,
        req: Request<pb::ListSubnetsRequest>,
    ) -> ApiResult<pb::ListSubnetsResponse> {
        let req = req.into_inner();
        let page = cv::page(req.page_size, &req.page_token)?;
        let iface = cv::blank(&req.interface);
        let items = self
            .store
            .list_subnets(iface.as_deref(), page)
            .await
            .map_err(status)?;
        let (items, next_page_token) = cv::paginate(items, page, |s| s.id.0);
        Ok(Response::new(pb::ListSubnetsResponse {
            subnets: items.into_iter().map(cv::subnet).collect(),
            next_page_token,
        }))
    }

    async fn update_subnet(&self, req: Request<pb::UpdateSubnetRequest>) -> ApiResult<pb::Subnet> {
        let who = principal(&req);
        let r = req.into_inner();
        let id = SubnetId(cv::id("id", r.id)?);
        let before = self.store.get_subnet(id).await.map_err(status)?;
        let zero_is_default = |v: Option<u32>| v.map(|t| (t != 0).then_some(t));
        let update = SubnetUpdate {
            interface: r.interface.map(|i| cv::blank(&i)),
            relays: r
                .relay_addresses
                .map(|r| cv::relays(&r.addresses))
                .transpose()?,
            lease_min: r.lease_time_min,
            lease_default: r.lease_time_default,
            lease_max: r.lease_time_max,
            t1: zero_is_default(r.t1),
            t2: zero_is_default(r.t2),
            authoritative: r.authoritative,
            rapid_commit: r.rapid_commit,
            bootp: r.bootp,
            bootp_dynamic: r.bootp_dynamic,
            bootp_lease_time: zero_is_default(r.bootp_lease_time),
            boot: cv::boot_update(r.next_server, r.server_name, r.boot_file)?,
            description: r.description,
        };
        let s = self
            .store
            .update_subnet(id, &update)
            .await
            .map_err(status)?;
        info!(subnet = %s.spec.cidr, id = s.id.0, "subnet updated");
        self.changed(
            change(EventKind::SubnetUpdated, &who, Some(&s)),
            Audited::new(
                object(&s),
                Some(audit::subnet(&before)),
                Some(audit::subnet(&s)),
            ),
        )
        .await;
        Ok(Response::new(cv::subnet(s)))
    }

    async fn delete_subnet(
        &self,
        req: Request<pb::DeleteSubnetRequest>,
    ) -> ApiResult<pb::DeleteSubnetResponse> {
        let who = principal(&req);
        let r = req.into_inner();
        let id = SubnetId(cv::id("id", r.id)?);
        let s = self.store.get_subnet(id).await.map_err(status)?;
        self.store
            .delete_subnet(id, r.force)
            .await
            .map_err(status)?;
        info!(id = id.0, force = r.force, "subnet deleted");
        self.changed(
            change(EventKind::SubnetDeleted, &who, Some(&s)).with("force", r.force),
            Audited::new(object(&s), Some(audit::subnet(&s)), None),
        )
        .await;
        Ok(Response::new(pb::DeleteSubnetResponse {}))
    }
}
