//! `dhcpctl audit`: the audit log of changes, newest first, and how an
//! entry is printed.

use clap::Args;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use crate::client::Client;
use crate::list::{self, Row};
use crate::output::{time, time_micros};

/// `dhcpctl audit`.
#[derive(Debug, Args)]
pub(crate) struct AuditArgs {
    /// Only changes by this principal (token name).
    #[arg(long)]
    principal: Option<String>,
    /// At most this many entries.
    #[arg(long, default_value_t = 50)]
    limit: u32,
}

impl AuditArgs {
    /// Lists the newest `limit` entries.
    ///
    /// # Errors
    /// The server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        let audit = c.audit.clone();
        let principal = self.principal.unwrap_or_default();
        list::print_pages(c.out, Some(self.limit), |page| {
            let mut audit = audit.clone();
            let req = pb::ListAuditRequest {
                page_size: page.size,
                page_token: page.token,
                principal: principal.clone(),
            };
            async move {
                let r = audit.list_audit(req).await?.into_inner();
                Ok((r.entries, r.next_page_token))
            }
        })
        .await
    }
}

/// A `before` or `after` of an entry: the JSON it holds, or the text if it
/// is not JSON; null when empty.
fn snapshot(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string()))
    }
}

impl Row for pb::AuditEntry {
    const HEADERS: &'static [&'static str] = &["ID", "TIME", "PRINCIPAL", "ACTION", "OBJECT"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            time(self.time.as_ref()),
            self.principal.clone(),
            self.action.clone(),
            self.object.clone(),
        ]
    }

    fn json(&self) -> Value {
        json!({
            "id": self.id,
            "time": time_micros(self.time.as_ref()),
            "principal": self.principal,
            "action": self.action,
            "object": self.object,
            "before": snapshot(&self.before),
            "after": snapshot(&self.after),
        })
    }
}
