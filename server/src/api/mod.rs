//! The gRPC API `dhcplane.v1`: thin tonic services that convert proto to
//! model (naming the field of any bad value), call the store, and convert
//! back. No protocol logic lives here.

mod audit;
pub mod auth;
mod convert;
mod defaults;
mod events;
mod leases;
mod options;
mod pools;
mod reservations;
mod server;
mod site;
mod subnets;
mod tokens;

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use dhcplane_proto::v1 as pb;
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::Status;
use tracing::{error, warn};

use crate::clock::{now_micros, now_unix};
use crate::leases::LeaseService;
use crate::model::{AuditEntry, Event, EventKind};
use crate::store::{Store, StoreError};
use auth::{AuthLayer, Principal, Tokens};

/// State shared by every service.
#[derive(Debug, Clone)]
pub struct Api {
    store: Arc<dyn Store>,
    leases: Arc<LeaseService>,
    tokens: Arc<Tokens>,
    started: SystemTime,
}

impl Api {
    /// Services over `store`, keeping `leases` (the packet path's view) and
    /// `tokens` (the auth layer's view) current.
    pub fn new(store: Arc<dyn Store>, leases: Arc<LeaseService>, tokens: Arc<Tokens>) -> Self {
        Self {
            store,
            leases,
            tokens,
            started: SystemTime::now(),
        }
    }

    /// Makes a provisioning change visible to the next packet, records it
    /// in the audit log, then publishes its event (with the audit id and
    /// the before/after JSON).
    pub(crate) async fn changed(&self, mut event: Event, what: Audited) {
        if let Err(e) = self.leases.reload(now_unix()).await {
            warn!(error = %e, "provisioning changed but could not be reloaded; the next change retries");
        }
        let entry = self
            .audit(
                event.principal.as_deref().unwrap_or("anonymous"),
                event.kind.as_str(),
                what,
            )
            .await;
        if let Some(entry) = entry {
            event
                .details
                .insert("audit_id".into(), entry.id.to_string());
            for (k, v) in [("before", entry.before), ("after", entry.after)] {
                if let Some(v) = v {
                    event.details.insert(k.into(), v);
                }
            }
        }
        self.leases.events.emit(event);
    }

    /// Records a change in the audit log; logs (and returns `None`) when the
    /// store refuses, as the change itself is already made.
    pub(crate) async fn audit(&self, who: &str, action: &str, what: Audited) -> Option<AuditEntry> {
        let mut entry = AuditEntry {
            id: 0,
            time: now_micros(),
            principal: who.to_string(),
            action: action.to_string(),
            object: what.object,
            before: what.before.map(|v| v.to_string()),
            after: what.after.map(|v| v.to_string()),
        };
        match self.store.record_audit(&entry).await {
            Ok(id) => {
                entry.id = id;
                Some(entry)
            }
            Err(e) => {
                error!(error = %e, action, object = %entry.object, "cannot record the change in the audit log");
                None
            }
        }
    }
}

/// What a change did, for the audit log.
#[derive(Debug)]
pub(crate) struct Audited {
    object: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
}

