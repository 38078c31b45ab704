//! The API clients a command calls, all over one connection, with the
//! output format the user chose and the lookups several command groups
//! share (a subnet named by CIDR or id).

use dhcplane_proto::v1 as pb;

use crate::conn::{connect, rpc, Authed, Conn};
use crate::output::Format;

/// gRPC clients over one channel.
#[derive(Debug)]
pub(crate) struct Client {
    /// `dhcplane.v1.Subnets`.
    pub(crate) subnets: pb::subnets_client::SubnetsClient<Authed>,
    /// `dhcplane.v1.Pools`.
    pub(crate) pools: pb::pools_client::PoolsClient<Authed>,
    /// `dhcplane.v1.Reservations`.
    pub(crate) reservations: pb::reservations_client::ReservationsClient<Authed>,
    /// `dhcplane.v1.Options`.
    pub(crate) options: pb::options_client::OptionsClient<Authed>,
    /// `dhcplane.v1.Leases`.
    pub(crate) leases: pb::leases_client::LeasesClient<Authed>,
    /// `dhcplane.v1.Server`.
    pub(crate) server: pb::server_client::ServerClient<Authed>,
    /// `dhcplane.v1.Tokens`.
    pub(crate) tokens: pb::tokens_client::TokensClient<Authed>,
    /// `dhcplane.v1.Audit`.
    pub(crate) audit: pb::audit_client::AuditClient<Authed>,
    /// `dhcplane.v1.Site`.
    pub(crate) site: pb::site_client::SiteClient<Authed>,
    /// `dhcplane.v1.Defaults`.
    pub(crate) defaults: pb::defaults_client::DefaultsClient<Authed>,
    /// How results are printed.
    pub(crate) out: Format,
}

impl Client {
    /// Connects to the server `conn` names.
    ///
    /// # Errors
    /// When the server cannot be reached (see [`connect`]).
    pub(crate) async fn new(conn: &Conn, out: Format) -> anyhow::Result<Self> {
        let ch = connect(conn).await?;
        Ok(Self {
            subnets: pb::subnets_client::SubnetsClient::new(ch.clone()),
            pools: pb::pools_client::PoolsClient::new(ch.clone()),
            reservations: pb::reservations_client::ReservationsClient::new(ch.clone()),
            options: pb::options_client::OptionsClient::new(ch.clone()),
            leases: pb::leases_client::LeasesClient::new(ch.clone()),
            tokens: pb::tokens_client::TokensClient::new(ch.clone()),
            audit: pb::audit_client::AuditClient::new(ch.clone()),
            site: pb::site_client::SiteClient::new(ch.clone()),
            defaults: pb::defaults_client::DefaultsClient::new(ch.clone()),
            server: pb::server_client::ServerClient::new(ch),
            out,
        })
    }

    /// A subnet named by CIDR or id.
    ///
    /// # Errors
    /// The server's, e.g. NotFound.
    pub(crate) async fn subnet(&mut self, s: &str) -> anyhow::Result<pb::Subnet> {
        use pb::get_subnet_request::Key;
        let key = match s.parse::<u64>() {
            Ok(id) => Key::Id(id),
            Err(_) => Key::Cidr(s.to_string()),
        };
        Ok(self
            .subnets
            .get_subnet(pb::GetSubnetRequest { key: Some(key) })
            .await
            .map_err(rpc)?
            .into_inner())
    }

    /// The id of a subnet named by CIDR or id; 0 (any subnet) for none.
    ///
    /// # Errors
    /// The server's, e.g. NotFound.
    pub(crate) async fn subnet_id(&mut self, s: Option<&str>) -> anyhow::Result<u64> {
        match s {
            Some(s) => Ok(self.subnet(s).await?.id),
            None => Ok(0),
        }
    }
}
