//! A site file written out: the server's document as YAML in the shape
//! `dhcpctl apply` reads, options as flow maps and lists, subnet shorthands
//! (`router`, `dns`) where an option has one. What is unset is left out, so
//! a site that does not use a key exports without it.

use std::fmt::Write as _;

use dhcplane_proto::v1 as pb;

use super::SHORTHANDS;
use crate::yaml;

/// `[a, b]`.
fn flow_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| yaml::scalar(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// An option's value as written: hex as `{hex: ...}`, a comma list as a
/// flow list, anything else as one scalar.
fn option_value(o: &pb::OptionSetting) -> String {
    if o.hex {
        return format!("{{hex: {}}}", yaml::scalar(&o.value));
    }
    let parts: Vec<String> = o.value.split(',').map(|p| p.trim().to_string()).collect();
    if parts.len() > 1 && parts.iter().all(|p| yaml::scalar(p) == *p) {
        flow_list(&parts)
    } else {
        yaml::scalar(&o.value)
    }
}

/// `{k: v, ...}`; the values are written already.
fn flow_map(entries: &[(String, String)]) -> String {
    format!(
        "{{{}}}",
        entries
            .iter()
            .map(|(k, v)| format!("{}: {v}", yaml::scalar(k)))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Options as `{name: value, ...}`.
fn options_map(list: &[pb::OptionSetting]) -> String {
    flow_map(
        &list
            .iter()
            .map(|o| (o.name.clone(), option_value(o)))
            .collect::<Vec<_>>(),
    )
}

/// A document as a site file.
pub(crate) fn write(doc: &pb::SiteDocument, from: &str) -> String {
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# dhcplane site exported from {from}; apply with `dhcpctl apply -f FILE`"
    );
    if let Some(d) = &doc.defaults {
        let set = boot_fields(&d.next_server, &d.server_name, &d.boot_file);
        if !set.is_empty() {
            y.push_str("defaults:\n");
            for (k, v) in set {
                let _ = writeln!(y, "  {k}: {}", yaml::scalar(v));
            }
        }
    }
    let mut opts = String::new();
    for o in &doc.options {
        let _ = writeln!(opts, "  {}: {}", yaml::scalar(&o.name), option_value(o));
    }
    if opts.is_empty() {
        y.push_str("options: {}\n");
    } else {
        let _ = write!(y, "options:\n{opts}");
    }
    if doc.subnets.is_empty() {
        y.push_str("subnets: []\n");
        return y;
    }
    y.push_str("subnets:\n");
    for s in &doc.subnets {
        let _ = writeln!(y, "  - cidr: {}", yaml::scalar(&s.cidr));
        for (k, v) in subnet_fields(s) {
            let _ = writeln!(y, "    {k}: {v}");
        }
        list(&mut y, "pools", s.pools.iter().map(pool_item).collect());
        let reservations = s.reservations.iter().map(reservation_item).collect();
        list(&mut y, "reservations", reservations);
    }
    y
}

/// A subnet's settings after its network: those at their defaults left
/// out (lease times always given), then its options, a shorthand (`router`,
/// `dns`) for those that have one.
fn subnet_fields(s: &pb::SiteSubnet) -> Vec<(&'static str, String)> {
    let mut f = Vec::new();
    if !s.interface.is_empty() {
        f.push(("interface", yaml::scalar(&s.interface)));
    }
    if !s.relay_addresses.is_empty() {
        f.push(("relay_addresses", flow_list(&s.relay_addresses)));
    }
    f.push(("lease_time", s.lease_time_default.to_string()));
    f.push(("lease_time_min", s.lease_time_min.to_string()));
    f.push(("lease_time_max", s.lease_time_max.to_string()));
    if s.t1 != 0 {
        f.push(("t1", s.t1.to_string()));
    }
    if s.t2 != 0 {
        f.push(("t2", s.t2.to_string()));
    }
    if s.authoritative == Some(false) {
        f.push(("authoritative", "false".into()));
    }
    if s.rapid_commit {
        f.push(("rapid_commit", "true".into()));
    }
    if s.bootp {
        f.push(("bootp", "true".into()));
    }
    if s.bootp_dynamic {
        f.push(("bootp_dynamic", "true".into()));
    }
    if s.bootp_lease_time != 0 {
        f.push(("bootp_lease_time", s.bootp_lease_time.to_string()));
    }
    for (k, v) in boot_fields(&s.next_server, &s.server_name, &s.boot_file) {
        f.push((k, yaml::scalar(v)));
    }
    if !s.description.is_empty() {
        f.push(("description", yaml::scalar(&s.description)));
    }
    let mut rest = Vec::new();
    for o in &s.options {
        match SHORTHANDS.iter().find(|(_, name)| *name == o.name) {
            Some((key, _)) if !o.hex => f.push((key, option_value(o))),
            _ => rest.push(o.clone()),
        }
    }
    f.push(("options", options_map(&rest)));
    f
}

/// The boot fields that are set, as site file keys and values, in the
/// order they are written.
fn boot_fields<'a>(
    next_server: &'a str,
    server_name: &'a str,
    boot_file: &'a str,
) -> Vec<(&'static str, &'a str)> {
    [
        ("next_server", next_server),
        ("server_name", server_name),
        ("boot_file", boot_file),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect()
}

/// A subnet's `key:` with one `- item` line each, or `[]`.
fn list(y: &mut String, key: &str, items: Vec<String>) {
    if items.is_empty() {
        let _ = writeln!(y, "    {key}: []");
        return;
    }
    let _ = writeln!(y, "    {key}:");
    for item in items {
        let _ = writeln!(y, "      - {item}");
    }
}

/// A pool as a list item: its range alone when that is all it has.
fn pool_item(p: &pb::SitePool) -> String {
    let range = yaml::scalar(&format!("{}-{}", p.start, p.end));
    if p.exclusions.is_empty() && p.description.is_empty() && p.options.is_empty() {
        return range;
    }
    let mut e = vec![("range".to_string(), range)];
    if !p.exclusions.is_empty() {
        e.push(("exclude".into(), flow_list(&p.exclusions)));
    }
    if !p.description.is_empty() {
        e.push(("description".into(), yaml::scalar(&p.description)));
    }
    if !p.options.is_empty() {
        e.push(("options".into(), options_map(&p.options)));
    }
    flow_map(&e)
}

/// A reservation as a list item: a flow map of what it has, labels sorted.
fn reservation_item(r: &pb::SiteReservation) -> String {
    let mut e = Vec::new();
    if !r.mac.is_empty() {
        e.push(("mac".to_string(), yaml::scalar(&r.mac)));
    }
    if !r.client_id.is_empty() {
        e.push(("client_id".into(), yaml::scalar(&r.client_id)));
    }
    e.push(("ip".into(), yaml::scalar(&r.ip)));
    if !r.hostname.is_empty() {
        e.push(("hostname".into(), yaml::scalar(&r.hostname)));
    }
    if !r.labels.is_empty() {
        let mut l: Vec<(String, String)> = r
            .labels
            .iter()
            .map(|(k, v)| (k.clone(), yaml::scalar(v)))
            .collect();
        l.sort();
        e.push(("labels".into(), flow_map(&l)));
    }
    for (k, v) in boot_fields(&r.next_server, &r.server_name, &r.boot_file) {
        e.push((k.into(), yaml::scalar(v)));
    }
    if !r.options.is_empty() {
        e.push(("options".into(), options_map(&r.options)));
    }
    flow_map(&e)
}