impl Audited {
    /// `object` went from `before` to `after` (`None`: did not exist).
    pub(crate) fn new(
        object: impl Into<String>,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Self {
        Self {
            object: object.into(),
            before,
            after,
        }
    }
}

/// Who made a request (the token's name, set by the auth layer): recorded
/// with every change it makes.
pub(crate) fn principal<T>(req: &tonic::Request<T>) -> String {
    if let Some(p) = req.extensions().get::<Principal>() {
        return p.0.clone();
    }
    match req.remote_addr() {
        Some(a) => format!("anonymous@{}", a.ip()),
        None => "anonymous".into(),
    }
}

/// A provisioning event for `kind` by `who`, about `subnet` if known.
pub(crate) fn change(kind: EventKind, who: &str, subnet: Option<&crate::model::Subnet>) -> Event {
    let mut e = Event::new(kind).by(who);
    if let Some(s) = subnet {
        e.subnet_id = Some(s.id);
        e.subnet = Some(s.spec.cidr);
    }
    e
}

/// Errors a service returns.
pub(crate) type ApiResult<T> = Result<tonic::Response<T>, Status>;

/// Maps a store error to the gRPC status a caller can act on.
pub(crate) fn status(e: StoreError) -> Status {
    match e {
        StoreError::Invalid(i) => Status::invalid_argument(i.to_string()),
        StoreError::Rejected(list) => site::rejected(&list),
        StoreError::NotFound(m) => Status::not_found(m),
        StoreError::AlreadyExists(m) => Status::already_exists(m),
        StoreError::Conflict(m) => Status::failed_precondition(m),
        StoreError::Unavailable(m) => {
            warn!(error = %m, "store unavailable");
            Status::unavailable(m)
        }
        other => {
            error!(error = %other, "store error");
            Status::internal(other.to_string())
        }
    }
}

/// Serves the API, standard gRPC health and server reflection on `listener`
/// until `shutdown` completes; in-flight calls are finished first.
///
/// # Errors
/// When the server fails.
pub async fn serve(
    api: Api,
    listener: TcpListener,
    tls: Option<tonic::transport::ServerTlsConfig>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), tonic::transport::Error> {
    // Tokens made with `dhcplaned token create` while running count within
    // seconds.
    {
        let (store, tokens) = (api.store.clone(), Arc::downgrade(&api.tokens));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(5)).await;
                let Some(t) = tokens.upgrade() else { return };
                if let Err(e) = t.reload(store.as_ref()).await {
                    warn!(error = %e, "cannot reload API tokens");
                }
            }
        });
    }
    let (health, health_service) = tonic_health::server::health_reporter();
    tokio::spawn(watch_store_health(
        api.store.clone(),
        health,
        Arc::downgrade(&api.leases.events),
    ));
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()
        .map_err(|e| {
            error!(error = %e, "reflection descriptors do not load");
            e
        })
        .ok();
    let mut server = tonic::transport::Server::builder();
    if let Some(tls) = tls {
        server = server.tls_config(tls)?;
    }
    server
        .layer(AuthLayer::new(api.tokens.clone()))
        .add_service(health_service)
        .add_optional_service(reflection)
        .add_service(pb::subnets_server::SubnetsServer::new(api.clone()))
        .add_service(pb::pools_server::PoolsServer::new(api.clone()))
        .add_service(pb::reservations_server::ReservationsServer::new(
            api.clone(),
        ))
        .add_service(pb::options_server::OptionsServer::new(api.clone()))
        .add_service(pb::defaults_server::DefaultsServer::new(api.clone()))
        .add_service(pb::leases_server::LeasesServer::new(api.clone()))
        .add_service(pb::events_server::EventsServer::new(api.clone()))
        .add_service(pb::tokens_server::TokensServer::new(api.clone()))
        .add_service(pb::audit_server::AuditServer::new(api.clone()))
        .add_service(pb::site_server::SiteServer::new(api.clone()))
        .add_service(pb::server_server::ServerServer::new(api))
        .serve_with_incoming_shutdown(TcpListenerStream::new(listener), shutdown)
        .await
}

/// Keeps the health service in step with the store: SERVING while the
/// store answers, NOT_SERVING while it does not; each change after the
/// first is an event. Ends when the event hub is gone (shutdown).
async fn watch_store_health(
    store: Arc<dyn Store>,
    health: tonic_health::server::HealthReporter,
    events: std::sync::Weak<crate::events::EventHub>,
) {
    let mut was_up = None;
    loop {
        let up = store.ping().await.is_ok();
        let Some(hub) = events.upgrade() else { return };
        if was_up.is_some() && was_up != Some(up) {
            hub.emit(Event::new(if up {
                EventKind::StoreAvailable
            } else {
                EventKind::StoreUnavailable
            }));
        }
        drop(hub);
        if was_up != Some(up) {
            let st = if up {
                tonic_health::ServingStatus::Serving
            } else {
                warn!(store = %store.location(), "store does not answer; health is NOT_SERVING");
                tonic_health::ServingStatus::NotServing
            };
            health.set_service_status("", st).await;
            health.set_service_status("dhcplane.v1.Server", st).await;
            was_up = Some(up);
        }
        tokio::time::sleep(Duration::from_secs(if up { 5 } else { 1 })).await;
    }
}
