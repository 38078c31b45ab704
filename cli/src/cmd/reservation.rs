//! `dhcpctl reservation`: fixed addresses for known clients (add, list,
//! show, change, delete), found by MAC, address or id; and how a
//! reservation is printed.

use std::collections::HashMap;

use anyhow::{anyhow, bail};
use clap::{Args, Subcommand};
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use super::boot::{Boot, BootFlags};
use super::{name_value, option};
use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output::{self, cell, opt};

/// `dhcpctl reservation ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum ReservationCmd {
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
        /// Boot fields for this client alone; unset ones come from the
        /// subnet, then the server-wide defaults.
        #[command(flatten)]
        boot: BootFlags,
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
        /// New boot fields; '' clears one (the subnet's then applies).
        #[command(flatten)]
        boot: BootFlags,
    },
    /// Delete a reservation.
    Delete {
        #[command(flatten)]
        key: ReservationKey,
    },
}

/// Which reservation: exactly one of its MAC, its address or its id.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct ReservationKey {
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

impl ReservationCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// Bad flags, no such reservation, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
            ReservationCmd::Add {
                mac,
                client_id,
                ip,
                hostname,
                subnet,
                labels: l,
                options,
                boot,
            } => {
                let subnet_id = c.subnet_id(subnet.as_deref()).await?;
                let reservation = pb::Reservation {
                    subnet_id,
                    mac: mac.unwrap_or_default(),
                    client_id: client_id.unwrap_or_default(),
                    ip,
                    hostname: hostname.unwrap_or_default(),
                    labels: labels(&l)?,
                    next_server: boot.next_server.unwrap_or_default(),
                    server_name: boot.server_name.unwrap_or_default(),
                    boot_file: boot.boot_file.unwrap_or_default(),
                    ..Default::default()
                };
                let req = pb::CreateReservationRequest {
                    reservation: Some(reservation),
                    options: option::settings(&options)?,
                };
                let r = c.reservations.create_reservation(req).await.map_err(rpc)?;
                list::print(c.out, &[r.into_inner()]);
            }
            ReservationCmd::List {
                subnet,
                mac,
                ip,
                hostname,
                label,
            } => {
                let subnet_id = c.subnet_id(subnet.as_deref()).await?;
                let filter = pb::ListReservationsRequest {
                    subnet_id,
                    mac: mac.unwrap_or_default(),
                    ip: ip.unwrap_or_default(),
                    hostname: hostname.unwrap_or_default(),
                    label: label.unwrap_or_default(),
                    ..Default::default()
                };
                let reservations = c.reservations.clone();
                list::print_pages(c.out, None, |page| {
                    let mut reservations = reservations.clone();
                    let req = pb::ListReservationsRequest {
                        page_size: page.size,
                        page_token: page.token,
                        ..filter.clone()
                    };
                    async move {
                        let r = reservations.list_reservations(req).await?.into_inner();
                        Ok((r.reservations, r.next_page_token))
                    }
                })
                .await?;
            }
            ReservationCmd::Get { key } => {
                let r = find(c, key).await?;
                list::print(c.out, &[r]);
            }
            ReservationCmd::Update {
                id,
                ip,
                mac,
                hostname,
                labels: l,
                boot,
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
                    next_server: boot.next_server,
                    server_name: boot.server_name,
                    boot_file: boot.boot_file,
                };
                let r = c.reservations.update_reservation(req).await.map_err(rpc)?;
                list::print(c.out, &[r.into_inner()]);
            }
            ReservationCmd::Delete { key } => delete(c, key).await?,
        }
        Ok(())
    }
}

/// `reservation delete`: by MAC, address or id.
async fn delete(c: &mut Client, key: ReservationKey) -> anyhow::Result<()> {
    use pb::delete_reservation_request::Key;
    let k = match (key.mac, key.ip, key.id) {
        (Some(m), _, _) => Key::Mac(m),
        (_, Some(i), _) => Key::Ip(i),
        (_, _, Some(id)) => Key::Id(id),
        _ => bail!("give one of --mac, --ip, --id"),
    };
    let r = c
        .reservations
        .delete_reservation(pb::DeleteReservationRequest { key: Some(k) })
        .await
        .map_err(rpc)?
        .into_inner();
    let d = r.deleted.unwrap_or_default();
    output::done(
        c.out,
        json!({"deleted": d.json()}),
        &format!("deleted reservation {} ({} {})", d.id, d.ip, cell(&d.mac)),
    );
    Ok(())
}

/// The one reservation `key` names. A MAC may be reserved in several
/// subnets; then it names none, and the id must be given.
async fn find(c: &mut Client, key: ReservationKey) -> anyhow::Result<pb::Reservation> {
    use pb::get_reservation_request::Key;
    if let Some(mac) = key.mac {
        let req = pb::ListReservationsRequest {
            mac: mac.clone(),
            page_size: 2,
            ..Default::default()
        };
        let mut list = c
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
    Ok(c.reservations
        .get_reservation(pb::GetReservationRequest { key: Some(k) })
        .await
        .map_err(rpc)?
        .into_inner())
}

/// `--label KEY=VALUE` flags as a map.
fn labels(list: &[String]) -> anyhow::Result<HashMap<String, String>> {
    list.iter().map(|l| name_value("--label", l)).collect()
}

impl Row for pb::Reservation {
    const HEADERS: &'static [&'static str] = &[
        "ID",
        "SUBNET",
        "IP",
        "MAC",
        "CLIENT-ID",
        "HOSTNAME",
        "LABELS",
        "BOOT",
    ];

    fn cells(&self) -> Vec<String> {
        let mut l: Vec<String> = self
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        l.sort();
        vec![
            self.id.to_string(),
            self.subnet_id.to_string(),
            self.ip.clone(),
            cell(&self.mac),
            cell(&self.client_id),
            cell(&self.hostname),
            cell(&l.join(",")),
            Boot {
                next_server: &self.next_server,
                server_name: &self.server_name,
                boot_file: &self.boot_file,
            }
            .cell(),
        ]
    }

    fn json(&self) -> Value {
        let r = self;
        json!({"id": r.id, "subnet_id": r.subnet_id, "mac": opt(&r.mac), "client_id": opt(&r.client_id),
               "ip": r.ip, "hostname": opt(&r.hostname), "labels": r.labels,
               "next_server": opt(&r.next_server), "server_name": opt(&r.server_name), "boot_file": opt(&r.boot_file)})
    }
}
