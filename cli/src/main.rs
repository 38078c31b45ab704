//! `dhcpctl`: the command-line client of dhcplaned's gRPC API. Tables for
//! people, `-o json` for machines; a failed call prints the server's message
//! and exits non-zero.

mod output;
mod site;
mod yaml;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail};
use clap::{Args, Parser, Subcommand};
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};
use tonic::transport::Channel;

use output::{cell, opt, table, time, Format};

/// dhcpctl: provision and inspect a dhcplaned server.
#[derive(Debug, Parser)]
#[command(name = "dhcpctl", version)]
struct Cli {
    /// Address of dhcplaned's gRPC API (ADDR:PORT, http://ADDR:PORT or
    /// https://HOST:PORT) [default: the context's, else 127.0.0.1:6767].
    #[arg(long, short = 's', env = "DHCPCTL_SERVER", global = true)]
    server: Option<String>,

    /// Bearer token (a secret from `dhcplaned token create` or
    /// `dhcpctl token create`).
    #[arg(long, env = "DHCPCTL_TOKEN", global = true, hide_env_values = true)]
    token: Option<String>,

    /// PEM CA to verify the server's certificate with; turns TLS on.
    #[arg(long, env = "DHCPCTL_CA", value_name = "FILE", global = true)]
    ca: Option<PathBuf>,

    /// PEM client certificate, for servers that require one (mTLS).
    #[arg(long, env = "DHCPCTL_CERT", value_name = "FILE", global = true)]
    cert: Option<PathBuf>,

    /// PEM private key of --cert.
    #[arg(long, env = "DHCPCTL_KEY", value_name = "FILE", global = true)]
    key: Option<PathBuf>,

    /// Named context from the config file (server, token, ca, cert, key).
    #[arg(long, env = "DHCPCTL_CONTEXT", global = true)]
    context: Option<String>,

    /// Config file [default: ~/.config/dhcpctl/config.toml].
    #[arg(long, env = "DHCPCTL_CONFIG", value_name = "FILE", global = true)]
    config: Option<PathBuf>,

    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value = "table", global = true)]
    output: Format,

    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Server version, store and counts.
    Status,
    /// Check the standard gRPC health service; exit 0 when SERVING.
    Health {
        /// Keep trying for this many seconds before failing.
        #[arg(long, default_value_t = 0.0)]
        wait: f64,
    },
    /// Subnets: the networks addresses are handed out in.
    #[command(subcommand)]
    Subnet(SubnetCmd),
    /// Pools: address ranges of a subnet handed out dynamically.
    #[command(subcommand)]
    Pool(PoolCmd),
    /// Reservations: fixed addresses for known clients.
    #[command(subcommand)]
    Reservation(ReservationCmd),
    /// DHCP options at global, subnet, pool or reservation scope.
    #[command(subcommand)]
    Option(OptionCmd),
    /// Leases handed out.
    #[command(subcommand)]
    Lease(LeaseCmd),
    /// API tokens (admin).
    #[command(subcommand)]
    Token(TokenCmd),
    /// The audit log of changes, newest first.
    Audit {
        /// Only changes by this principal (token name).
        #[arg(long)]
        principal: Option<String>,
        /// At most this many entries.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Bring the server to the state a site file describes, in one
    /// transaction; prints each change. A file with any problem changes
    /// nothing and every problem is listed with its line.
    Apply {
        /// The site file (YAML; `-` for standard input).
        #[arg(long, short = 'f', value_name = "FILE")]
        file: PathBuf,
        /// Show the plan (checked by the server against its state) and
        /// change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Also delete what the file does not name: subnets (when it lists
        /// subnets), global options (when it lists options), and the pools,
        /// reservations and options of each subnet it lists.
        #[arg(long)]
        prune: bool,
    },
    /// Write the whole provisioning state as a site file on standard
    /// output (`dhcpctl apply -f` takes it back).
    Export,
    /// Follow events as they happen: one line each, or one JSON object per
    /// line with -o json. Ends with an error naming the cursor to resume
    /// from if the server cuts the stream.
    Watch(WatchArgs),
}

#[derive(Debug, Subcommand)]
enum TokenCmd {
    /// Creates a token and prints its secret (shown only this once).
    Create {
        /// viewer, operator or admin.
        #[arg(long)]
        role: String,
        /// A unique name, e.g. provisioning.
        #[arg(long)]
        name: String,
    },
    /// Lists tokens (names and roles; secrets are not kept).
    List,
    /// Revokes a token by name.
    Revoke {
        /// The token's name.
        name: String,
    },
}

/// Where and how to reach the server: flags and environment over the
/// config file's context over defaults.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Conn {
    server: Option<String>,
    token: Option<String>,
    ca: Option<PathBuf>,
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    /// The context used when none is named.
    context: Option<String>,
    #[serde(default)]
    contexts: HashMap<String, Conn>,
}

impl Conn {
    fn resolve(cli: &Cli) -> anyhow::Result<Self> {
        let path = cli.config.clone().or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/dhcpctl/config.toml"))
        });
        let file: ConfigFile = match &path {
            Some(p) if p.exists() => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| anyhow!("cannot read {}: {e}", p.display()))?;
                toml::from_str(&text).map_err(|e| anyhow!("{}: {e}", p.display()))?
            }
            Some(p) if cli.config.is_some() => bail!("--config {}: no such file", p.display()),
            _ => ConfigFile::default(),
        };
        let ctx = match cli.context.clone().or(file.context.clone()) {
            None => Conn::default(),
            Some(name) => file.contexts.get(&name).cloned().ok_or_else(|| {
                let mut known: Vec<_> = file.contexts.keys().cloned().collect();
                known.sort();
                anyhow!(
                    "context {name:?} is not in the config file; known: {}",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )
            })?,
        };
        let c = Conn {
            server: cli.server.clone().or(ctx.server),
            token: cli.token.clone().or(ctx.token),
            ca: cli.ca.clone().or(ctx.ca),
            cert: cli.cert.clone().or(ctx.cert),
            key: cli.key.clone().or(ctx.key),
        };
        if c.cert.is_some() != c.key.is_some() {
            bail!("--cert and --key go together: a client certificate and its private key");
        }
        Ok(c)
    }

    fn server(&self) -> &str {
        self.server.as_deref().unwrap_or("127.0.0.1:6767")
    }

    fn tls(&self) -> bool {
        self.ca.is_some() || self.cert.is_some() || self.server().starts_with("https://")
    }

    fn url(&self) -> String {
        let s = self.server();
        if s.contains("://") {
            s.to_string()
        } else if self.tls() {
            format!("https://{s}")
        } else {
            format!("http://{s}")
        }
    }
}

/// Adds `authorization: Bearer TOKEN` to every call.
#[derive(Debug, Clone)]
struct Bearer(Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>);

impl tonic::service::Interceptor for Bearer {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(v) = &self.0 {
            req.metadata_mut().insert("authorization", v.clone());
        }
        Ok(req)
    }
}

