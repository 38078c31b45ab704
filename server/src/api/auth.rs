//! Access control: bearer tokens with roles, checked for every RPC by a
//! tower layer in front of the gRPC services.
//!
//! Tokens are random 256-bit secrets; the store keeps only their SHA-256.
//! The daemon holds the hashes in memory (reloaded every few seconds and on
//! every change through the API), so checking a call costs one hash and one
//! map lookup. With no token at all, calls from loopback are let in (the
//! daemon says so at start) and every other peer is refused.

use std::collections::HashMap;
use std::future::Future;
use std::io::Read;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};

use sha2::{Digest, Sha256};
use tonic::codegen::http;
use tonic::Status;
use tracing::warn;

use crate::model::Role;
use crate::store::{Result, Store};

/// A new secret: `dpl_` and 64 hex digits from the kernel's random source.
///
/// # Errors
/// When `/dev/urandom` cannot be read.
pub fn new_secret() -> std::io::Result<String> {
    let mut b = [0u8; 32];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut b)?;
    Ok(format!("dpl_{}", hex(&b)))
}

/// The stored form of a secret.
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Who made a call: a token's name, or `anonymous@ADDR` when no token is
/// configured. Put in the request's extensions by the auth layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal(pub String);

/// The role a gRPC method needs, from its path; `None`: open to anyone
/// (health checks).
pub fn required_role(path: &str) -> Option<Role> {
    let (service, method) = path.trim_start_matches('/').split_once('/')?;
    if service.starts_with("grpc.health.") {
        return None;
    }
    if service == "dhcplane.v1.Tokens" {
        return Some(Role::Admin);
    }
    let writes = ["Create", "Update", "Delete", "Set", "Release", "Apply"];
    if writes.iter().any(|w| method.starts_with(w)) {
        return Some(Role::Operator);
    }
    Some(Role::Viewer)
}

/// The token hashes in memory.
#[derive(Debug, Default)]
pub struct Tokens {
    by_hash: RwLock<HashMap<String, (String, Role)>>,
}

impl Tokens {
    /// Loads the hashes from `store`.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn load(store: &dyn Store) -> Result<Arc<Self>> {
        let t = Arc::new(Self::default());
        t.reload(store).await?;
        Ok(t)
    }

    /// Re-reads the hashes from `store`.
    ///
    /// # Errors
    /// When the store fails; the old set stays.
    pub async fn reload(&self, store: &dyn Store) -> Result<()> {
        let all = store.token_hashes().await?;
        let map = all
            .into_iter()
            .map(|(hash, name, role)| (hash, (name, role)))
            .collect();
        *self.by_hash.write().unwrap_or_else(|e| e.into_inner()) = map;
        Ok(())
    }

    /// Whether any token exists.
    pub fn configured(&self) -> bool {
        !self
            .by_hash
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }

    /// Decides a call to `path` from `peer` with `authorization` header.
    fn admit(
        &self,
        path: &str,
        peer: Option<SocketAddr>,
        authorization: Option<&[u8]>,
    ) -> std::result::Result<Option<Principal>, Status> {
        let Some(need) = required_role(path) else {
            return Ok(None);
        };
        let who = peer.map_or_else(|| "unknown".to_string(), |p| p.ip().to_string());
        if !self.configured() {
            if peer.is_some_and(|p| p.ip().is_loopback()) {
                return Ok(Some(Principal(format!("anonymous@{who}"))));
            }
            warn!(peer = %who, method = path, "refused: no API tokens exist and the caller is not on loopback");
            return Err(Status::unauthenticated(
                "no API tokens exist yet, so only loopback callers are let in; create one with \
                 `dhcplaned token create --role admin --name NAME` and pass it with --token",
            ));
        }
        let secret = authorization
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim);
        let Some(secret) = secret else {
            warn!(peer = %who, method = path, "refused: no bearer token");
            return Err(Status::unauthenticated(
                "missing bearer token; pass --token (or DHCPCTL_TOKEN), i.e. the header \
                 `authorization: Bearer SECRET`",
            ));
        };
        let found = self
            .by_hash
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&hash(secret))
            .cloned();
        let Some((name, role)) = found else {
            warn!(peer = %who, method = path, "refused: unknown or revoked token");
            return Err(Status::unauthenticated(
                "the bearer token is unknown or revoked; ask an admin for a new one",
            ));
        };
        if role < need {
            warn!(peer = %who, method = path, token = %name, role = %role, "refused: role too low");
            return Err(Status::permission_denied(format!(
                "token {name} has role {role}; {path} needs {need} or above"
            )));
        }
        Ok(Some(Principal(name)))
    }
}

