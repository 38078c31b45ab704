//! `dhcpctl token`: API tokens (create, list, revoke; admin only), and how
//! a token is printed. A secret is shown once, when it is created.

use anyhow::anyhow;
use clap::Subcommand;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output::{self, time, Format};

/// `dhcpctl token ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum TokenCmd {
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

impl TokenCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// An unknown role, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
            TokenCmd::Create { role, name } => {
                let r = pb::Role::from_str_name(&format!("ROLE_{}", role.to_ascii_uppercase()))
                    .filter(|r| *r != pb::Role::Unspecified)
                    .ok_or_else(|| {
                        anyhow!("--role {role:?} is not a role; use viewer, operator or admin")
                    })?;
                let t = c
                    .tokens
                    .create_token(pb::CreateTokenRequest {
                        name,
                        role: r.into(),
                    })
                    .await
                    .map_err(rpc)?
                    .into_inner();
                match c.out {
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
                let all = c
                    .tokens
                    .list_tokens(pb::ListTokensRequest {})
                    .await
                    .map_err(rpc)?
                    .into_inner()
                    .tokens;
                list::print(c.out, &all);
            }
            TokenCmd::Revoke { name } => {
                let t = c
                    .tokens
                    .revoke_token(pb::RevokeTokenRequest { name })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[t.into_inner()]);
            }
        }
        Ok(())
    }
}

/// A role's command-line name: `ROLE_ADMIN` -> `admin`; empty if unknown.
fn role_name(r: i32) -> String {
    pb::Role::try_from(r)
        .map(|r| {
            r.as_str_name()
                .trim_start_matches("ROLE_")
                .to_ascii_lowercase()
        })
        .unwrap_or_default()
}

impl Row for pb::Token {
    const HEADERS: &'static [&'static str] = &["NAME", "ROLE", "CREATED"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            role_name(self.role),
            time(self.created.as_ref()),
        ]
    }

    fn json(&self) -> Value {
        json!({"name": self.name, "role": role_name(self.role), "created": time(self.created.as_ref())})
    }
}
