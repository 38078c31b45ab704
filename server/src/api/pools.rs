//! `dhcplane.v1.Pools`.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response};
use tracing::info;

use super::audit;
use super::convert::{self as cv, invalid};
use super::{change, principal, status, Api, ApiResult, Audited};

fn object(p: &Pool) -> String {
    format!("pool {} ({})", p.id.0, p.spec.range)
}
use crate::events::{Event, EventKind};
use crate::model::{Pool, PoolId, PoolSpec, PoolUpdate, SubnetId};

impl Api {
    async fn pool_event(&self, kind: EventKind, who: &str, p: &Pool) -> Event {
        let subnet = self.store.get_subnet(p.spec.subnet_id).await.ok();
        change(kind, who, subnet.as_ref())
            .with("pool_id", p.id.0)
            .with("range", p.spec.range)
    }
}

#[tonic::async_trait]
impl pb::pools_server::Pools for Api {
    async fn create_pool(&self, req: Request<pb::CreatePoolRequest>) -> ApiResult<pb::Pool> {
        let who = principal(&req);
        let p = req
            .into_inner()
            .pool
            .ok_or_else(|| invalid("pool", "is missing"))?;
        let spec = PoolSpec {
            subnet_id: SubnetId(cv::id("pool.subnet_id", p.subnet_id)?),
            range: cv::range("pool", &p.start, &p.end)?,
            exclusions: cv::exclusions(&p.exclusions)?,
            description: p.description,
        };
        let p = self.store.create_pool(&spec).await.map_err(status)?;
        info!(pool = p.id.0, range = %p.spec.range, subnet = p.spec.subnet_id.0, "pool created");
        self.changed(
            self.pool_event(EventKind::PoolCreated, &who, &p).await,
            Audited::new(object(&p), None, Some(audit::pool(&p))),
        )
        .await;
        Ok(Response::new(cv::pool(p)))
    }

    async fn get_pool(&self, req: Request<pb::GetPoolRequest>) -> ApiResult<pb::Pool> {
        let id = PoolId(cv::id("id", req.into_inner().id)?);
        Ok(Response::new(cv::pool(
            self.store.get_pool(id).await.map_err(status)?,
        )))
    }

    async fn list_pools(
        &self,
        req: Request<pb::ListPoolsRequest>,
    ) -> ApiResult<pb::ListPoolsResponse> {
        let r = req.into_inner();
        let page = cv::page(r.page_size, &r.page_token)?;
        let items = self
            .store
            .list_pools(cv::opt_id(r.subnet_id).map(SubnetId), page)
            .await
            .map_err(status)?;
        let (items, next_page_token) = cv::paginate(items, page, |p| p.id.0);
        Ok(Response::new(pb::ListPoolsResponse {
            pools: items.into_iter().map(cv::pool).collect(),
            next_page_token,
        }))
    }

    async fn update_pool(&self, req: Request<pb::UpdatePoolRequest>) -> ApiResult<pb::Pool> {
        let who = principal(&req);
        let r = req.into_inner();
        let id = PoolId(cv::id("id", r.id)?);
        let before = self.store.get_pool(id).await.map_err(status)?;
        let range = match (r.start, r.end) {
            (None, None) => None,
            (start, end) => {
                let old = before.spec.range;
                let s = start.unwrap_or_else(|| old.start.to_string());
                let e = end.unwrap_or_else(|| old.end.to_string());
                Some(cv::range("pool", &s, &e)?)
            }
        };
        let update = PoolUpdate {
            range,
            exclusions: r
                .exclusions
                .map(|x| cv::exclusions(&x.ranges))
                .transpose()?,
            description: r.description,
        };
        let p = self.store.update_pool(id, &update).await.map_err(status)?;
        info!(pool = p.id.0, range = %p.spec.range, "pool updated");
        self.changed(
            self.pool_event(EventKind::PoolUpdated, &who, &p).await,
            Audited::new(
                object(&p),
                Some(audit::pool(&before)),
                Some(audit::pool(&p)),
            ),
        )
        .await;
        Ok(Response::new(cv::pool(p)))
    }

    async fn delete_pool(
        &self,
        req: Request<pb::DeletePoolRequest>,
    ) -> ApiResult<pb::DeletePoolResponse> {
        let who = principal(&req);
        let id = PoolId(cv::id("id", req.into_inner().id)?);
        let p = self.store.get_pool(id).await.map_err(status)?;
        self.store.delete_pool(id).await.map_err(status)?;
        info!(pool = id.0, "pool deleted");
        self.changed(
            self.pool_event(EventKind::PoolDeleted, &who, &p).await,
            Audited::new(object(&p), Some(audit::pool(&p)), None),
        )
        .await;
        Ok(Response::new(pb::DeletePoolResponse {}))
    }
}
