//! Output: aligned tables for people, JSON for machines.

use std::time::{Duration, UNIX_EPOCH};

use serde_json::Value;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Aligned columns.
    Table,
    /// JSON: an array for lists, an object otherwise.
    Json,
}

/// Prints `rows` under `headers` with columns padded to fit.
pub(crate) fn table(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        println!("{}", s.trim_end());
    };
    line(headers.to_vec());
    for r in rows {
        line(r.iter().map(String::as_str).collect());
    }
}

/// Prints one object: its JSON, or its fields as `name  value` lines.
pub(crate) fn record(out: Format, v: Value, rows: Vec<(&str, String)>) {
    match out {
        Format::Json => json(&v),
        Format::Table => {
            let w = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
            for (k, val) in rows {
                println!("{k:<w$}  {val}");
            }
        }
    }
}

/// Prints what a command did: `v` as JSON, or `text` for people.
pub(crate) fn done(out: Format, v: Value, text: &str) {
    match out {
        Format::Json => json(&v),
        Format::Table => println!("{text}"),
    }
}

/// Prints a JSON value, pretty.
pub(crate) fn json(v: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into())
    );
}

/// RFC 3339 UTC text of a timestamp; empty when unset.
pub(crate) fn time(ts: Option<&prost_types::Timestamp>) -> String {
    match ts.and_then(|t| u64::try_from(t.seconds).ok()) {
        Some(s) => {
            humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(s)).to_string()
        }
        None => String::new(),
    }
}

/// RFC 3339 UTC text of a timestamp to the microsecond; empty when unset.
pub(crate) fn time_micros(ts: Option<&prost_types::Timestamp>) -> String {
    match ts.and_then(|t| Some((u64::try_from(t.seconds).ok()?, u32::try_from(t.nanos).ok()?))) {
        Some((s, n)) => humantime::format_rfc3339_micros(
            UNIX_EPOCH + Duration::from_secs(s) + Duration::from_nanos(u64::from(n)),
        )
        .to_string(),
        None => String::new(),
    }
}

/// JSON null for an empty string.
pub(crate) fn opt(s: &str) -> Value {
    if s.is_empty() {
        Value::Null
    } else {
        Value::String(s.to_string())
    }
}

/// `-` for an empty cell.
pub(crate) fn cell(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        s.to_string()
    }
}
