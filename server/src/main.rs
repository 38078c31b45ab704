//! `dhcplaned`: flags, bootstrap configuration, wiring, shutdown. Nothing else.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use dhcplane_server::config::{Config, FileConfig, Overrides};
use dhcplane_server::{api, store};
use tokio::net::TcpListener;
use tracing::{info, warn};

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

    /// Validate the configuration and exit.
    #[arg(long, global = true)]
    check_config: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default).
    Run,
    /// Apply pending store migrations and exit.
    Migrate,
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
            Command::Run => run(cfg).await,
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

async fn run(cfg: Config) -> anyhow::Result<()> {
    let store = open_store(&cfg).await?;
    info!(backend = %store.backend(), store = %store.location(), "store ready");
    if !cfg.grpc_listen.ip().is_loopback() {
        warn!(addr = %cfg.grpc_listen, "gRPC API listens beyond loopback: anyone who reaches this port can provision");
    }
    let listener = TcpListener::bind(cfg.grpc_listen)
        .await
        .with_context(|| format!("cannot listen on {} for gRPC", cfg.grpc_listen))?;
    if cfg.interfaces.is_empty() && cfg.listen.is_empty() {
        info!("no --interface or --listen given: serving the API only");
    } else {
        info!(interfaces = ?cfg.interfaces, listen = ?cfg.listen, "DHCP interfaces configured");
    }
    info!(addr = %listener.local_addr()?, version = env!("CARGO_PKG_VERSION"), "gRPC API listening");
    api::serve(api::Api::new(store), listener, shutdown_signal())
        .await
        .context("gRPC server failed")?;
    info!("stopped");
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
