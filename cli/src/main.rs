//! `dhcpctl`: the command-line client of dhcplaned's gRPC API. Tables for
//! people, `-o json` for machines; a failed call prints the server's message
//! and exits non-zero. This file holds the top-level flags and the dispatch
//! to each command group (`cmd/`); it does no work of its own.

mod client;
mod cmd;
mod conn;
mod list;
mod output;
mod site_file;
mod yaml;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use client::Client;
use cmd::audit::AuditArgs;
use cmd::defaults::DefaultsCmd;
use cmd::health::HealthArgs;
use cmd::lease::LeaseCmd;
use cmd::option::OptionCmd;
use cmd::pool::PoolCmd;
use cmd::reservation::ReservationCmd;
use cmd::site::ApplyArgs;
use cmd::subnet::SubnetCmd;
use cmd::token::TokenCmd;
use cmd::watch::WatchArgs;
use conn::{Conn, ConnArgs};
use output::Format;

/// dhcpctl: provision and inspect a dhcplaned server.
#[derive(Debug, Parser)]
#[command(name = "dhcpctl", version)]
struct Cli {
    #[command(flatten)]
    conn: ConnArgs,

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
    Health(HealthArgs),
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
    /// Server-wide boot fields (next server, server name, boot file) for
    /// clients whose reservation and subnet leave them unset.
    #[command(subcommand)]
    Defaults(DefaultsCmd),
    /// Leases handed out.
    #[command(subcommand)]
    Lease(LeaseCmd),
    /// API tokens (admin).
    #[command(subcommand)]
    Token(TokenCmd),
    /// The audit log of changes, newest first.
    Audit(AuditArgs),
    /// Bring the server to the state a site file describes, in one
    /// transaction; prints each change. A file with any problem changes
    /// nothing and every problem is listed with its line.
    Apply(ApplyArgs),
    /// Write the whole provisioning state as a site file on standard
    /// output (`dhcpctl apply -f` takes it back).
    Export,
    /// Follow events as they happen: one line each, or one JSON object per
    /// line with -o json. Ends with an error naming the cursor to resume
    /// from if the server cuts the stream.
    Watch(WatchArgs),
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let conn = Conn::resolve(&cli.conn)?;
    let out = cli.output;
    // Health and watch open their own connections; every other command
    // connects once, before it does anything else.
    let client = || Client::new(&conn, out);
    match cli.command {
        Cmd::Health(a) => a.run(&conn, out).await,
        Cmd::Watch(a) => a.run(&conn, out).await,
        Cmd::Status => cmd::status::run(&mut client().await?).await,
        Cmd::Subnet(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Pool(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Reservation(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Option(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Defaults(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Lease(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Token(cmd) => cmd.run(&mut client().await?).await,
        Cmd::Audit(a) => a.run(&mut client().await?).await,
        Cmd::Apply(a) => a.run(&mut client().await?).await,
        Cmd::Export => cmd::site::export(&mut client().await?, &conn).await,
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
