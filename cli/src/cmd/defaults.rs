//! `dhcpctl defaults`: the server-wide boot fields (next server, server
//! name, boot file), used where neither a client's reservation nor its
//! subnet sets them; and how they are printed.

use anyhow::bail;
use clap::Subcommand;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use super::boot::{Boot, BootFlags};
use crate::client::Client;
use crate::conn::rpc;
use crate::output::{self, opt};

/// `dhcpctl defaults ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum DefaultsCmd {
    /// Show the server-wide boot fields.
    Get,
    /// Change the server-wide boot fields; those not given keep their
    /// values, '' clears one.
    Set {
        #[command(flatten)]
        boot: BootFlags,
    },
}

impl DefaultsCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// `set` without a flag, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        let d = match self {
            DefaultsCmd::Get => c.defaults.get_defaults(pb::GetDefaultsRequest {}).await,
            DefaultsCmd::Set { boot } => {
                // An update without a field would succeed and change
                // nothing, which is never what was meant.
                if boot.is_empty() {
                    bail!(
                        "defaults set needs at least one of --next-server, --server-name, \
                         --boot-file (an empty value, '', clears a field)"
                    );
                }
                let req = pb::UpdateDefaultsRequest {
                    next_server: boot.next_server,
                    server_name: boot.server_name,
                    boot_file: boot.boot_file,
                };
                c.defaults.update_defaults(req).await
            }
        }
        .map_err(rpc)?
        .into_inner();
        output::record(c.out, json_of(&d), boot_of(&d).rows().to_vec());
        Ok(())
    }
}

/// The defaults' boot fields.
fn boot_of(d: &pb::ServerDefaults) -> Boot<'_> {
    Boot {
        next_server: &d.next_server,
        server_name: &d.server_name,
        boot_file: &d.boot_file,
    }
}

/// The defaults as a JSON object, null for an unset field.
fn json_of(d: &pb::ServerDefaults) -> Value {
    json!({
        "next_server": opt(&d.next_server),
        "server_name": opt(&d.server_name),
        "boot_file": opt(&d.boot_file),
    })
}
