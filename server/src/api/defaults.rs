//! `dhcplane.v1.Defaults`: the server-wide boot fields.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response};
use tracing::info;

use super::convert as cv;
use super::{audit, change, principal, status, Api, ApiResult, Audited};
use crate::events::EventKind;

#[tonic::async_trait]
impl pb::defaults_server::Defaults for Api {
    async fn get_defaults(
        &self,
        _req: Request<pb::GetDefaultsRequest>,
    ) -> ApiResult<pb::ServerDefaults> {
        let d = self.store.get_defaults().await.map_err(status)?;
        Ok(Response::new(cv::defaults(d)))
    }

    async fn update_defaults(
        &self,
        req: Request<pb::UpdateDefaultsRequest>,
    ) -> ApiResult<pb::ServerDefaults> {
        let who = principal(&req);
        let r = req.into_inner();
        let update = cv::boot_update(r.next_server, r.server_name, r.boot_file)?;
        let (before, after) = self.store.update_defaults(&update).await.map_err(status)?;
        info!(
            next_server = %cv::text_of(after.boot.next_server),
            server_name = after.boot.server_name.as_deref().unwrap_or_default(),
            boot_file = after.boot.boot_file.as_deref().unwrap_or_default(),
            "defaults updated"
        );
        if before != after {
            self.changed(
                change(EventKind::DefaultsUpdated, &who, None),
                Audited::new(
                    "defaults",
                    Some(audit::defaults(&before)),
                    Some(audit::defaults(&after)),
                ),
            )
            .await;
        }
        Ok(Response::new(cv::defaults(after)))
    }
}
