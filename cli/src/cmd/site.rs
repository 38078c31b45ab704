//! `dhcpctl apply` and `dhcpctl export`: a site file sent to the server to
//! be applied in one transaction (or planned, with `--dry-run`), and the
//! server's state written back out as one. Reading and writing the file is
//! [`site_file`](crate::site_file)'s.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::Args;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use crate::client::Client;
use crate::conn::{rpc, Conn};
use crate::list::{self, Row};
use crate::output::{self, Format};
use crate::site_file::{self, Reader};

/// `dhcpctl apply`.
#[derive(Debug, Args)]
pub(crate) struct ApplyArgs {
    /// The site file (YAML; `-` for standard input).
    #[arg(long, short = 'f', value_name = "FILE")]
    file: PathBuf,
    /// Show the plan (checked by the server against its state) and
    /// change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Also delete what the file does not name: subnets (when it lists
    /// subnets), global options (when it lists options), and the pools,
    /// reservations and options of each subnet it lists.
    #[arg(long)]
    prune: bool,
}

impl ApplyArgs {
    /// Reads the file, sends it and prints each change.
    ///
    /// # Errors
    /// An unreadable file, the file's problems (nothing is sent), or the
    /// server's refusal with each problem at its line in the file.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        let name = self.file.display().to_string();
        let text = read(&self.file, &name)?;
        let (doc, reader) = site_file::read(&name, &text).map_err(|problems| {
            anyhow!(
                "{name}: {} problem(s); nothing was sent:\n  {}",
                problems.len(),
                problems.join("\n  ")
            )
        })?;
        let r = c
            .site
            .apply_site(pb::ApplySiteRequest {
                site: Some(doc),
                dry_run: self.dry_run,
                prune: self.prune,
            })
            .await
            .map_err(|s| refusal(&name, &reader, s))?
            .into_inner();
        match c.out {
            Format::Json => output::json(&json!({
                "applied": r.applied,
                "changes": r.changes.iter().map(Row::json).collect::<Vec<_>>(),
            })),
            Format::Table => {
                if !r.changes.is_empty() {
                    list::table(&r.changes);
                }
                let n = r.changes.len();
                match (n, r.applied) {
                    (0, _) => println!("no changes: the server already matches {name}"),
                    (_, true) => println!("{n} change(s) applied in one transaction"),
                    (_, false) => println!("dry run: {n} change(s) planned; nothing was changed"),
                }
            }
        }
        Ok(())
    }
}

/// `dhcpctl export`: the whole provisioning state as a site file on
/// standard output.
///
/// # Errors
/// The server's refusal.
pub(crate) async fn export(c: &mut Client, conn: &Conn) -> anyhow::Result<()> {
    let doc = c
        .site
        .export_site(pb::ExportSiteRequest {})
        .await
        .map_err(rpc)?
        .into_inner();
    print!("{}", site_file::write(&doc, conn.server()));
    Ok(())
}

/// The file's text; `-` is standard input.
fn read(file: &Path, name: &str) -> anyhow::Result<String> {
    let mut text = String::new();
    if name == "-" {
        std::io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text))
    }
    .map_err(|e| anyhow!("cannot read {name}: {e}"))?;
    Ok(text)
}

/// The server's refusal; a document it rejects has each problem shown at
/// its line in the file.
fn refusal(name: &str, reader: &Reader, s: tonic::Status) -> anyhow::Error {
    if s.code() == tonic::Code::InvalidArgument {
        let lines = site_file::locate(name, reader, s.message());
        if !lines.is_empty() {
            let head = s.message().lines().next().unwrap_or_default();
            return anyhow!("{head}\n  {}", lines.join("\n  "));
        }
    }
    rpc(s)
}

impl Row for pb::PlannedChange {
    const HEADERS: &'static [&'static str] = &["ACTION", "KIND", "OBJECT", "CHANGE"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.action.clone(),
            self.kind.clone(),
            self.object.clone(),
            self.detail.clone(),
        ]
    }

    fn json(&self) -> Value {
        json!({
            "action": self.action,
            "kind": self.kind,
            "object": self.object,
            "detail": self.detail,
            "path": self.path,
            "id": self.id,
        })
    }
}
