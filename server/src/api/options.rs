//! `dhcplane.v1.Options`.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response, Status};
use tracing::info;

use super::audit;
use super::convert::{self as cv, invalid};
use super::{change, principal, status, Api, ApiResult, Audited};
use crate::events::{Event, EventKind};
use crate::model::{options, DhcpOption, OptionScope};

fn object(scope: OptionScope, name: &str) -> String {
    match scope {
        OptionScope::Global => format!("option {name} (global)"),
        s => format!("option {name} ({} {})", s.kind(), s.owner()),
    }
}

impl Api {
    /// The option set with `code` at `scope` itself, if any.
    async fn option_at(&self, scope: OptionScope, code: u8) -> Option<DhcpOption> {
        self.store
            .list_options(scope)
            .await
            .ok()?
            .into_iter()
            .find(|o| o.code == code)
    }
}

fn option_event(kind: EventKind, who: &str, scope: OptionScope, name: &str) -> Event {
    change(kind, who, None)
        .with("scope", scope.kind())
        .with("owner", scope.owner())
        .with("option", name)
}

#[tonic::async_trait]
impl pb::options_server::Options for Api {
    async fn set_option(&self, req: Request<pb::SetOptionRequest>) -> ApiResult<pb::OptionValue> {
        let who = principal(&req);
        let r = req.into_inner();
        let scope = cv::scope(r.scope)?;
        let o = r
            .option
            .ok_or_else(|| invalid("option", "is missing; give a name and a value"))?;
        let opt = DhcpOption::parse("option", &o.name, &o.value, o.hex)
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        let before = self.option_at(scope, opt.code).await;
        self.store.set_option(scope, &opt).await.map_err(status)?;
        info!(scope = scope.kind(), owner = scope.owner(), option = %opt.name(), value = %opt.value_text(), "option set");
        let kind = if before.is_some() {
            EventKind::OptionUpdated
        } else {
            EventKind::OptionCreated
        };
        self.changed(
            option_event(kind, &who, scope, &opt.name()).with("value", opt.value_text()),
            Audited::new(
                object(scope, &opt.name()),
                before.map(|b| audit::option(scope, &b)),
                Some(audit::option(scope, &opt)),
            ),
        )
        .await;
        Ok(Response::new(cv::option_value(&opt)))
    }

    async fn list_options(
        &self,
        req: Request<pb::ListOptionsRequest>,
    ) -> ApiResult<pb::ListOptionsResponse> {
        let scope = cv::scope(req.into_inner().scope)?;
        let list = self.store.list_options(scope).await.map_err(status)?;
        Ok(Response::new(pb::ListOptionsResponse {
            options: list.iter().map(cv::option_value).collect(),
        }))
    }

    async fn delete_option(
        &self,
        req: Request<pb::DeleteOptionRequest>,
    ) -> ApiResult<pb::DeleteOptionResponse> {
        let who = principal(&req);
        let r = req.into_inner();
        let scope = cv::scope(r.scope)?;
        let code = cv::option_code("name", &r.name)?;
        let before = self.option_at(scope, code).await;
        self.store
            .delete_option(scope, code)
            .await
            .map_err(status)?;
        info!(scope = scope.kind(), owner = scope.owner(), option = %options::name_of(code), "option deleted");
        self.changed(
            option_event(
                EventKind::OptionDeleted,
                &who,
                scope,
                &options::name_of(code),
            ),
            Audited::new(
                object(scope, &options::name_of(code)),
                before.map(|b| audit::option(scope, &b)),
                None,
            ),
        )
        .await;
        Ok(Response::new(pb::DeleteOptionResponse {}))
    }

    async fn resolve_options(
        &self,
        req: Request<pb::ListOptionsRequest>,
    ) -> ApiResult<pb::ListOptionsResponse> {
        let scope = cv::scope(req.into_inner().scope)?;
        let merged = self.leases.resolved_options(scope).ok_or_else(|| {
            Status::not_found(format!(
                "option.scope: {} {} does not exist",
                scope.kind(),
                scope.owner()
            ))
        })?;
        Ok(Response::new(pb::ListOptionsResponse {
            options: merged
                .into_iter()
                .map(|(code, data)| cv::option_value(&DhcpOption { code, data }))
                .collect(),
        }))
    }

    async fn list_option_definitions(
        &self,
        _req: Request<pb::ListOptionDefinitionsRequest>,
    ) -> ApiResult<pb::ListOptionDefinitionsResponse> {
        Ok(Response::new(pb::ListOptionDefinitionsResponse {
            definitions: options::CATALOG
                .iter()
                .map(|d| pb::OptionDefinition {
                    code: u32::from(d.code),
                    name: d.name.to_string(),
                    r#type: d.ty.name().to_string(),
                })
                .collect(),
        }))
    }
}
