//! `dhcplane.v1.Tokens`: admin-only management of API tokens.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response, Status};
use tracing::info;

use super::auth;
use super::convert as cv;
use super::{principal, status, Api, ApiResult, Audited};
use crate::model::{Role, Token};
use serde_json::json;

fn role(r: i32) -> Result<Role, Status> {
    match pb::Role::try_from(r) {
        Ok(pb::Role::Viewer) => Ok(Role::Viewer),
        Ok(pb::Role::Operator) => Ok(Role::Operator),
        Ok(pb::Role::Admin) => Ok(Role::Admin),
        _ => Err(Status::invalid_argument(
            "role is missing or unknown; use ROLE_VIEWER, ROLE_OPERATOR or ROLE_ADMIN",
        )),
    }
}

fn token(t: Token) -> pb::Token {
    pb::Token {
        name: t.name,
        role: match t.role {
            Role::Viewer => pb::Role::Viewer,
            Role::Operator => pb::Role::Operator,
            Role::Admin => pb::Role::Admin,
        }
        .into(),
        created: cv::timestamp(t.created),
    }
}

impl Api {
    async fn tokens_changed(&self) {
        if let Err(e) = self.tokens.reload(self.store.as_ref()).await {
            tracing::warn!(error = %e, "tokens changed but could not be reloaded; retrying within seconds");
        }
    }
}

#[tonic::async_trait]
impl pb::tokens_server::Tokens for Api {
    async fn create_token(
        &self,
        req: Request<pb::CreateTokenRequest>,
    ) -> ApiResult<pb::CreateTokenResponse> {
        let who = principal(&req);
        let r = req.into_inner();
        let role = role(r.role)?;
        let secret = auth::new_secret()
            .map_err(|e| Status::internal(format!("cannot make a secret: {e}")))?;
        let t = self
            .store
            .create_token(
                &r.name,
                role,
                &auth::hash(&secret),
                crate::clock::now_unix(),
            )
            .await
            .map_err(status)?;
        info!(token = %t.name, role = %t.role, by = %who, "token created");
        self.tokens_changed().await;
        self.audit(
            &who,
            "token_created",
            Audited::new(
                format!("token {}", t.name),
                None,
                Some(json!({"name": t.name, "role": t.role.as_str()})),
            ),
        )
        .await;
        Ok(Response::new(pb::CreateTokenResponse {
            token: Some(token(t)),
            secret,
        }))
    }

    async fn list_tokens(
        &self,
        _req: Request<pb::ListTokensRequest>,
    ) -> ApiResult<pb::ListTokensResponse> {
        let all = self.store.list_tokens().await.map_err(status)?;
        Ok(Response::new(pb::ListTokensResponse {
            tokens: all.into_iter().map(token).collect(),
        }))
    }

    async fn revoke_token(&self, req: Request<pb::RevokeTokenRequest>) -> ApiResult<pb::Token> {
        let who = principal(&req);
        let name = req.into_inner().name;
        let t = self.store.revoke_token(&name).await.map_err(status)?;
        info!(token = %t.name, by = %who, "token revoked");
        self.tokens_changed().await;
        self.audit(
            &who,
            "token_revoked",
            Audited::new(
                format!("token {}", t.name),
                Some(json!({"name": t.name, "role": t.role.as_str()})),
                None,
            ),
        )
        .await;
        Ok(Response::new(token(t)))
    }
}
