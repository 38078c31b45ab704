//! `dhcpctl subnet`: create, list, show, change and delete subnets, and how
//! a subnet is printed.

use clap::{Args, Subcommand};
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use super::boot::{Boot, BootFlags};
use super::{comma_list, option};
use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output::{self, cell, opt, time};

/// The options a subnet is usually created with, as flags.
#[derive(Debug, Args)]
pub(crate) struct SubnetSettings {
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

/// `dhcpctl subnet ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum SubnetCmd {
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
        /// Serve BOOTP clients without a reservation too, from the pools
        /// (dynamic BOOTP, RFC 1534); reservations keep precedence.
        #[arg(long)]
        bootp_dynamic: bool,
        /// How long a dynamic BOOTP binding lasts, in seconds; default (or 0):
        /// it does not expire.
        #[arg(long, value_name = "SECS")]
        bootp_lease_time: Option<u32>,
        #[command(flatten)]
        boot: BootFlags,
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
        /// BOOTP for clients with a reservation: true or false.
        #[arg(long)]
        bootp: Option<bool>,
        /// Dynamic BOOTP (clients without a reservation, from the pools):
        /// true or false.
        #[arg(long)]
        bootp_dynamic: Option<bool>,
        /// Dynamic BOOTP binding time in seconds; 0: bindings do not expire.
        #[arg(long, value_name = "SECS")]
        bootp_lease_time: Option<u32>,
        #[command(flatten)]
        boot: BootFlags,
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

impl SubnetCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// Bad flags, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
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
                bootp_dynamic,
                bootp_lease_time,
                boot,
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
                    bootp_dynamic,
                    bootp_lease_time: bootp_lease_time.unwrap_or(0),
                    next_server: boot.next_server.unwrap_or_default(),
                    server_name: boot.server_name.unwrap_or_default(),
                    boot_file: boot.boot_file.unwrap_or_default(),
                    description,
                    ..Default::default()
                };
                let req = pb::CreateSubnetRequest {
                    subnet: Some(subnet),
                    options: settings(st)?,
                };
                let s = c.subnets.create_subnet(req).await.map_err(rpc)?;
                list::print(c.out, &[s.into_inner()]);
            }
            SubnetCmd::List { interface } => {
                let subnets = c.subnets.clone();
                let interface = interface.unwrap_or_default();
                list::print_pages(c.out, None, |page| {
                    let mut subnets = subnets.clone();
                    let req = pb::ListSubnetsRequest {
                        page_size: page.size,
                        page_token: page.token,
                        interface: interface.clone(),
                    };
                    async move {
                        let r = subnets.list_subnets(req).await?.into_inner();
                        Ok((r.subnets, r.next_page_token))
                    }
                })
                .await?;
            }
            SubnetCmd::Get { subnet } => get(c, &subnet).await?,
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
                bootp_dynamic,
                bootp_lease_time,
                boot,
                description,
            } => {
                let id = c.subnet(&subnet).await?.id;
                let req = pb::UpdateSubnetRequest {
                    id,
                    interface,
                    relay_addresses: relay.map(|r| pb::RelayAddresses {
                        addresses: comma_list(&r),
                    }),
                    lease_time_min: min_lease_time,
                    lease_time_default: lease_time,
                    lease_time_max: max_lease_time,
                    t1,
                    t2,
                    authoritative,
                    rapid_commit,
                    bootp,
                    bootp_dynamic,
                    bootp_lease_time,
                    next_server: boot.next_server,
                    server_name: boot.server_name,
                    boot_file: boot.boot_file,
                    description,
                };
                let s = c.subnets.update_subnet(req).await.map_err(rpc)?;
                list::print(c.out, &[s.into_inner()]);
            }
            SubnetCmd::Delete { subnet, force } => {
                let s = c.subnet(&subnet).await?;
                c.subnets
                    .delete_subnet(pb::DeleteSubnetRequest { id: s.id, force })
                    .await
                    .map_err(rpc)?;
                output::done(
                    c.out,
                    json!({"deleted": s.json()}),
                    &format!("deleted subnet {}", s.cidr),
                );
            }
        }
        Ok(())
    }
}

