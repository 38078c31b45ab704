//! `dhcplaned`: flags, bootstrap configuration, wiring, shutdown. Nothing else.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use dhcplane_server::api::auth;
use dhcplane_server::clock::now_unix;
use dhcplane_server::config::TlsFiles;
use dhcplane_server::config::{Config, FileConfig, Overrides};
use dhcplane_server::events::{Event, EventHub, EventKind};
use dhcplane_server::leases::LeaseService;
use dhcplane_server::metrics::Counters;
use dhcplane_server::model::Role;
use dhcplane_server::{api, net, serve, store};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing::{error, info, warn};

/// dhcplaned: a DHCP server driven through a gRPC API, with its leases and
/// provisioning data in PostgreSQL or an embedded SQLite file.
///
/// Settings come from --config FILE (TOML), then DHCPLANE_* environment
/// variables, then flags; later ones win.
#[derive(Debug, Parser)]
#[command(name = "dhcplaned", version)]
struct Cli {
    /// TOML file with any of: interfaces, listen, database_url, state_dir, grpc_listen.
    #[arg(long, short = 'c', env = "DHCPLANE_CONFIG", global = true)]
    config: Option<PathBuf>,

    /// Serve DHCP on this interface; repeat for several.
    #[arg(long = "interface", short = 'i', value_name = "IFACE", global = true)]
    interfaces: Vec<String>,

    /// Serve DHCP on this local address only; repeat for several.
    #[arg(long = "listen", value_name = "ADDR", global = true)]
    listen: Vec<Ipv4Addr>,

    /// Store URL: postgres://USER[:PASS]@HOST[:PORT]/DB or sqlite:PATH.
    /// Without it the embedded SQLite file STATE_DIR/dhcplane.db is used.
    #[arg(
        long,
        env = "DHCPLANE_DATABASE_URL",
        value_name = "URL",
        global = true,
        hide_env_values = true
    )]
    database_url: Option<String>,

    /// Directory for the embedded store and other state [default: /var/lib/dhcplane].
    #[arg(long, env = "DHCPLANE_STATE_DIR", value_name = "DIR", global = true)]
    state_dir: Option<PathBuf>,

    /// Address of the gRPC API [default: 127.0.0.1:6767]. Keep it on loopback
    /// unless the port is protected.
    #[arg(
        long,
        env = "DHCPLANE_GRPC_LISTEN",
        value_name = "ADDR:PORT",
        global = true
    )]
    grpc_listen: Option<SocketAddr>,

    /// UDP port DHCP requests arrive on [default: 67].
    #[arg(long, env = "DHCPLANE_DHCP_PORT", value_name = "PORT", global = true)]
    dhcp_port: Option<u16>,

    /// UDP port replies to clients go to [default: 68].
    #[arg(long, env = "DHCPLANE_CLIENT_PORT", value_name = "PORT", global = true)]
    client_port: Option<u16>,

    /// Seconds an offered address is held for the client [default: 30].
    #[arg(long, value_name = "SECS", global = true)]
    offer_hold: Option<u32>,

    /// Seconds a declined address stays out of use [default: 86400].
    #[arg(long, value_name = "SECS", global = true)]
    decline_probation: Option<u32>,

    /// Run as this user once the sockets are bound. Replies to clients
    /// without an address are then broadcast (adding ARP entries needs root).
    #[arg(long, value_name = "USER", global = true)]
    user: Option<String>,

    /// Lease commits in flight at once [default: 1]. More than one can help
    /// PostgreSQL on fast storage with spare cores; SQLite has one writer.
    #[arg(long, value_name = "N", global = true)]
    commit_lanes: Option<usize>,

    /// How long events are kept for subscribers to resume from [default: 7d].
    #[arg(long, value_name = "DURATION", global = true)]
    event_retention: Option<String>,

    /// Most events kept [default: 10000000].
    #[arg(long, value_name = "N", global = true)]
    event_retention_count: Option<u64>,

    /// PEM certificate chain the gRPC API presents (TLS).
    #[arg(long, value_name = "FILE", global = true)]
    tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, value_name = "FILE", global = true)]
    tls_key: Option<PathBuf>,

    /// PEM CA that API clients must present a certificate from (mTLS).
    #[arg(long, value_name = "FILE", global = true)]
    tls_client_ca: Option<PathBuf>,

    /// Serve the API in plaintext on a non-loopback --grpc-listen address
    /// (refused without this or TLS).
    #[arg(long, global = true)]
    grpc_insecure: bool,

    /// Events a live subscriber may fall behind before it is cut off with
    /// the cursor to resume from; also the in-memory replay ring [default: 65536].
    #[arg(long, value_name = "N", global = true)]
    event_buffer: Option<usize>,

    /// Validate the configuration and exit.
    #[arg(long, global = true)]
    check_config: bool,

    /// Once the gRPC API is bound, write its address (ADDR:PORT) to FILE:
    /// with --grpc-listen 127.0.0.1:0 the kernel picks a free port and
    /// whoever started the daemon reads it here.
    #[arg(long, value_name = "FILE", global = true)]
    grpc_addr_file: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default).
    Run,
    /// Apply pending store migrations and exit.
    Migrate,
    /// API tokens, straight in the store (works without a running daemon).
    #[command(subcommand)]
    Token(TokenCmd),
}