/// The tower layer that checks every call against `Tokens`.
#[derive(Debug, Clone)]
pub struct AuthLayer {
    tokens: Arc<Tokens>,
}

impl AuthLayer {
    /// A layer over `tokens`.
    pub fn new(tokens: Arc<Tokens>) -> Self {
        Self { tokens }
    }
}

impl<S> tower_layer::Layer<S> for AuthLayer {
    type Service = Auth<S>;
    fn layer(&self, inner: S) -> Auth<S> {
        Auth {
            inner,
            tokens: self.tokens.clone(),
        }
    }
}

/// The service `AuthLayer` wraps around the gRPC routes.
#[derive(Debug, Clone)]
pub struct Auth<S> {
    inner: S,
    tokens: Arc<Tokens>,
}

fn peer_of<B>(req: &http::Request<B>) -> Option<SocketAddr> {
    use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
    let ext = req.extensions();
    ext.get::<TcpConnectInfo>()
        .and_then(TcpConnectInfo::remote_addr)
        .or_else(|| {
            ext.get::<TlsConnectInfo<TcpConnectInfo>>()
                .and_then(|t| t.get_ref().remote_addr())
        })
}

impl<S, B, R> tower_service::Service<http::Request<B>> for Auth<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
    R: Default + Send + 'static,
{
    type Response = http::Response<R>;
    type Error = S::Error;
    type Future =
        Pin<Box<dyn Future<Output = std::result::Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<std::result::Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let verdict = self.tokens.admit(
            req.uri().path(),
            peer_of(&req),
            req.headers()
                .get(http::header::AUTHORIZATION)
                .map(http::HeaderValue::as_bytes),
        );
        match verdict {
            Ok(principal) => {
                if let Some(p) = principal {
                    req.extensions_mut().insert(p);
                }
                Box::pin(self.inner.call(req))
            }
            Err(status) => Box::pin(async move { Ok(status.into_http()) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_method() {
        assert_eq!(required_role("/grpc.health.v1.Health/Check"), None);
        assert_eq!(
            required_role("/dhcplane.v1.Subnets/ListSubnets"),
            Some(Role::Viewer)
        );
        assert_eq!(
            required_role("/dhcplane.v1.Events/Watch"),
            Some(Role::Viewer)
        );
        assert_eq!(
            required_role("/dhcplane.v1.Subnets/CreateSubnet"),
            Some(Role::Operator)
        );
        assert_eq!(
            required_role("/dhcplane.v1.Leases/ReleaseLease"),
            Some(Role::Operator)
        );
        assert_eq!(
            required_role("/dhcplane.v1.Tokens/ListTokens"),
            Some(Role::Admin)
        );
        assert_eq!(
            required_role("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"),
            Some(Role::Viewer)
        );
    }

    #[test]
    fn decisions() {
        let t = Tokens::default();
        let lo: Option<SocketAddr> = "127.0.0.1:5000".parse().ok();
        let far: Option<SocketAddr> = "192.0.2.7:5000".parse().ok();
        let create = "/dhcplane.v1.Subnets/CreateSubnet";
        // No tokens: loopback in, anyone else out.
        assert_eq!(
            t.admit(create, lo, None).ok().flatten(),
            Some(Principal("anonymous@127.0.0.1".into()))
        );
        assert_eq!(
            t.admit(create, far, None).err().map(|s| s.code()),
            Some(tonic::Code::Unauthenticated)
        );
        let secret = new_secret().expect("random");
        t.by_hash
            .write()
            .expect("lock")
            .insert(hash(&secret), ("ci".into(), Role::Viewer));
        let bearer = format!("Bearer {secret}");
        assert_eq!(
            t.admit(create, lo, None).err().map(|s| s.code()),
            Some(tonic::Code::Unauthenticated),
            "tokens exist: loopback needs one too"
        );
        assert_eq!(
            t.admit(create, lo, Some(b"Bearer dpl_nope"))
                .err()
                .map(|s| s.code()),
            Some(tonic::Code::Unauthenticated)
        );
        assert_eq!(
            t.admit(create, far, Some(bearer.as_bytes()))
                .err()
                .map(|s| s.code()),
            Some(tonic::Code::PermissionDenied)
        );
        assert_eq!(
            t.admit(
                "/dhcplane.v1.Subnets/ListSubnets",
                far,
                Some(bearer.as_bytes())
            )
            .ok()
            .flatten(),
            Some(Principal("ci".into()))
        );
        assert!(t.admit("/grpc.health.v1.Health/Check", far, None).is_ok());
        assert!(secret.starts_with("dpl_") && secret.len() == 68);
        assert_ne!(new_secret().expect("random"), secret);
    }
}