/// A connection that carries the token.
type Authed = tonic::service::interceptor::InterceptedService<Channel, Bearer>;

#[derive(Debug, Args)]
struct WatchArgs {
    /// Only events for this MAC address.
    #[arg(long)]
    mac: Option<String>,
    /// Only events for this address.
    #[arg(long)]
    ip: Option<String>,
    /// Only events for this subnet (CIDR).
    #[arg(long)]
    subnet: Option<String>,
    /// Only these kinds, comma-separated (e.g. bound,released; see --help-kinds).
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// First replay the events after this cursor (0: every event kept).
    #[arg(long)]
    since: Option<u64>,
    /// Exit after printing this many events.
    #[arg(long)]
    count: Option<u64>,
    /// List the event kinds and exit.
    #[arg(long)]
    help_kinds: bool,
}

/// An event kind's command-line name: `EVENT_KIND_LEASE_BOUND` -> `bound`.
fn kind_name(k: pb::EventKind) -> String {
    k.as_str_name()
        .trim_start_matches("EVENT_KIND_")
        .to_ascii_lowercase()
}

fn kind_names() -> Vec<String> {
    (1..100)
        .filter_map(|n| pb::EventKind::try_from(n).ok())
        .map(kind_name)
        .collect()
}

/// Streams events until the server ends the stream or fails it.
async fn watch(conn: &Conn, a: WatchArgs, out: Format) -> anyhow::Result<()> {
    if a.help_kinds {
        println!("{}", kind_names().join("\n"));
        return Ok(());
    }
    let kinds = a
        .kind
        .iter()
        .map(|k| {
            pb::EventKind::from_str_name(&format!("EVENT_KIND_{}", k.to_ascii_uppercase()))
                .filter(|k| *k != pb::EventKind::Unspecified)
                .map(i32::from)
                .ok_or_else(|| {
                    anyhow!(
                        "--kind {k:?} is not an event kind; use one of: {}",
                        kind_names().join(", ")
                    )
                })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut c = pb::events_client::EventsClient::new(connect(conn).await?);
    let mut stream = c
        .watch(pb::WatchRequest {
            since: a.since,
            mac: a.mac.unwrap_or_default(),
            ip: a.ip.unwrap_or_default(),
            subnet: a.subnet.unwrap_or_default(),
            kinds,
        })
        .await
        .map_err(rpc)?
        .into_inner();
    let mut left = a.count;
    while left != Some(0) {
        let Some(e) = stream.message().await.map_err(rpc)? else {
            break;
        };
        left = left.map(|n| n - 1);
        let kind = kind_name(e.kind());
        let time = output::time_micros(e.time.as_ref());
        match out {
            Format::Json => {
                let details: serde_json::Map<String, Value> = e
                    .details
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect();
                println!(
                    "{}",
                    json!({
                        "cursor": e.cursor,
                        "time": time,
                        "kind": kind,
                        "mac": opt(&e.mac),
                        "client_id": opt(&e.client_id),
                        "ip": opt(&e.ip),
                        "subnet_id": (e.subnet_id != 0).then_some(e.subnet_id),
                        "subnet": opt(&e.subnet),
                        "hostname": opt(&e.hostname),
                        "principal": opt(&e.principal),
                        "details": details,
                    })
                );
            }
            Format::Table => {
                let mut line = format!("{} {time} {kind}", e.cursor);
                for (k, v) in [
                    ("mac", &e.mac),
                    ("ip", &e.ip),
                    ("subnet", &e.subnet),
                    ("hostname", &e.hostname),
                    ("by", &e.principal),
                ] {
                    if !v.is_empty() {
                        line.push_str(&format!(" {k}={v}"));
                    }
                }
                let mut details: Vec<_> = e.details.iter().collect();
                details.sort();
                for (k, v) in details {
                    line.push_str(&format!(" {k}={v}"));
                }
                println!("{line}");
            }
        }
    }
    Ok(())
}

#[derive(Debug, Args)]
struct SubnetSettings {
    /// Default gateway(s), comma-separated (option 3).
    #[arg(long, value_delimiter = ',')]
    router: Vec<String>,
    /// DNS servers, comma-separated (option 6).
    #[arg(long, value_delimiter = ',')]
    dns: Vec<String>,
    /// Domain name (option 15).
    #[arg(long)]
    domain: Option<String>,
    /// NTP servers, comma-separated (option 42).
    #[arg(long, value_delimiter = ',')]
    ntp: Vec<String>,
    /// Any option as NAME=VALUE (e.g. interface-mtu=9000); repeatable.
    #[arg(long = "option", value_name = "NAME=VALUE")]
    options: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum SubnetCmd {
    /// Create a subnet.
    Add {
        /// Network in CIDR form, e.g. 10.0.0.0/24.
        cidr: String,
        #[command(flatten)]
        settings: SubnetSettings,
        /// Default lease time in seconds.
        #[arg(long)]
        lease_time: Option<u32>,
        /// Shortest lease in seconds.
        #[arg(long)]
        min_lease_time: Option<u32>,
        /// Longest lease in seconds.
        #[arg(long)]
        max_lease_time: Option<u32>,
        /// Renewal time (T1) in seconds.
        #[arg(long)]
        t1: Option<u32>,
        /// Rebinding time (T2) in seconds.
        #[arg(long)]
        t2: Option<u32>,
        /// Interface whose directly attached clients this subnet serves.
        #[arg(long)]
        interface: Option<String>,
        /// Relay (giaddr) address that selects this subnet; comma-separated or repeated.
        #[arg(long, value_delimiter = ',')]
        relay: Vec<String>,
        /// Do not NAK requests for addresses outside this subnet.
        #[arg(long)]
        non_authoritative: bool,
        /// Answer a DISCOVER with option 80 by an ACK (RFC 4039).
        #[arg(long)]
        rapid_commit: bool,
        /// Serve BOOTP clients that have a reservation.
        #[arg(long)]
        bootp: bool,
        /// Free text.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List subnets.
    List {
        /// Only subnets on this interface.
        #[arg(long)]
        interface: Option<String>,
    },
    /// Show one subnet (by CIDR or id) with its options.
    Get {
        /// CIDR or id.
        subnet: String,
    },
    /// Change a subnet's settings.
    Update {
        /// CIDR or id.
        subnet: String,
        /// Default lease time in seconds.
        #[arg(long)]
        lease_time: Option<u32>,
        /// Shortest lease in seconds.
        #[arg(long)]
        min_lease_time: Option<u32>,
        /// Longest lease in seconds.
        #[arg(long)]
        max_lease_time: Option<u32>,
        /// Renewal time (T1) in seconds; 0 restores the default.
        #[arg(long)]
        t1: Option<u32>,
        /// Rebinding time (T2) in seconds; 0 restores the default.
        #[arg(long)]
        t2: Option<u32>,
        /// Interface; empty string clears it.
        #[arg(long)]
        interface: Option<String>,
        /// Replace the relay addresses (comma-separated; empty clears).
        #[arg(long)]
        relay: Option<String>,
        /// Authoritative: true or false.
        #[arg(long)]
        authoritative: Option<bool>,
        /// Rapid commit: true or false.
        #[arg(long)]
        rapid_commit: Option<bool>,
        /// BOOTP: true or false.
        #[arg(long)]
        bootp: Option<bool>,
        /// Free text.
        #[arg(long)]
        description: Option<String>,
    },
    /// Delete a subnet with its pools, reservations and options.
    Delete {
        /// CIDR or id.
        subnet: String,
        /// Delete even if it has bound leases.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum PoolCmd {
    /// Add a range to a subnet.
    Add {
        /// Subnet CIDR or id.
        subnet: String,
        /// FIRST-LAST, e.g. 10.0.0.100-10.0.0.199.
        range: String,
        /// Address or range inside the pool never handed out; repeatable.
        #[arg(long)]
        exclude: Vec<String>,
        /// Free text.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List pools.
    List {
        /// Only pools of this subnet (CIDR or id).
        #[arg(long)]
        subnet: Option<String>,
    },
    /// Show one pool.
    Get {
        /// Pool id.
        id: u64,
    },
    /// Change a pool's range or exclusions.
    Update {
        /// Pool id.
        id: u64,
        /// New range FIRST-LAST.
        #[arg(long)]
        range: Option<String>,
        /// Replace the exclusions (comma-separated; empty clears).
        #[arg(long)]
        exclude: Option<String>,
    },
    /// Delete a pool.
    Delete {
        /// Pool id.
        id: u64,
    },
}

#[derive(Debug, Subcommand)]
enum ReservationCmd {
    /// Reserve an address for a client.
    Add {
        /// Client MAC, e.g. 02:00:00:00:00:01.
        #[arg(long)]
        mac: Option<String>,
        /// Client identifier (option 61) in hex.
        #[arg(long)]
        client_id: Option<String>,
        /// The reserved address.
        #[arg(long)]
        ip: String,
        /// Host name for the client.
        #[arg(long)]
        hostname: Option<String>,
        /// Subnet (CIDR or id); default: the subnet containing --ip.
        #[arg(long)]
        subnet: Option<String>,
        /// Label KEY=VALUE; repeatable.
        #[arg(long = "label", value_name = "KEY=VALUE")]
        labels: Vec<String>,
        /// Option NAME=VALUE for this client only; repeatable.
        #[arg(long = "option", value_name = "NAME=VALUE")]
        options: Vec<String>,
    },
    /// List reservations.
    List {
        /// Only this subnet (CIDR or id).
        #[arg(long)]
        subnet: Option<String>,
        /// Only this MAC.
        #[arg(long)]
        mac: Option<String>,
        /// Only this address.
        #[arg(long)]
        ip: Option<String>,
        /// Only this host name.
        #[arg(long)]
        hostname: Option<String>,
        /// Only reservations with label KEY=VALUE.
        #[arg(long)]
        label: Option<String>,
    },
    /// Show one reservation.
    Get {
        #[command(flatten)]
        key: ReservationKey,
    },
    /// Change a reservation.
    Update {
        /// Reservation id.
        id: u64,
        /// New address.
        #[arg(long)]
        ip: Option<String>,
        /// New MAC; empty clears.
        #[arg(long)]
        mac: Option<String>,
        /// New host name; empty clears.
        #[arg(long)]
        hostname: Option<String>,
        /// Replace labels with these KEY=VALUE pairs; repeatable.
        #[arg(long = "label", value_name = "KEY=VALUE")]
        labels: Option<Vec<String>>,
    },
    /// Delete a reservation.
    Delete {
        #[command(flatten)]
        key: ReservationKey,
    },
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
struct ReservationKey {
    /// By client MAC.
    #[arg(long)]
    mac: Option<String>,
    /// By reserved address.
    #[arg(long)]
    ip: Option<String>,
    /// By id.
    #[arg(long)]
    id: Option<u64>,
}

#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
struct Scope {
    /// Every client.
    #[arg(long)]
    global: bool,
    /// Clients of this subnet (CIDR or id).
    #[arg(long)]
    subnet: Option<String>,
    /// Clients of this pool (id).
    #[arg(long)]
    pool: Option<u64>,
    /// The client of this reservation (id).
    #[arg(long)]
    reservation: Option<u64>,
}

#[derive(Debug, Subcommand)]
enum OptionCmd {
    /// Set an option: NAME (or decimal code) and VALUE.
    Set {
        #[command(flatten)]
        scope: Scope,
        /// Option name (see `dhcpctl option names`) or decimal code.
        name: String,
        /// Value in the option's text form, or hex with --hex.
        value: String,
        /// VALUE is raw hex bytes.
        #[arg(long)]
        hex: bool,
    },
    /// List options set at a scope.
    List {
        #[command(flatten)]
        scope: Scope,
        /// Show what a client at this scope receives after inheritance.
        #[arg(long)]
        effective: bool,
    },
    /// Remove an option from a scope.
    Delete {
        #[command(flatten)]
        scope: Scope,
        /// Option name or code.
        name: String,
    },
    /// Every option name the server knows.
    Names,
}

#[derive(Debug, Subcommand)]
enum LeaseCmd {
    /// List leases.
    List {
        /// Only this subnet (CIDR or id).
        #[arg(long)]
        subnet: Option<String>,
        /// Only this MAC.
        #[arg(long)]
        mac: Option<String>,
        /// Only this state: offered, bound, released, expired, declined.
        #[arg(long)]
        state: Option<String>,
        /// Only this address.
        #[arg(long)]
        ip: Option<String>,
        /// Only this client identifier (hex).
        #[arg(long)]
        client_id: Option<String>,
    },
    /// Show the lease of an address.
    Get {
        /// The address.
        ip: String,
    },
    /// Release a lease now so its address can be handed out again.
    Release {
        /// The address.
        ip: String,
    },
}

/// gRPC clients over one channel.
#[derive(Debug)]
struct Client {
    subnets: pb::subnets_client::SubnetsClient<Authed>,
    pools: pb::pools_client::PoolsClient<Authed>,
    reservations: pb::reservations_client::ReservationsClient<Authed>,
    options: pb::options_client::OptionsClient<Authed>,
    leases: pb::leases_client::LeasesClient<Authed>,
    server: pb::server_client::ServerClient<Authed>,
    tokens: pb::tokens_client::TokensClient<Authed>,
    audit: pb::audit_client::AuditClient<Authed>,
    site: pb::site_client::SiteClient<Authed>,
    out: Format,
}

/// The error of a failed call: the server's message and the gRPC code.
fn rpc(s: tonic::Status) -> anyhow::Error {
    anyhow!("{} [{:?}]", s.message(), s.code())
}

/// Every item of a paged listing: calls `page` with each next-page token
/// until the server returns an empty one.
async fn all_pages<T, F, Fut>(mut page: F) -> anyhow::Result<Vec<T>>
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<T>, String), tonic::Status>>,
{
    let mut all = Vec::new();
    let mut token = String::new();
    loop {
        let (items, next) = page(token).await.map_err(rpc)?;
        all.extend(items);
        if next.is_empty() {
            return Ok(all);
        }
        token = next;
    }
}

async fn connect(conn: &Conn) -> anyhow::Result<Authed> {
    use tonic::transport::{Certificate, ClientTlsConfig, Identity};
    let url = conn.url();
    let mut ep = Channel::from_shared(url.clone())
        .map_err(|_| {
            anyhow!(
                "--server {:?} is not an address; write ADDR:PORT like 127.0.0.1:6767",
                conn.server()
            )
        })?
        .connect_timeout(Duration::from_secs(5));
    if conn.tls() {
        let read =
            |p: &PathBuf| std::fs::read(p).map_err(|e| anyhow!("cannot read {}: {e}", p.display()));
        let mut tls = ClientTlsConfig::new();
        if let Some(ca) = &conn.ca {
            tls = tls.ca_certificate(Certificate::from_pem(read(ca)?));
        }
        if let (Some(cert), Some(key)) = (&conn.cert, &conn.key) {
            tls = tls.identity(Identity::from_pem(read(cert)?, read(key)?));
        }
        ep = ep.tls_config(tls).map_err(|e| anyhow!("TLS setup: {e}"))?;
    }
    let ch = ep.connect().await.map_err(|e| {
        let mut why = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            why = s.to_string();
            src = s.source();
        }
        anyhow!("cannot reach dhcplaned at {url}: {why}")
    })?;
    let token = match &conn.token {
        None => None,
        Some(t) => Some(
            format!("Bearer {}", t.trim())
                .parse()
                .map_err(|_| anyhow!("--token holds characters a token never has"))?,
        ),
    };
    Ok(tonic::service::interceptor::InterceptedService::new(
        ch,
        Bearer(token),
    ))
}

fn name_value(field: &str, s: &str) -> anyhow::Result<(String, String)> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .ok_or_else(|| anyhow!("{field} {s:?} is not NAME=VALUE"))
}

fn setting(name: &str, value: String) -> pb::OptionSetting {
    pb::OptionSetting {
        name: name.into(),
        value,
        hex: false,
    }
}

fn settings(s: SubnetSettings) -> anyhow::Result<Vec<pb::OptionSetting>> {
    let mut out = Vec::new();
    if !s.router.is_empty() {
        out.push(setting("routers", s.router.join(",")));
    }
    if !s.dns.is_empty() {
        out.push(setting("domain-name-servers", s.dns.join(",")));
    }
    if let Some(d) = s.domain {
        out.push(setting("domain-name", d));
    }
    if !s.ntp.is_empty() {
        out.push(setting("ntp-servers", s.ntp.join(",")));
    }
    for o in s.options {
        let (n, v) = name_value("--option", &o)?;
        out.push(setting(&n, v));
    }
    Ok(out)
}

fn subnet_json(s: &pb::Subnet) -> Value {
    json!({
        "id": s.id, "cidr": s.cidr, "interface": opt(&s.interface), "relay_addresses": s.relay_addresses,
        "lease_time_min": s.lease_time_min, "lease_time_default": s.lease_time_default,
        "lease_time_max": s.lease_time_max, "t1": s.t1, "t2": s.t2,
        "authoritative": s.authoritative.unwrap_or(true), "rapid_commit": s.rapid_commit, "bootp": s.bootp, "description": s.description,
        "created": time(s.created.as_ref()), "updated": time(s.updated.as_ref()),
    })
}

fn pool_json(p: &pb::Pool) -> Value {
    json!({"id": p.id, "subnet_id": p.subnet_id, "start": p.start, "end": p.end,
           "exclusions": p.exclusions, "description": p.description})
}

fn reservation_json(r: &pb::Reservation) -> Value {
    json!({"id": r.id, "subnet_id": r.subnet_id, "mac": opt(&r.mac), "client_id": opt(&r.client_id),
           "ip": r.ip, "hostname": opt(&r.hostname), "labels": r.labels})
}

fn option_json(o: &pb::OptionValue) -> Value {
    json!({"code": o.code, "name": o.name, "value": o.value})
}

fn state_name(v: i32) -> String {
    pb::LeaseState::try_from(v).map_or_else(
        |_| format!("state-{v}"),
        |s| {
            s.as_str_name()
                .trim_start_matches("LEASE_STATE_")
                .to_ascii_lowercase()
        },
    )
}

fn lease_json(l: &pb::Lease) -> Value {
    json!({"ip": l.ip, "subnet_id": l.subnet_id, "mac": opt(&l.mac), "client_id": opt(&l.client_id),
           "hostname": opt(&l.hostname), "state": state_name(l.state),
           "starts": time(l.starts.as_ref()), "expires": time(l.ends.as_ref())})
}

fn labels(list: &[String]) -> anyhow::Result<HashMap<String, String>> {
    list.iter().map(|l| name_value("--label", l)).collect()
}

impl Client {
    async fn new(conn: &Conn, out: Format) -> anyhow::Result<Self> {
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
            server: pb::server_client::ServerClient::new(ch),
            out,
        })
    }

    /// A subnet named by CIDR or id.
    async fn subnet(&mut self, s: &str) -> anyhow::Result<pb::Subnet> {
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

    async fn subnet_id(&mut self, s: Option<&str>) -> anyhow::Result<u64> {
        match s {
            Some(s) => Ok(self.subnet(s).await?.id),
            None => Ok(0),
        }
    }

    async fn scope(&mut self, s: Scope) -> anyhow::Result<pb::OptionScope> {
        use pb::option_scope::Scope as S;
        let scope = if s.global {
            S::Global(true)
        } else if let Some(sub) = s.subnet {
            S::SubnetId(self.subnet(&sub).await?.id)
        } else if let Some(p) = s.pool {
            S::PoolId(p)
        } else if let Some(r) = s.reservation {
            S::ReservationId(r)
        } else {
            bail!("give one of --global, --subnet, --pool, --reservation");
        };
        Ok(pb::OptionScope { scope: Some(scope) })
    }

    fn print_subnets(&self, list: &[pb::Subnet]) {
        match self.out {
            Format::Json => output::json(&Value::Array(list.iter().map(subnet_json).collect())),
            Format::Table => table(
                &[
                    "ID",
                    "CIDR",
                    "INTERFACE",
                    "RELAYS",
                    "LEASE",
                    "AUTHORITATIVE",
                    "DESCRIPTION",
                ],
                &list
                    .iter()
                    .map(|s| {
                        vec![
                            s.id.to_string(),
                            s.cidr.clone(),
                            cell(&s.interface),
                            cell(&s.relay_addresses.join(",")),
                            format!(
                                "{}s [{}-{}]",
                                s.lease_time_default, s.lease_time_min, s.lease_time_max
                            ),
                            s.authoritative.unwrap_or(true).to_string(),
                            cell(&s.description),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn print_pools(&self, list: &[pb::Pool]) {
        match self.out {
            Format::Json => output::json(&Value::Array(list.iter().map(pool_json).collect())),
            Format::Table => table(
                &["ID", "SUBNET", "START", "END", "EXCLUSIONS"],
                &list
                    .iter()
                    .map(|p| {
                        vec![
                            p.id.to_string(),
                            p.subnet_id.to_string(),
                            p.start.clone(),
                            p.end.clone(),
                            cell(&p.exclusions.join(",")),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn print_reservations(&self, list: &[pb::Reservation]) {
        match self.out {
            Format::Json => {
                output::json(&Value::Array(list.iter().map(reservation_json).collect()))
            }
            Format::Table => table(
                &[
                    "ID",
                    "SUBNET",
                    "IP",
                    "MAC",
                    "CLIENT-ID",
                    "HOSTNAME",
                    "LABELS",
                ],
                &list
                    .iter()
                    .map(|r| {
                        let mut l: Vec<String> =
                            r.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
                        l.sort();
                        vec![
                            r.id.to_string(),
                            r.subnet_id.to_string(),
                            r.ip.clone(),
                            cell(&r.mac),
                            cell(&r.client_id),
                            cell(&r.hostname),
                            cell(&l.join(",")),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn print_options(&self, list: &[pb::OptionValue]) {
        match self.out {
            Format::Json => output::json(&Value::Array(list.iter().map(option_json).collect())),
            Format::Table => table(
                &["CODE", "NAME", "VALUE"],
                &list
                    .iter()
                    .map(|o| vec![o.code.to_string(), o.name.clone(), o.value.clone()])
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn print_leases(&self, list: &[pb::Lease]) {
        match self.out {
            Format::Json => output::json(&Value::Array(list.iter().map(lease_json).collect())),
            Format::Table => table(
                &["IP", "MAC", "STATE", "HOSTNAME", "EXPIRES", "CLIENT-ID"],
                &list
                    .iter()
                    .map(|l| {
                        vec![
                            l.ip.clone(),
                            cell(&l.mac),
                            state_name(l.state),
                            cell(&l.hostname),
                            time(l.ends.as_ref()),
                            cell(&l.client_id),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn print_one(&self, v: Value, rows: Vec<(&str, String)>) {
        match self.out {
            Format::Json => output::json(&v),
            Format::Table => {
                let w = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
                for (k, val) in rows {
                    println!("{k:<w$}  {val}");
                }
            }
        }
    }

    async fn status(&mut self) -> anyhow::Result<()> {
        let s = self
            .server
            .get_status(pb::GetStatusRequest {})
            .await
            .map_err(rpc)?
            .into_inner();
        let mut leases: Vec<_> = s.leases.iter().collect();
        leases.sort();
        let mut counters: Vec<_> = s.counters.iter().collect();
        counters.sort();
        let v = json!({"version": s.version, "store_backend": s.store_backend, "store_location": s.store_location,
            "store_healthy": s.store_healthy, "started": time(s.started.as_ref()), "subnets": s.subnets,
            "pools": s.pools, "reservations": s.reservations, "leases": s.leases, "counters": s.counters});
        let join = |m: &[(&String, &u64)]| {
            m.iter()
                .map(|(k, n)| format!("{k}={n}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        self.print_one(
            v,
            vec![
                ("version", s.version.clone()),
                ("store", format!("{} {}", s.store_backend, s.store_location)),
                ("store healthy", s.store_healthy.to_string()),
                ("started", time(s.started.as_ref())),
                ("subnets", s.subnets.to_string()),
                ("pools", s.pools.to_string()),
                ("reservations", s.reservations.to_string()),
                ("leases", cell(&join(&leases))),
                ("counters", cell(&join(&counters))),
            ],
        );
        Ok(())
    }

    async fn subnet_cmd(&mut self, cmd: SubnetCmd) -> anyhow::Result<()> {
        match cmd {
            SubnetCmd::Add {
                cidr,
                settings: st,
                lease_time,
                min_lease_time,
                max_lease_time,
                t1,
                t2,
                interface,
                relay,
                non_authoritative,
                rapid_commit,
                bootp,
                description,
            } => {
                let subnet = pb::Subnet {
                    cidr,
                    interface: interface.unwrap_or_default(),
                    relay_addresses: relay,
                    lease_time_min: min_lease_time.unwrap_or(0),
                    lease_time_default: lease_time.unwrap_or(0),
                    lease_time_max: max_lease_time.unwrap_or(0),
                    t1: t1.unwrap_or(0),
                    t2: t2.unwrap_or(0),
                    authoritative: Some(!non_authoritative),
                    rapid_commit,
                    bootp,
                    description,
                    ..Default::default()
                };
                let req = pb::CreateSubnetRequest {
                    subnet: Some(subnet),
                    options: settings(st)?,
                };
                let s = self
                    .subnets
                    .create_subnet(req)
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_subnets(&[s]);
            }
            SubnetCmd::List { interface } => {
                let client = self.subnets.clone();
                let all = all_pages(|page_token| {
                    let mut c = client.clone();
                    let req = pb::ListSubnetsRequest {
                        page_size: 1000,
                        page_token,
                        interface: interface.clone().unwrap_or_default(),
                    };
                    async move {
                        c.list_subnets(req)
                            .await
                            .map(|r| r.into_inner())
                            .map(|r| (r.subnets, r.next_page_token))
                    }
                })
                .await?;
                self.print_subnets(&all);
            }
            SubnetCmd::Get { subnet } => {
                let s = self.subnet(&subnet).await?;
                let scope = pb::OptionScope {
                    scope: Some(pb::option_scope::Scope::SubnetId(s.id)),
                };
                let opts = self
                    .options
                    .list_options(pb::ListOptionsRequest { scope: Some(scope) })
                    .await
                    .map_err(rpc)?
                    .into_inner()
                    .options;
                let mut v = subnet_json(&s);
                v["options"] = Value::Array(opts.iter().map(option_json).collect());
                let mut rows = vec![
                    ("id", s.id.to_string()),
                    ("cidr", s.cidr.clone()),
                    ("interface", cell(&s.interface)),
                    ("relays", cell(&s.relay_addresses.join(","))),
                    (
                        "lease time",
                        format!(
                            "default {}s, min {}s, max {}s",
                            s.lease_time_default, s.lease_time_min, s.lease_time_max
                        ),
                    ),
                    (
                        "t1/t2",
                        format!(
                            "{}/{}",
                            if s.t1 == 0 {
                                "50%".into()
                            } else {
                                format!("{}s", s.t1)
                            },
                            if s.t2 == 0 {
                                "87.5%".into()
                            } else {
                                format!("{}s", s.t2)
                            }
                        ),
                    ),
                    ("authoritative", s.authoritative.unwrap_or(true).to_string()),
                    ("description", cell(&s.description)),
                ];
                for o in &opts {
                    rows.push(("option", format!("{} = {}", o.name, o.value)));
                }
                self.print_one(v, rows);
            }
            SubnetCmd::Update {
                subnet,
                lease_time,
                min_lease_time,
                max_lease_time,
                t1,
                t2,
                interface,
                relay,
                authoritative,
                rapid_commit,
                bootp,
                description,
            } => {
                let id = self.subnet(&subnet).await?.id;
                let req = pb::UpdateSubnetRequest {
                    id,
                    interface,
                    relay_addresses: relay.map(|r| pb::RelayAddresses {
                        addresses: r
                            .split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                            .collect(),
                    }),
                    lease_time_min: min_lease_time,
                    lease_time_default: lease_time,
                    lease_time_max: max_lease_time,
                    t1,
                    t2,
                    authoritative,
                    rapid_commit,
                    bootp,
                    description,
                };
                let s = self
                    .subnets
                    .update_subnet(req)
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_subnets(&[s]);
            }
            SubnetCmd::Delete { subnet, force } => {
                let s = self.subnet(&subnet).await?;
                self.subnets
                    .delete_subnet(pb::DeleteSubnetRequest { id: s.id, force })
                    .await
                    .map_err(rpc)?;
                self.done(
                    json!({"deleted": subnet_json(&s)}),
                    &format!("deleted subnet {}", s.cidr),
                );
            }
        }
        Ok(())
    }

    fn done(&self, v: Value, text: &str) {
        match self.out {
            Format::Json => output::json(&v),
            Format::Table => println!("{text}"),
        }
    }

    async fn pool_cmd(&mut self, cmd: PoolCmd) -> anyhow::Result<()> {
        match cmd {
            PoolCmd::Add {
                subnet,
                range,
                exclude,
                description,
            } => {
                let subnet_id = self.subnet(&subnet).await?.id;
                let (start, end) = range
                    .split_once('-')
                    .map_or((range.clone(), range.clone()), |(a, b)| {
                        (a.into(), b.into())
                    });
                let pool = pb::Pool {
                    subnet_id,
                    start,
                    end,
                    exclusions: exclude,
                    description,
                    ..Default::default()
                };
                let p = self
                    .pools
                    .create_pool(pb::CreatePoolRequest { pool: Some(pool) })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_pools(&[p]);
            }
            PoolCmd::List { subnet } => {
                let subnet_id = self.subnet_id(subnet.as_deref()).await?;
                let client = self.pools.clone();
                let all = all_pages(|page_token| {
                    let mut c = client.clone();
                    let req = pb::ListPoolsRequest {
                        subnet_id,
                        page_size: 1000,
                        page_token,
                    };
                    async move {
                        c.list_pools(req)
                            .await
                            .map(|r| r.into_inner())
                            .map(|r| (r.pools, r.next_page_token))
                    }
                })
                .await?;
                self.print_pools(&all);
            }
            PoolCmd::Get { id } => {
                let p = self
                    .pools
                    .get_pool(pb::GetPoolRequest { id })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_pools(&[p]);
            }
            PoolCmd::Update { id, range, exclude } => {
                let (start, end) = match range {
                    Some(r) => {
                        let (a, b) = r
                            .split_once('-')
                            .map_or((r.clone(), r.clone()), |(a, b)| (a.into(), b.into()));
                        (Some(a), Some(b))
                    }
                    None => (None, None),
                };
                let exclusions = exclude.map(|x| pb::Exclusions {
                    ranges: x
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                });
                let req = pb::UpdatePoolRequest {
                    id,
                    start,
                    end,
                    exclusions,
                    description: None,
                };
                let p = self.pools.update_pool(req).await.map_err(rpc)?.into_inner();
                self.print_pools(&[p]);
            }
            PoolCmd::Delete { id } => {
                self.pools
                    .delete_pool(pb::DeletePoolRequest { id })
                    .await
                    .map_err(rpc)?;
                self.done(json!({"deleted": id}), &format!("deleted pool {id}"));
            }
        }
        Ok(())
    }

    async fn reservation_cmd(&mut self, cmd: ReservationCmd) -> anyhow::Result<()> {
        match cmd {
            ReservationCmd::Add {
                mac,
                client_id,
                ip,
                hostname,
                subnet,
                labels: l,
                options,
            } => {
                let subnet_id = self.subnet_id(subnet.as_deref()).await?;
                let reservation = pb::Reservation {
                    subnet_id,
                    mac: mac.unwrap_or_default(),
                    client_id: client_id.unwrap_or_default(),
                    ip,
                    hostname: hostname.unwrap_or_default(),
                    labels: labels(&l)?,
                    ..Default::default()
                };
                let options = options
                    .iter()
                    .map(|o| name_value("--option", o).map(|(n, v)| setting(&n, v)))
                    .collect::<anyhow::Result<_>>()?;
                let req = pb::CreateReservationRequest {
                    reservation: Some(reservation),
                    options,
                };
                let r = self
                    .reservations
                    .create_reservation(req)
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_reservations(&[r]);
            }
            ReservationCmd::List {
                subnet,
                mac,
                ip,
                hostname,
                label,
            } => {
                let subnet_id = self.subnet_id(subnet.as_deref()).await?;
                let client = self.reservations.clone();
                let all = all_pages(|page_token| {
                    let mut c = client.clone();
                    let req = pb::ListReservationsRequest {
                        subnet_id,
                        mac: mac.clone().unwrap_or_default(),
                        ip: ip.clone().unwrap_or_default(),
                        hostname: hostname.clone().unwrap_or_default(),
                        label: label.clone().unwrap_or_default(),
                        page_size: 1000,
                        page_token,
                    };
                    async move {
                        c.list_reservations(req)
                            .await
                            .map(|r| r.into_inner())
                            .map(|r| (r.reservations, r.next_page_token))
                    }
                })
                .await?;
                self.print_reservations(&all);
            }
            ReservationCmd::Get { key } => {
                let r = self.find_reservation(key).await?;
                self.print_reservations(&[r]);
            }
            ReservationCmd::Update {
                id,
                ip,
                mac,
                hostname,
                labels: l,
            } => {
                let req = pb::UpdateReservationRequest {
                    id,
                    mac,
                    client_id: None,
                    ip,
                    hostname,
                    labels: l
                        .map(|l| labels(&l).map(|labels| pb::Labels { labels }))
                        .transpose()?,
                };
                let r = self
                    .reservations
                    .update_reservation(req)
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_reservations(&[r]);
            }
            ReservationCmd::Delete { key } => {
                use pb::delete_reservation_request::Key;
                let k = match (key.mac, key.ip, key.id) {
                    (Some(m), _, _) => Key::Mac(m),
                    (_, Some(i), _) => Key::Ip(i),
                    (_, _, Some(id)) => Key::Id(id),
                    _ => bail!("give one of --mac, --ip, --id"),
                };
                let r = self
                    .reservations
                    .delete_reservation(pb::DeleteReservationRequest { key: Some(k) })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                let d = r.deleted.unwrap_or_default();
                self.done(
                    json!({"deleted": reservation_json(&d)}),
                    &format!("deleted reservation {} ({} {})", d.id, d.ip, cell(&d.mac)),
                );
            }
        }
        Ok(())
    }

    async fn find_reservation(&mut self, key: ReservationKey) -> anyhow::Result<pb::Reservation> {
        use pb::get_reservation_request::Key;
        if let Some(mac) = key.mac {
            let req = pb::ListReservationsRequest {
                mac: mac.clone(),
                page_size: 2,
                ..Default::default()
            };
            let mut list = self
                .reservations
                .list_reservations(req)
                .await
                .map_err(rpc)?
                .into_inner()
                .reservations;
            return match list.len() {
                0 => Err(anyhow!("no reservation for {mac} [NotFound]")),
                1 => Ok(list.remove(0)),
                _ => Err(anyhow!(
                    "{mac} has reservations in several subnets; use --id [FailedPrecondition]"
                )),
            };
        }
        let k = match (key.ip, key.id) {
            (Some(ip), _) => Key::Ip(ip),
            (_, Some(id)) => Key::Id(id),
            _ => bail!("give one of --mac, --ip, --id"),
        };
        Ok(self
            .reservations
            .get_reservation(pb::GetReservationRequest { key: Some(k) })
            .await
            .map_err(rpc)?
            .into_inner())
    }

    async fn option_cmd(&mut self, cmd: OptionCmd) -> anyhow::Result<()> {
        match cmd {
            OptionCmd::Set {
                scope,
                name,
                value,
                hex,
            } => {
                let scope = self.scope(scope).await?;
                let option = pb::OptionSetting { name, value, hex };
                let o = self
                    .options
                    .set_option(pb::SetOptionRequest {
                        scope: Some(scope),
                        option: Some(option),
                    })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_options(&[o]);
            }
            OptionCmd::List { scope, effective } => {
                let req = pb::ListOptionsRequest {
                    scope: Some(self.scope(scope).await?),
                };
                let r = if effective {
                    self.options.resolve_options(req).await
                } else {
                    self.options.list_options(req).await
                };
                self.print_options(&r.map_err(rpc)?.into_inner().options);
            }
            OptionCmd::Delete { scope, name } => {
                let scope = self.scope(scope).await?;
                self.options
                    .delete_option(pb::DeleteOptionRequest {
                        scope: Some(scope),
                        name: name.clone(),
                    })
                    .await
                    .map_err(rpc)?;
                self.done(json!({"deleted": name}), &format!("deleted option {name}"));
            }
            OptionCmd::Names => {
                let defs = self
                    .options
                    .list_option_definitions(pb::ListOptionDefinitionsRequest {})
                    .await
                    .map_err(rpc)?
                    .into_inner()
                    .definitions;
                match self.out {
                    Format::Json => output::json(&Value::Array(
                        defs.iter()
                            .map(|d| json!({"code": d.code, "name": d.name, "type": d.r#type}))
                            .collect(),
                    )),
                    Format::Table => table(
                        &["CODE", "NAME", "TYPE"],
                        &defs
                            .iter()
                            .map(|d| vec![d.code.to_string(), d.name.clone(), d.r#type.clone()])
                            .collect::<Vec<_>>(),
                    ),
                }
            }
        }
        Ok(())
    }

    async fn lease_cmd(&mut self, cmd: LeaseCmd) -> anyhow::Result<()> {
        match cmd {
            LeaseCmd::List {
                subnet,
                mac,
                state,
                ip,
                client_id,
            } => {
                let subnet_id = self.subnet_id(subnet.as_deref()).await?;
                let state = match state.as_deref() {
                    None => pb::LeaseState::Unspecified,
                    Some(s) => pb::LeaseState::from_str_name(&format!("LEASE_STATE_{}", s.to_ascii_uppercase()))
                        .filter(|s| *s != pb::LeaseState::Unspecified)
                        .ok_or_else(|| anyhow!("--state {s:?} is not a lease state; use offered, bound, released, expired or declined"))?,
                };
                let client = self.leases.clone();
                let all = all_pages(|page_token| {
                    let mut c = client.clone();
                    let req = pb::ListLeasesRequest {
                        subnet_id,
                        mac: mac.clone().unwrap_or_default(),
                        state: state.into(),
                        ip: ip.clone().unwrap_or_default(),
                        client_id: client_id.clone().unwrap_or_default(),
                        page_size: 1000,
                        page_token,
                    };
                    async move {
                        c.list_leases(req)
                            .await
                            .map(|r| r.into_inner())
                            .map(|r| (r.leases, r.next_page_token))
                    }
                })
                .await?;
                self.print_leases(&all);
            }
            LeaseCmd::Get { ip } => {
                let l = self
                    .leases
                    .get_lease(pb::GetLeaseRequest { ip })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_leases(&[l]);
            }
            LeaseCmd::Release { ip } => {
                let l = self
                    .leases
                    .release_lease(pb::ReleaseLeaseRequest { ip })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                self.print_leases(&[l]);
            }
        }
        Ok(())
    }
}

impl Client {
    async fn audit(&mut self, principal: Option<String>, limit: u32) -> anyhow::Result<()> {
        let mut all = Vec::new();
        let mut page_token = String::new();
        while all.len() < limit as usize {
            let r = self
                .audit
                .list_audit(pb::ListAuditRequest {
                    page_size: (limit as usize - all.len()).min(1000) as u32,
                    page_token,
                    principal: principal.clone().unwrap_or_default(),
                })
                .await
                .map_err(rpc)?
                .into_inner();
            all.extend(r.entries);
            if r.next_page_token.is_empty() {
                break;
            }
            page_token = r.next_page_token;
        }
        let parse = |s: &str| {
            if s.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string()))
            }
        };
        match self.out {
            Format::Json => output::json(&Value::Array(
                all.iter()
                    .map(|e| {
                        json!({
                            "id": e.id,
                            "time": output::time_micros(e.time.as_ref()),
                            "principal": e.principal,
                            "action": e.action,
                            "object": e.object,
                            "before": parse(&e.before),
                            "after": parse(&e.after),
                        })
                    })
                    .collect(),
            )),
            Format::Table => table(
                &["ID", "TIME", "PRINCIPAL", "ACTION", "OBJECT"],
                &all.iter()
                    .map(|e| {
                        vec![
                            e.id.to_string(),
                            time(e.time.as_ref()),
                            e.principal.clone(),
                            e.action.clone(),
                            e.object.clone(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        }
        Ok(())
    }

    async fn token_cmd(&mut self, cmd: TokenCmd) -> anyhow::Result<()> {
        let role_name = |r: i32| {
            pb::Role::try_from(r)
                .map(|r| {
                    r.as_str_name()
                        .trim_start_matches("ROLE_")
                        .to_ascii_lowercase()
                })
                .unwrap_or_default()
        };
        let show = |this: &Self, tokens: &[pb::Token]| {
            match this.out {
            Format::Json => output::json(&Value::Array(
                tokens
                    .iter()
                    .map(|t| json!({"name": t.name, "role": role_name(t.role), "created": time(t.created.as_ref())}))
                    .collect(),
            )),
            Format::Table => table(
                &["NAME", "ROLE", "CREATED"],
                &tokens
                    .iter()
                    .map(|t| vec![t.name.clone(), role_name(t.role), time(t.created.as_ref())])
                    .collect::<Vec<_>>(),
            ),
        }
        };
        match cmd {
            TokenCmd::Create { role, name } => {
                let r = pb::Role::from_str_name(&format!("ROLE_{}", role.to_ascii_uppercase()))
                    .filter(|r| *r != pb::Role::Unspecified)
                    .ok_or_else(|| {
                        anyhow!("--role {role:?} is not a role; use viewer, operator or admin")
                    })?;
                let t = self
                    .tokens
                    .create_token(pb::CreateTokenRequest {
                        name,
                        role: r.into(),
                    })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                match self.out {
                    Format::Json => output::json(&json!({
                        "name": t.token.as_ref().map(|t| t.name.clone()),
                        "role": role,
                        "secret": t.secret,
                    })),
                    // The secret alone, so `$(dhcpctl token create ...)` captures it.
                    Format::Table => println!("{}", t.secret),
                }
            }
            TokenCmd::List => {
                let all = self
                    .tokens
                    .list_tokens(pb::ListTokensRequest {})
                    .await
                    .map_err(rpc)?
                    .into_inner()
                    .tokens;
                show(self, &all);
            }
            TokenCmd::Revoke { name } => {
                let t = self
                    .tokens
                    .revoke_token(pb::RevokeTokenRequest { name })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                show(self, &[t]);
            }
        }
        Ok(())
    }
}

impl Client {
    async fn apply(
        &mut self,
        file: &std::path::Path,
        dry_run: bool,
        prune: bool,
    ) -> anyhow::Result<()> {
        use std::io::Read as _;
        let name = file.display().to_string();
        let mut text = String::new();
        if name == "-" {
            std::io::stdin().read_to_string(&mut text)
        } else {
            std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text))
        }
        .map_err(|e| anyhow!("cannot read {name}: {e}"))?;
        let (doc, reader) = site::read(&name, &text).map_err(|problems| {
            anyhow!(
                "{name}: {} problem(s); nothing was sent:\n  {}",
                problems.len(),
                problems.join("\n  ")
            )
        })?;
        let r = self
            .site
            .apply_site(pb::ApplySiteRequest {
                site: Some(doc),
                dry_run,
                prune,
            })
            .await
            .map_err(|s| {
                if s.code() == tonic::Code::InvalidArgument {
                    let lines = site::locate(&name, &reader, s.message());
                    if !lines.is_empty() {
                        let head = s.message().lines().next().unwrap_or_default();
                        return anyhow!("{head}\n  {}", lines.join("\n  "));
                    }
                }
                rpc(s)
            })?
            .into_inner();
        match self.out {
            Format::Json => output::json(&json!({
                "applied": r.applied,
                "changes": r.changes.iter().map(|c| json!({
                    "action": c.action,
                    "kind": c.kind,
                    "object": c.object,
                    "detail": c.detail,
                    "path": c.path,
                    "id": c.id,
                })).collect::<Vec<_>>(),
            })),
            Format::Table => {
                if !r.changes.is_empty() {
                    table(
                        &["ACTION", "KIND", "OBJECT", "CHANGE"],
                        &r.changes
                            .iter()
                            .map(|c| {
                                vec![
                                    c.action.clone(),
                                    c.kind.clone(),
                                    c.object.clone(),
                                    c.detail.clone(),
                                ]
                            })
                            .collect::<Vec<_>>(),
                    );
                }
                let n = r.changes.len();
                match (n, r.applied) {
                    (0, _) => println!("no changes: the server already matches {name}"),
                    (_, true) => println!("{n} change(s) applied in one transaction"),
                    (_, false) => println!("dry run: {n} change(s) planned; nothing was changed"),
                }
            }
        }
        Ok(())
    }

    async fn export(&mut self, conn: &Conn) -> anyhow::Result<()> {
        let doc = self
            .site
            .export_site(pb::ExportSiteRequest {})
            .await
            .map_err(rpc)?
            .into_inner();
        print!("{}", site::write(&doc, conn.server()));
        Ok(())
    }
}

/// Asks the standard health service until it says SERVING or `wait` runs out.
async fn health(conn: &Conn, wait: f64, out: Format) -> anyhow::Result<()> {
    use tonic_health::pb::{
        health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
    };
    let deadline = Instant::now() + Duration::from_secs_f64(wait.max(0.0));
    let mut delay = Duration::from_millis(10);
    loop {
        let attempt = async {
            let mut c = HealthClient::new(connect(conn).await?);
            let r = c
                .check(HealthCheckRequest {
                    service: String::new(),
                })
                .await
                .map_err(rpc)?
                .into_inner();
            anyhow::Ok(r.status())
        };
        let last = match attempt.await {
            Ok(ServingStatus::Serving) => {
                match out {
                    Format::Json => output::json(&json!({"status": "SERVING"})),
                    Format::Table => println!("SERVING"),
                }
                return Ok(());
            }
            Ok(s) => anyhow!("dhcplaned at {} is {}", conn.url(), s.as_str_name()),
            Err(e) => e,
        };
        if Instant::now() >= deadline {
            return Err(last);
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_millis(200));
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let conn = Conn::resolve(&cli)?;
    let cli = match cli.command {
        Cmd::Health { wait } => return health(&conn, wait, cli.output).await,
        Cmd::Watch(a) => return watch(&conn, a, cli.output).await,
        command => Cli { command, ..cli },
    };
    let mut c = Client::new(&conn, cli.output).await?;
    match cli.command {
        Cmd::Status => c.status().await,
        Cmd::Health { .. } | Cmd::Watch(_) => Ok(()),
        Cmd::Subnet(cmd) => c.subnet_cmd(cmd).await,
        Cmd::Pool(cmd) => c.pool_cmd(cmd).await,
        Cmd::Reservation(cmd) => c.reservation_cmd(cmd).await,
        Cmd::Option(cmd) => c.option_cmd(cmd).await,
        Cmd::Lease(cmd) => c.lease_cmd(cmd).await,
        Cmd::Token(cmd) => c.token_cmd(cmd).await,
        Cmd::Audit { principal, limit } => c.audit(principal, limit).await,
        Cmd::Apply {
            file,
            dry_run,
            prune,
        } => c.apply(&file, dry_run, prune).await,
        Cmd::Export => c.export(&conn).await,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("dhcpctl: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dhcpctl: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