#[derive(Debug, Subcommand)]
enum TokenCmd {
    /// Creates a token and prints its secret, once, on stdout.
    Create {
        /// viewer, operator or admin.
        #[arg(long)]
        role: String,
        /// A unique name, e.g. provisioning.
        #[arg(long)]
        name: String,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();

    let file = match &cli.config {
        Some(p) => FileConfig::load(p).map_err(anyhow::Error::msg)?,
        None => FileConfig::default(),
    };
    let cfg = Config::resolve(
        file,
        Overrides {
            interfaces: cli.interfaces.clone(),
            listen: cli.listen.clone(),
            database_url: cli.database_url.clone(),
            state_dir: cli.state_dir.clone(),
            grpc_listen: cli.grpc_listen,
            dhcp_port: cli.dhcp_port,
            client_port: cli.client_port,
            offer_hold: cli.offer_hold,
            decline_probation: cli.decline_probation,
            user: cli.user.clone(),
            commit_lanes: cli.commit_lanes,
            event_retention: cli.event_retention.clone(),
            event_retention_count: cli.event_retention_count,
            event_buffer: cli.event_buffer,
            tls_cert: cli.tls_cert.clone(),
            tls_key: cli.tls_key.clone(),
            tls_client_ca: cli.tls_client_ca.clone(),
            grpc_insecure: cli.grpc_insecure.then_some(true),
        },
    )
    .map_err(anyhow::Error::msg)
    .context("invalid configuration")?;
    if cli.check_config {
        println!("configuration is valid");
        return Ok(());
    }

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(async move {
        match cli.command.unwrap_or(Command::Run) {
            Command::Migrate => migrate(&cfg).await,
            Command::Token(TokenCmd::Create { role, name }) => {
                token_create(&cfg, &role, &name).await
            }
            Command::Run => run(cfg, cli.grpc_addr_file.as_deref()).await,
        }
    })
}

async fn open_store(cfg: &Config) -> anyhow::Result<std::sync::Arc<dyn store::Store>> {
    let store = store::open(cfg.database_url.as_deref(), &cfg.state_dir)
        .await
        .context("cannot open the store")?;
    store.migrate().await.context("cannot migrate the store")?;
    Ok(store)
}

async fn migrate(cfg: &Config) -> anyhow::Result<()> {
    let store = open_store(cfg).await?;
    info!(backend = %store.backend(), store = %store.location(), "store migrated");
    Ok(())
}

async fn token_create(cfg: &Config, role: &str, name: &str) -> anyhow::Result<()> {
    let role: Role = role
        .parse()
        .map_err(|e: String| anyhow::anyhow!("--role {e}"))?;
    let store = open_store(cfg).await?;
    let secret = auth::new_secret().context("cannot make a secret")?;
    store
        .create_token(name, role, &auth::hash(&secret), now_unix())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    info!(token = name, role = %role, "token created");
    println!("{secret}");
    Ok(())
}

fn tls_config(t: &TlsFiles) -> anyhow::Result<tonic::transport::ServerTlsConfig> {
    use tonic::transport::{Certificate, Identity, ServerTlsConfig};
    let read = |p: &Path| std::fs::read(p).with_context(|| format!("cannot read {}", p.display()));
    let mut c = ServerTlsConfig::new().identity(Identity::from_pem(read(&t.cert)?, read(&t.key)?));
    if let Some(ca) = &t.client_ca {
        c = c.client_ca_root(Certificate::from_pem(read(ca)?));
    }
    Ok(c)
}

async fn run(cfg: Config, addr_file: Option<&Path>) -> anyhow::Result<()> {
    let store = open_store(&cfg).await?;
    // Held until run() returns: one serving daemon per database.
    let serving = store.lock_serving().await.map_err(anyhow::Error::new)?;
    info!(backend = %store.backend(), store = %store.location(), "store ready");
    let next_event = store
        .event_bounds()
        .await
        .context("cannot read the event log")?
        .map_or(1, |(_, last)| last + 1);
    let counters = std::sync::Arc::new(Counters::default());
    let (events, event_writer) = EventHub::new(next_event, cfg.event_buffer, counters.clone());
    let event_writer = tokio::spawn(dhcplane_server::events::run_writer(
        store.clone(),
        event_writer,
        cfg.event_retention,
    ));
    let leases = LeaseService::load(store.clone(), now_unix(), events.clone())
        .await
        .context("cannot load leases from the store")?;
    let tokens = auth::Tokens::load(store.as_ref())
        .await
        .context("cannot read API tokens")?;
    if !tokens.configured() {
        info!("no API tokens exist: callers on loopback are let in without one, others refused; create one with `dhcplaned token create`");
    }
    let tls = cfg.tls.as_ref().map(tls_config).transpose()?;
    if !cfg.grpc_listen.ip().is_loopback() && tls.is_none() {
        warn!(addr = %cfg.grpc_listen, "gRPC API serves plaintext beyond loopback (--grpc-insecure): tokens cross the network in clear");
    }
    let listener = TcpListener::bind(cfg.grpc_listen)
        .await
        .with_context(|| format!("cannot listen on {} for gRPC", cfg.grpc_listen))?;
    let mut sockets = Vec::new();
    for i in &cfg.interfaces {
        sockets.push(
            net::bind_interface(i, cfg.dhcp.server_port)
                .with_context(|| format!("cannot serve DHCP on interface {i}"))?,
        );
        info!(interface = %i, port = cfg.dhcp.server_port, "DHCP listening");
    }
    for a in &cfg.listen {
        sockets.push(
            net::bind_address(*a, cfg.dhcp.server_port)
                .with_context(|| format!("cannot serve DHCP on {a}"))?,
        );
        info!(addr = %a, port = cfg.dhcp.server_port, "DHCP listening");
    }
    if sockets.is_empty() {
        info!("no --interface or --listen given: serving the API only");
    }
    if let Some(user) = &cfg.user {
        // The embedded store must stay writable after the switch.
        let sqlite_in_state_dir = match &cfg.database_url {
            None => true,
            Some(u) => u
                .strip_prefix("sqlite:")
                .is_some_and(|f| Path::new(f).starts_with(&cfg.state_dir)),
        };
        drop_privileges(user, sqlite_in_state_dir.then_some(cfg.state_dir.as_path()))?;
    }
    let grpc_addr = listener.local_addr()?;
    if let Some(f) = addr_file {
        write_atomically(f, &grpc_addr.to_string())
            .with_context(|| format!("cannot write the gRPC address to {}", f.display()))?;
    }
    info!(addr = %grpc_addr, version = env!("CARGO_PKG_VERSION"), "gRPC API listening");

    events.emit(
        Event::new(EventKind::ServerStarted)
            .with("version", env!("CARGO_PKG_VERSION"))
            .with("store", store.backend()),
    );
    let (stop_tx, stop_rx) = watch::channel(false);
    let replies = net::Replies::new(cfg.dhcp.client_port, counters);
    let (handler, lease_tasks) = serve::start(
        &leases,
        cfg.dhcp,
        replies.clone(),
        cfg.commit_lanes,
        &stop_rx,
    );
    let dhcp = tokio::spawn(net::serve(
        std::sync::Arc::new(handler),
        sockets,
        replies,
        stop_rx,
    ));
    let stopping = events.clone();
    // Losing the lock to another daemon stops this one, with that error.
    let lost = serving.lost();
    let (lost_tx, mut lost_rx) = tokio::sync::oneshot::channel();
    let api = api::serve(
        api::Api::new(store, leases, tokens),
        listener,
        tls,
        async move {
            tokio::select! {
                () = shutdown_signal() => {}
                e = lost => {
                    error!(error = %e, "the serving lock was lost; stopping");
                    let _ = lost_tx.send(e);
                }
            }
            stopping.emit(Event::new(EventKind::ServerStopping));
            let _ = stop_tx.send(true);
        },
    );
    api.await.context("gRPC server failed")?;
    dhcp.await
        .context("DHCP task failed")?
        .context("DHCP failed")?;
    // The sockets are closed: what was decided is committed and answered.
    lease_tasks.finish().await;
    info!("DHCP stopped");
    // The last events (the leases committed at shutdown, "stopping") go to
    // the store once every holder of the hub is gone.
    drop(events);
    if tokio::time::timeout(std::time::Duration::from_secs(10), event_writer)
        .await
        .is_err()
    {
        warn!("events still unwritten after 10 s; stopping without them");
    }
    info!("stopped");
    match lost_rx.try_recv() {
        Ok(e) => Err(e.into()),
        Err(_) => Ok(()),
    }
}

/// Writes `text` to `path` through a temporary file renamed into place, so
/// a reader never sees it half written.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// Switches to `user` (and its primary group) for good, first giving it
/// `state_dir` and the files in it when the store lives there.
fn drop_privileges(user: &str, state_dir: Option<&Path>) -> anyhow::Result<()> {
    use nix::unistd::{setgid, setgroups, setuid, User};
    use std::os::unix::fs::chown;
    let u = User::from_name(user)
        .with_context(|| format!("cannot look up user {user}"))?
        .with_context(|| format!("user {user} does not exist"))?;
    if let Some(dir) = state_dir {
        let entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        let files = entries.filter_map(|e| e.ok().map(|e| e.path()));
        for p in std::iter::once(dir.to_path_buf()).chain(files) {
            chown(&p, Some(u.uid.as_raw()), Some(u.gid.as_raw()))
                .with_context(|| format!("cannot give {} to {user}", p.display()))?;
        }
    }
    setgroups(&[u.gid]).context("setgroups")?;
    setgid(u.gid).context("setgid")?;
    setuid(u.uid).context("setuid")?;
    info!(user, uid = u.uid.as_raw(), "privileges dropped");
    Ok(())
}

/// Completes on SIGTERM or SIGINT.
async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let (mut term, mut int) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(t), Ok(i)) => (t, i),
        _ => {
            warn!("cannot install signal handlers; stop with SIGKILL");
            return std::future::pending().await;
        }
    };
    let name = tokio::select! {
        _ = term.recv() => "SIGTERM",
        _ = int.recv() => "SIGINT",
    };
    info!(signal = name, "shutting down");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from([
            "dhcplaned",
            "--interface",
            "eth0",
            "-i",
            "eth1",
            "--database-url",
            "sqlite::memory:",
            "--grpc-listen",
            "127.0.0.1:7000",
            "migrate",
        ])
        .expect("parses");
        assert_eq!(cli.interfaces, ["eth0", "eth1"]);
        assert!(matches!(cli.command, Some(Command::Migrate)));
    }
}
