//! `dhcpctl option`: DHCP options at global, subnet, pool or reservation
//! scope (set, list, delete, the names the server knows); how an option is
//! printed; and the `--option NAME=VALUE` flags other commands take.

use anyhow::bail;
use clap::{Args, Subcommand};
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use super::name_value;
use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output;

/// Where an option is set: exactly one scope.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct Scope {
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

/// `dhcpctl option ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum OptionCmd {
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

impl OptionCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// An unknown scope, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
            OptionCmd::Set {
                scope,
                name,
                value,
                hex,
            } => {
                let scope = scope.resolve(c).await?;
                let option = pb::OptionSetting { name, value, hex };
                let o = c
                    .options
                    .set_option(pb::SetOptionRequest {
                        scope: Some(scope),
                        option: Some(option),
                    })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[o.into_inner()]);
            }
            OptionCmd::List { scope, effective } => {
                let req = pb::ListOptionsRequest {
                    scope: Some(scope.resolve(c).await?),
                };
                let r = if effective {
                    c.options.resolve_options(req).await
                } else {
                    c.options.list_options(req).await
                };
                list::print(c.out, &r.map_err(rpc)?.into_inner().options);
            }
            OptionCmd::Delete { scope, name } => {
                let scope = scope.resolve(c).await?;
                c.options
                    .delete_option(pb::DeleteOptionRequest {
                        scope: Some(scope),
                        name: name.clone(),
                    })
                    .await
                    .map_err(rpc)?;
                output::done(
                    c.out,
                    json!({"deleted": name}),
                    &format!("deleted option {name}"),
                );
            }
            OptionCmd::Names => {
                let defs = c
                    .options
                    .list_option_definitions(pb::ListOptionDefinitionsRequest {})
                    .await
                    .map_err(rpc)?
                    .into_inner()
                    .definitions;
                list::print(c.out, &defs);
            }
        }
        Ok(())
    }
}

impl Scope {
    /// The scope as the API names it; a subnet is looked up by CIDR or id.
    async fn resolve(self, c: &mut Client) -> anyhow::Result<pb::OptionScope> {
        use pb::option_scope::Scope as S;
        let scope = if self.global {
            S::Global(true)
        } else if let Some(sub) = self.subnet {
            S::SubnetId(c.subnet(&sub).await?.id)
        } else if let Some(p) = self.pool {
            S::PoolId(p)
        } else if let Some(r) = self.reservation {
            S::ReservationId(r)
        } else {
            bail!("give one of --global, --subnet, --pool, --reservation");
        };
        Ok(pb::OptionScope { scope: Some(scope) })
    }
}

/// An option setting in text form.
pub(crate) fn setting(name: &str, value: String) -> pb::OptionSetting {
    pb::OptionSetting {
        name: name.into(),
        value,
        hex: false,
    }
}

/// The settings of repeated `--option NAME=VALUE` flags.
///
/// # Errors
/// The first flag that is not `NAME=VALUE`.
pub(crate) fn settings(flags: &[String]) -> anyhow::Result<Vec<pb::OptionSetting>> {
    flags
        .iter()
        .map(|o| name_value("--option", o).map(|(n, v)| setting(&n, v)))
        .collect()
}

impl Row for pb::OptionValue {
    const HEADERS: &'static [&'static str] = &["CODE", "NAME", "VALUE"];

    fn cells(&self) -> Vec<String> {
        vec![self.code.to_string(), self.name.clone(), self.value.clone()]
    }

    fn json(&self) -> Value {
        json!({"code": self.code, "name": self.name, "value": self.value})
    }
}

impl Row for pb::OptionDefinition {
    const HEADERS: &'static [&'static str] = &["CODE", "NAME", "TYPE"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.code.to_string(),
            self.name.clone(),
            self.r#type.clone(),
        ]
    }

    fn json(&self) -> Value {
        json!({"code": self.code, "name": self.name, "type": self.r#type})
    }
}