/// `subnet get`: the subnet's settings and the options set on it.
async fn get(c: &mut Client, subnet: &str) -> anyhow::Result<()> {
    let s = c.subnet(subnet).await?;
    let scope = pb::OptionScope {
        scope: Some(pb::option_scope::Scope::SubnetId(s.id)),
    };
    let opts = c
        .options
        .list_options(pb::ListOptionsRequest { scope: Some(scope) })
        .await
        .map_err(rpc)?
        .into_inner()
        .options;
    let mut v = s.json();
    v["options"] = Value::Array(opts.iter().map(Row::json).collect());
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
            format!("{}/{}", renewal(s.t1, "50%"), renewal(s.t2, "87.5%")),
        ),
        ("authoritative", s.authoritative.unwrap_or(true).to_string()),
        ("bootp", bootp(&s)),
    ];
    rows.extend(boot(&s).rows());
    rows.push(("description", cell(&s.description)));
    for o in &opts {
        rows.push(("option", format!("{} = {}", o.name, o.value)));
    }
    output::record(c.out, v, rows);
    Ok(())
}

/// Which BOOTP clients the subnet serves, in words.
fn bootp(s: &pb::Subnet) -> String {
    match (s.bootp, s.bootp_dynamic, s.bootp_lease_time) {
        (false, false, _) => "off".into(),
        (true, false, _) => "clients with a reservation".into(),
        (_, true, 0) => "all clients (dynamic); bindings do not expire".into(),
        (_, true, secs) => format!("all clients (dynamic); bindings last {secs}s"),
    }
}

/// A subnet's boot fields.
fn boot(s: &pb::Subnet) -> Boot<'_> {
    Boot {
        next_server: &s.next_server,
        server_name: &s.server_name,
        boot_file: &s.boot_file,
    }
}

/// A T1 or T2 in words: seconds, or the share of the lease the server uses
/// when it is 0.
fn renewal(secs: u32, default: &str) -> String {
    if secs == 0 {
        default.into()
    } else {
        format!("{secs}s")
    }
}

/// The option settings the flags of `subnet add` name: the shorthands
/// first, then each `--option`.
fn settings(s: SubnetSettings) -> anyhow::Result<Vec<pb::OptionSetting>> {
    let mut out = Vec::new();
    if !s.router.is_empty() {
        out.push(option::setting("routers", s.router.join(",")));
    }
    if !s.dns.is_empty() {
        out.push(option::setting("domain-name-servers", s.dns.join(",")));
    }
    if let Some(d) = s.domain {
        out.push(option::setting("domain-name", d));
    }
    if !s.ntp.is_empty() {
        out.push(option::setting("ntp-servers", s.ntp.join(",")));
    }
    out.extend(option::settings(&s.options)?);
    Ok(out)
}

impl Row for pb::Subnet {
    const HEADERS: &'static [&'static str] = &[
        "ID",
        "CIDR",
        "INTERFACE",
        "RELAYS",
        "LEASE",
        "AUTHORITATIVE",
        "DESCRIPTION",
        "BOOTP",
        "BOOT",
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.cidr.clone(),
            cell(&self.interface),
            cell(&self.relay_addresses.join(",")),
            format!(
                "{}s [{}-{}]",
                self.lease_time_default, self.lease_time_min, self.lease_time_max
            ),
            self.authoritative.unwrap_or(true).to_string(),
            cell(&self.description),
            match (self.bootp, self.bootp_dynamic) {
                (_, true) => "dynamic".into(),
                (true, false) => "reserved".into(),
                (false, false) => "-".into(),
            },
            boot(self).cell(),
        ]
    }

    fn json(&self) -> Value {
        let s = self;
        json!({
            "id": s.id, "cidr": s.cidr, "interface": opt(&s.interface), "relay_addresses": s.relay_addresses,
            "lease_time_min": s.lease_time_min, "lease_time_default": s.lease_time_default,
            "lease_time_max": s.lease_time_max, "t1": s.t1, "t2": s.t2,
            "authoritative": s.authoritative.unwrap_or(true), "rapid_commit": s.rapid_commit, "bootp": s.bootp, "description": s.description,
            "created": time(s.created.as_ref()), "updated": time(s.updated.as_ref()),
            "bootp_dynamic": s.bootp_dynamic, "bootp_lease_time": s.bootp_lease_time,
            "next_server": opt(&s.next_server), "server_name": opt(&s.server_name), "boot_file": opt(&s.boot_file),
        })
    }
}
