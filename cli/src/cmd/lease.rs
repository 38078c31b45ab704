//! `dhcpctl lease`: the leases handed out (list, show, release), and how a
//! lease is printed.

use anyhow::anyhow;
use clap::Subcommand;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output::{cell, opt, time};

/// `dhcpctl lease ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum LeaseCmd {
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

impl LeaseCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// An unknown subnet or state, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
            LeaseCmd::List {
                subnet,
                mac,
                state,
                ip,
                client_id,
            } => {
                let subnet_id = c.subnet_id(subnet.as_deref()).await?;
                let filter = pb::ListLeasesRequest {
                    subnet_id,
                    mac: mac.unwrap_or_default(),
                    state: lease_state(state.as_deref())?.into(),
                    ip: ip.unwrap_or_default(),
                    client_id: client_id.unwrap_or_default(),
                    ..Default::default()
                };
                let leases = c.leases.clone();
                list::print_pages(c.out, None, |page| {
                    let mut leases = leases.clone();
                    let req = pb::ListLeasesRequest {
                        page_size: page.size,
                        page_token: page.token,
                        ..filter.clone()
                    };
                    async move {
                        let r = leases.list_leases(req).await?.into_inner();
                        Ok((r.leases, r.next_page_token))
                    }
                })
                .await?;
            }
            LeaseCmd::Get { ip } => {
                let l = c
                    .leases
                    .get_lease(pb::GetLeaseRequest { ip })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[l.into_inner()]);
            }
            LeaseCmd::Release { ip } => {
                let l = c
                    .leases
                    .release_lease(pb::ReleaseLeaseRequest { ip })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[l.into_inner()]);
            }
        }
        Ok(())
    }
}

/// The state `--state` names; none: any state.
fn lease_state(s: Option<&str>) -> anyhow::Result<pb::LeaseState> {
    match s {
        None => Ok(pb::LeaseState::Unspecified),
        Some(s) => pb::LeaseState::from_str_name(&format!("LEASE_STATE_{}", s.to_ascii_uppercase()))
            .filter(|s| *s != pb::LeaseState::Unspecified)
            .ok_or_else(|| anyhow!("--state {s:?} is not a lease state; use offered, bound, released, expired or declined")),
    }
}

/// A lease state's command-line name: `LEASE_STATE_BOUND` -> `bound`.
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

impl Row for pb::Lease {
    const HEADERS: &'static [&'static str] =
        &["IP", "MAC", "STATE", "HOSTNAME", "EXPIRES", "CLIENT-ID"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.ip.clone(),
            cell(&self.mac),
            state_name(self.state),
            cell(&self.hostname),
            time(self.ends.as_ref()),
            cell(&self.client_id),
        ]
    }

    fn json(&self) -> Value {
        let l = self;
        json!({"ip": l.ip, "subnet_id": l.subnet_id, "mac": opt(&l.mac), "client_id": opt(&l.client_id),
               "hostname": opt(&l.hostname), "state": state_name(l.state),
               "starts": time(l.starts.as_ref()), "expires": time(l.ends.as_ref())})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lease_states_are_named_as_the_flag_takes_them() {
        assert_eq!(lease_state(Some("bound")).ok(), Some(pb::LeaseState::Bound));
        assert_eq!(lease_state(None).ok(), Some(pb::LeaseState::Unspecified));
        assert!(lease_state(Some("unspecified")).is_err());
        assert_eq!(state_name(pb::LeaseState::Expired.into()), "expired");
        assert_eq!(state_name(99), "state-99");
    }
}
