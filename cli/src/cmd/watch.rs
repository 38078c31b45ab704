//! `dhcpctl watch`: follows the event stream, one line per event for
//! people or one JSON object per line for machines. Opens its own
//! connection: it needs only the Events service.

use anyhow::anyhow;
use clap::Args;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use crate::conn::{connect, rpc, Conn};
use crate::output::{opt, time_micros, Format};

/// `dhcpctl watch`.
#[derive(Debug, Args)]
pub(crate) struct WatchArgs {
    /// Only events for this MAC address.
    #[arg(long)]
    mac: Option<String>,
    /// Only events for this address.
    #[arg(long)]
    ip: Option<String>,
    /// Only events for this subnet (CIDR).
    #[arg(long)]
    subnet: Option<String>,
    /// Only these kinds, comma-separated (e.g. bound,released; see --help-kinds).
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// First replay the events after this cursor (0: every event kept).
    #[arg(long)]
    since: Option<u64>,
    /// Exit after printing this many events.
    #[arg(long)]
    count: Option<u64>,
    /// List the event kinds and exit.
    #[arg(long)]
    help_kinds: bool,
}

impl WatchArgs {
    /// Streams events until the server ends the stream or fails it, or
    /// `--count` of them have been printed.
    ///
    /// # Errors
    /// An unknown `--kind`, an unreachable server, or the stream's failure
    /// (which names the cursor to resume from).
    pub(crate) async fn run(self, conn: &Conn, out: Format) -> anyhow::Result<()> {
        if self.help_kinds {
            println!("{}", kind_names().join("\n"));
            return Ok(());
        }
        let kinds = self
            .kind
            .iter()
            .map(|k| kind_number(k))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut c = pb::events_client::EventsClient::new(connect(conn).await?);
        let mut stream = c
            .watch(pb::WatchRequest {
                since: self.since,
                mac: self.mac.unwrap_or_default(),
                ip: self.ip.unwrap_or_default(),
                subnet: self.subnet.unwrap_or_default(),
                kinds,
            })
            .await
            .map_err(rpc)?
            .into_inner();
        let mut left = self.count;
        while left != Some(0) {
            let Some(e) = stream.message().await.map_err(rpc)? else {
                break;
            };
            left = left.map(|n| n - 1);
            match out {
                Format::Json => println!("{}", event_json(&e)),
                Format::Table => println!("{}", event_line(&e)),
            }
        }
        Ok(())
    }
}

/// An event kind's command-line name: `EVENT_KIND_LEASE_BOUND` -> `bound`.
fn kind_name(k: pb::EventKind) -> String {
    k.as_str_name()
        .trim_start_matches("EVENT_KIND_")
        .to_ascii_lowercase()
}

/// Every event kind's command-line name, in the proto's order.
fn kind_names() -> Vec<String> {
    (1..100)
        .filter_map(|n| pb::EventKind::try_from(n).ok())
        .map(kind_name)
        .collect()
}

/// The proto number of the kind `--kind` names.
fn kind_number(k: &str) -> anyhow::Result<i32> {
    pb::EventKind::from_str_name(&format!("EVENT_KIND_{}", k.to_ascii_uppercase()))
        .filter(|k| *k != pb::EventKind::Unspecified)
        .map(i32::from)
        .ok_or_else(|| {
            anyhow!(
                "--kind {k:?} is not an event kind; use one of: {}",
                kind_names().join(", ")
            )
        })
}

/// An event as one JSON object (printed on one line).
fn event_json(e: &pb::Event) -> Value {
    let details: serde_json::Map<String, Value> = e
        .details
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    json!({
        "cursor": e.cursor,
        "time": time_micros(e.time.as_ref()),
        "kind": kind_name(e.kind()),
        "mac": opt(&e.mac),
        "client_id": opt(&e.client_id),
        "ip": opt(&e.ip),
        "subnet_id": (e.subnet_id != 0).then_some(e.subnet_id),
        "subnet": opt(&e.subnet),
        "hostname": opt(&e.hostname),
        "principal": opt(&e.principal),
        "details": details,
    })
}

/// An event as one line: cursor, time, kind, then `key=value` for what it
/// has, details sorted by key.
fn event_line(e: &pb::Event) -> String {
    let mut line = format!(
        "{} {} {}",
        e.cursor,
        time_micros(e.time.as_ref()),
        kind_name(e.kind())
    );
    for (k, v) in [
        ("mac", &e.mac),
        ("ip", &e.ip),
        ("subnet", &e.subnet),
        ("hostname", &e.hostname),
        ("by", &e.principal),
    ] {
        if !v.is_empty() {
            line.push_str(&format!(" {k}={v}"));
        }
    }
    let mut details: Vec<_> = e.details.iter().collect();
    details.sort();
    for (k, v) in details {
        line.push_str(&format!(" {k}={v}"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_named_without_their_prefix_and_refused_when_unknown() {
        assert!(kind_names().contains(&"bound".to_string()));
        assert_eq!(kind_number("BOUND").ok(), Some(pb::EventKind::Bound.into()));
        assert!(kind_number("unspecified").is_err());
    }

    #[test]
    fn an_event_line_shows_what_it_has_and_its_details_sorted() {
        let mut e = pb::Event {
            cursor: 7,
            kind: pb::EventKind::Bound.into(),
            mac: "02:00:00:00:00:01".into(),
            ip: "10.0.0.5".into(),
            ..Default::default()
        };
        e.details.insert("z".into(), "1".into());
        e.details.insert("a".into(), "2".into());
        assert_eq!(
            event_line(&e),
            "7  bound mac=02:00:00:00:00:01 ip=10.0.0.5 a=2 z=1"
        );
    }
}
