//! The site file of `dhcpctl apply` and `dhcpctl export`: YAML read into the
//! `SiteDocument` the server applies, remembering where each object came
//! from so every problem the server names (`subnets[0].pools[1].range`) is
//! shown at its line in the file; and the server's state written back out
//! in the same shape.

use std::collections::HashMap;

use dhcplane_proto::v1 as pb;

use crate::yaml::{self, Node, Pos, Value};

mod write;

pub(crate) use write::write;

/// Keys a site file may use, by object.
const TOP_KEYS: &[&str] = &["defaults", "options", "subnets"];
const DEFAULTS_KEYS: &[&str] = &["next_server", "server_name", "boot_file"];
const SUBNET_KEYS: &[&str] = &[
    "cidr",
    "interface",
    "relay_addresses",
    "router",
    "dns",
    "lease_time",
    "lease_time_min",
    "lease_time_max",
    "t1",
    "t2",
    "authoritative",
    "rapid_commit",
    "bootp",
    "bootp_dynamic",
    "bootp_lease_time",
    "next_server",
    "server_name",
    "boot_file",
    "description",
    "options",
    "pools",
    "reservations",
];
const POOL_KEYS: &[&str] = &["range", "exclude", "description", "options"];
const RESERVATION_KEYS: &[&str] = &[
    "mac",
    "client_id",
    "ip",
    "hostname",
    "labels",
    "next_server",
    "server_name",
    "boot_file",
    "options",
];

/// Option shorthands of a subnet: key and the option it sets.
const SHORTHANDS: &[(&str, &str)] = &[("router", "routers"), ("dns", "domain-name-servers")];

/// A site file read into a document.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    /// Problems found, with where.
    pub(crate) problems: Vec<(Pos, String)>,
    /// Where each document path is in the file.
    marks: HashMap<String, Pos>,
}

impl Reader {
    fn problem(&mut self, pos: Pos, path: &str, why: impl std::fmt::Display) {
        let what = if path.is_empty() {
            why.to_string()
        } else {
            format!("{path}: {why}")
        };
        self.problems.push((pos, what));
    }

    fn mark(&mut self, path: &str, n: &Node) {
        self.marks.insert(path.to_string(), n.pos);
    }

    /// Where `field` (a path the server named) is in the file: the path
    /// itself, or the nearest enclosing object found.
    pub(crate) fn position(&self, field: &str) -> Option<Pos> {
        let mut f = field;
        loop {
            if let Some(p) = self.marks.get(f) {
                return Some(*p);
            }
            let cut = f.rfind(['.', '['])?;
            f = &f[..cut];
        }
    }

    /// The entries of a mapping, refusing keys not in `allowed` and keys
    /// given twice.
    fn entries<'n>(
        &mut self,
        n: &'n Node,
        path: &str,
        allowed: &[&str],
    ) -> Vec<(&'n str, &'n Node)> {
        let Value::Map(m) = &n.value else {
            if !n.is_null() {
                self.problem(
                    n.pos,
                    path,
                    format!("is {}; expected a mapping (key: value)", n.what()),
                );
            }
            return Vec::new();
        };
        let mut out: Vec<(&str, &Node)> = Vec::new();
        for (k, v) in m {
            let Some(key) = k.text() else {
                self.problem(k.pos, path, "has a key that is not a name");
                continue;
            };
            if !allowed.is_empty() && !allowed.contains(&key) {
                self.problem(
                    k.pos,
                    path,
                    format!(
                        "unknown key {key:?}; expected one of {}",
                        allowed.join(", ")
                    ),
                );
            } else if out.iter().any(|(o, _)| *o == key) {
                self.problem(k.pos, path, format!("{key:?} is given twice"));
            } else {
                out.push((key, v));
            }
        }
        out
    }

    fn items<'n>(&mut self, n: &'n Node, path: &str) -> &'n [Node] {
        match &n.value {
            Value::Seq(v) => v,
            _ if n.is_null() => &[],
            _ => {
                self.problem(n.pos, path, format!("is {}; expected a list", n.what()));
                &[]
            }
        }
    }

    fn string(&mut self, n: &Node, path: &str) -> String {
        self.mark(path, n);
        match (&n.value, n.text()) {
            (Value::Scalar { .. }, Some(t)) => t.to_string(),
            (Value::Scalar { .. }, None) => String::new(),
            _ => {
                self.problem(
                    n.pos,
                    path,
                    format!("is {}; expected a single value", n.what()),
                );
                String::new()
            }
        }
    }

    fn number(&mut self, n: &Node, path: &str) -> u32 {
        let s = self.string(n, path);
        s.parse().unwrap_or_else(|_| {
            self.problem(
                n.pos,
                path,
                format!("{s:?} is not a whole number of seconds"),
            );
            0
        })
    }

    fn boolean(&mut self, n: &Node, path: &str) -> bool {
        match self.string(n, path).as_str() {
            "true" => true,
            "false" => false,
            s => {
                self.problem(n.pos, path, format!("{s:?} is not true or false"));
                false
            }
        }
    }

    /// One value or a list of them.
    fn strings(&mut self, n: &Node, path: &str) -> Vec<String> {
        self.mark(path, n);
        match &n.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .map(|(i, x)| self.string(x, &format!("{path}[{i}]")))
                .collect(),
            _ if n.is_null() => Vec::new(),
            _ => vec![self.string(n, path)],
        }
    }

    /// `{name: value, name: [v1, v2], name: {hex: "01:02"}}`.
    fn options(&mut self, n: &Node, path: &str) -> Vec<pb::OptionSetting> {
        let base = if path.is_empty() {
            "options".to_string()
        } else {
            format!("{path}.options")
        };
        self.mark(&base, n);
        let mut out = Vec::new();
        for (name, v) in self.entries(n, &base, &[]) {
            let p = format!("{base}.{name}");
            out.push(self.option(name, v, &p));
        }
        out
    }

    fn option(&mut self, name: &str, v: &Node, path: &str) -> pb::OptionSetting {
        if let Value::Map(_) = v.value {
            let e = self.entries(v, path, &["hex"]);
            let value = e
                .first()
                .map(|(_, h)| self.string(h, path))
                .unwrap_or_default();
            self.mark(path, v);
            return pb::OptionSetting {
                name: name.into(),
                value,
                hex: true,
            };
        }
        let value = self.strings(v, path).join(",");
        pb::OptionSetting {
            name: name.into(),
            value,
            hex: false,
        }
    }

    /// Reads a whole site file.
    pub(crate) fn document(&mut self, root: &Node) -> pb::SiteDocument {
        let mut doc = pb::SiteDocument::default();
        for (key, v) in self.entries(root, "", TOP_KEYS) {
            match key {
                "options" => {
                    doc.options = self.options(v, "");
                    doc.options_listed = true;
                }
                "defaults" => doc.defaults = Some(self.defaults(v, "defaults")),
                _ => {
                    doc.subnets_listed = true;
                    self.mark("subnets", v);
                    for (i, s) in self.items(v, "subnets").iter().enumerate() {
                        doc.subnets.push(self.subnet(s, &format!("subnets[{i}]")));
                    }
                }
            }
        }
        doc
    }

    /// `defaults: {next_server, server_name, boot_file}`: present, it says
    /// all of them, so a key left out clears that field.
    fn defaults(&mut self, n: &Node, path: &str) -> pb::ServerDefaults {
        self.mark(path, n);
        let mut d = pb::ServerDefaults::default();
        for (key, v) in self.entries(n, path, DEFAULTS_KEYS) {
            let p = format!("{path}.{key}");
            match key {
                "next_server" => d.next_server = self.string(v, &p),
                "server_name" => d.server_name = self.string(v, &p),
                _ => d.boot_file = self.string(v, &p),
            }
        }
        d
    }

    fn subnet(&mut self, n: &Node, path: &str) -> pb::SiteSubnet {
        self.mark(path, n);
        let mut s = pb::SiteSubnet::default();
        let mut shorthand = Vec::new();
        for (key, v) in self.entries(n, path, SUBNET_KEYS) {
            let p = format!("{path}.{key}");
            match key {
                "cidr" => s.cidr = self.string(v, &p),
                "interface" => s.interface = self.string(v, &p),
                "relay_addresses" => s.relay_addresses = self.strings(v, &p),
                "lease_time" => s.lease_time_default = self.number(v, &p),
                "lease_time_min" => s.lease_time_min = self.number(v, &p),
                "lease_time_max" => s.lease_time_max = self.number(v, &p),
                "t1" => s.t1 = self.number(v, &p),
                "t2" => s.t2 = self.number(v, &p),
                "authoritative" => s.authoritative = Some(self.boolean(v, &p)),
                "rapid_commit" => s.rapid_commit = self.boolean(v, &p),
                "bootp" => s.bootp = self.boolean(v, &p),
                "bootp_dynamic" => s.bootp_dynamic = self.boolean(v, &p),
                "bootp_lease_time" => s.bootp_lease_time = self.number(v, &p),
                "next_server" => s.next_server = self.string(v, &p),
                "server_name" => s.server_name = self.string(v, &p),
                "boot_file" => s.boot_file = self.string(v, &p),
                "description" => s.description = self.string(v, &p),
                "options" => s.options.extend(self.options(v, path)),
                "pools" => {
                    self.mark(&p, v);
                    for (j, x) in self.items(v, &p).iter().enumerate() {
                        s.pools.push(self.pool(x, &format!("{p}[{j}]")));
                    }
                }
                "reservations" => {
                    self.mark(&p, v);
                    for (j, x) in self.items(v, &p).iter().enumerate() {
                        s.reservations
                            .push(self.reservation(x, &format!("{p}[{j}]")));
                    }
                }
                _ => {
                    let option = SHORTHANDS
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map_or(key, |(_, o)| *o);
                    let op = format!("{path}.options.{option}");
                    self.mark(&op, v);
                    shorthand.push(self.option(option, v, &op));
                }
            }
        }
        // Shorthands first, as an export writes them.
        shorthand.append(&mut s.options);
        s.options = shorthand;
        s
    }

    fn pool(&mut self, n: &Node, path: &str) -> pb::SitePool {
        self.mark(path, n);
        let mut p = pb::SitePool::default();
        let range = if let Value::Map(_) = n.value {
            let mut range = None;
            for (key, v) in self.entries(n, path, POOL_KEYS) {
                let kp = format!("{path}.{key}");
                match key {
                    "range" => range = Some((self.string(v, &kp), v.pos)),
                    "exclude" => p.exclusions = self.strings(v, &format!("{path}.exclusions")),
                    "description" => p.description = self.string(v, &kp),
                    _ => p.options = self.options(v, path),
                }
            }
            range
        } else {
            Some((self.string(n, &format!("{path}.range")), n.pos))
        };
        match range {
            Some((r, pos)) => {
                for f in ["range", "start", "end"] {
                    self.marks.insert(format!("{path}.{f}"), pos);
                }
                match r.split_once('-') {
                    Some((a, b)) => {
                        p.start = a.trim().into();
                        p.end = b.trim().into();
                    }
                    None => self.problem(
                        pos,
                        &format!("{path}.range"),
                        format!(
                            "{r:?} is not a range; write FIRST-LAST like 10.0.1.100-10.0.1.150"
                        ),
                    ),
                }
            }
            None => self.problem(n.pos, path, "has no range; give range: FIRST-LAST"),
        }
        p
    }

    fn reservation(&mut self, n: &Node, path: &str) -> pb::SiteReservation {
        self.mark(path, n);
        let mut r = pb::SiteReservation::default();
        for (key, v) in self.entries(n, path, RESERVATION_KEYS) {
            let p = format!("{path}.{key}");
            match key {
                "mac" => r.mac = self.string(v, &p),
                "client_id" => r.client_id = self.string(v, &p),
                "ip" => r.ip = self.string(v, &p),
                "hostname" => r.hostname = self.string(v, &p),
                "next_server" => r.next_server = self.string(v, &p),
                "server_name" => r.server_name = self.string(v, &p),
                "boot_file" => r.boot_file = self.string(v, &p),
                "labels" => {
                    self.mark(&p, v);
                    for (k, lv) in self.entries(v, &p, &[]) {
                        let value = self.string(lv, &format!("{p}.{k}"));
                        r.labels.insert(k.to_string(), value);
                    }
                }
                _ => r.options = self.options(v, path),
            }
        }
        r
    }
}

/// Reads `text` (the contents of `file`): the document, and the reader
/// that maps server paths back into the file; or every problem, each as
/// `file:line:col: problem`.
pub(crate) fn read(file: &str, text: &str) -> Result<(pb::SiteDocument, Reader), Vec<String>> {
    let root = yaml::parse(text).map_err(|(pos, why)| vec![format!("{file}:{pos}: {why}")])?;
    let mut r = Reader::default();
    let doc = r.document(&root);
    if r.problems.is_empty() {
        Ok((doc, r))
    } else {
        Err(r
            .problems
            .iter()
            .map(|(pos, why)| format!("{file}:{pos}: {why}"))
            .collect())
    }
}

/// The server's refusal of a document with each `path: problem` line
/// prefixed by its place in `file`.
/// The lines are in file order.
pub(crate) fn locate(file: &str, reader: &Reader, message: &str) -> Vec<String> {
    let mut lines: Vec<(Option<Pos>, String)> = message
        .lines()
        .filter_map(|l| {
            let (path, why) = l.split_once(": ")?;
            if path.contains(' ') {
                return Some((None, format!("{file}: {l}")));
            }
            let pos = reader.position(path);
            Some(match pos {
                Some(p) => (pos, format!("{file}:{p}: {path}: {why}")),
                None => (None, format!("{file}: {path}: {why}")),
            })
        })
        .collect();
    lines.sort_by_key(|(p, _)| p.map(|p| (p.line, p.col)));
    lines.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"subnets:
  - cidr: 10.0.1.0/24
    interface: eth1
    router: 10.0.1.1
    dns: [10.0.1.53]
    lease_time: 600
    options: {ntp-servers: 10.0.1.1}
    pools: ["10.0.1.100-10.0.1.150"]
    reservations:
      - {mac: "02:00:00:00:0e:01", ip: 10.0.1.10, hostname: printer}
"#;

    #[test]
    fn the_issue_shape_reads() {
        let (doc, reader) = read("site.yaml", SITE).expect("reads");
        assert!(doc.subnets_listed && !doc.options_listed);
        let s = &doc.subnets[0];
        assert_eq!(s.cidr, "10.0.1.0/24");
        assert_eq!(s.lease_time_default, 600);
        let opts: Vec<(&str, &str)> = s
            .options
            .iter()
            .map(|o| (o.name.as_str(), o.value.as_str()))
            .collect();
        assert_eq!(
            opts,
            [
                ("routers", "10.0.1.1"),
                ("domain-name-servers", "10.0.1.53"),
                ("ntp-servers", "10.0.1.1")
            ]
        );
        assert_eq!(
            (s.pools[0].start.as_str(), s.pools[0].end.as_str()),
            ("10.0.1.100", "10.0.1.150")
        );
        assert_eq!(s.reservations[0].hostname, "printer");
        assert_eq!(
            reader.position("subnets[0].reservations[0].ip"),
            Some(Pos { line: 10, col: 40 })
        );
        assert_eq!(
            reader.position("subnets[0].options.domain-name-servers.value"),
            Some(Pos { line: 5, col: 10 })
        );
        assert_eq!(
            reader.position("subnets[0].pools[0].range"),
            Some(Pos { line: 8, col: 13 })
        );
    }

    #[test]
    fn every_problem_in_the_file_is_listed() {
        let bad = "subnets:\n  - cidr: 10.0.1.0/24\n    colour: red\n    lease_time: soon\n    pools: [nope]\n  - 7\n";
        let errs = read("f.yaml", bad).expect_err("bad");
        assert_eq!(errs.len(), 4, "{errs:#?}");
        assert!(
            errs[0].starts_with("f.yaml:3:5: subnets[0]: unknown key \"colour\""),
            "{errs:#?}"
        );
        assert!(
            errs[1].starts_with("f.yaml:4:17: subnets[0].lease_time:"),
            "{errs:#?}"
        );
        assert!(
            errs[2].starts_with("f.yaml:5:13: subnets[0].pools[0].range:"),
            "{errs:#?}"
        );
        assert!(
            errs[3].starts_with("f.yaml:6:5: subnets[1]: is a value"),
            "{errs:#?}"
        );
    }

    /// The boot keys at every level, with line numbers that matter below.
    const BOOT_SITE: &str = r#"defaults:
  next_server: 192.0.2.1
  boot_file: pxelinux.0
subnets:
  - cidr: 10.0.1.0/24
    bootp: true
    bootp_dynamic: true
    bootp_lease_time: 3600
    next_server: 192.0.2.234
    server_name: boot1
    boot_file: "efi/grubx64.efi"
    reservations:
      - {mac: "02:00:00:00:0e:01", ip: 10.0.1.10, next_server: 192.0.2.235, server_name: boot2, boot_file: ipxe.efi}
"#;

    #[test]
    fn boot_keys_read_with_their_places() {
        let (doc, reader) = read("site.yaml", BOOT_SITE).expect("reads");
        let d = doc.defaults.as_ref().expect("defaults given");
        assert_eq!(
            (
                d.next_server.as_str(),
                d.server_name.as_str(),
                d.boot_file.as_str()
            ),
            ("192.0.2.1", "", "pxelinux.0"),
            "a key left out of defaults is sent empty: cleared"
        );
        let s = &doc.subnets[0];
        assert!(s.bootp && s.bootp_dynamic);
        assert_eq!(s.bootp_lease_time, 3600);
        assert_eq!(
            (
                s.next_server.as_str(),
                s.server_name.as_str(),
                s.boot_file.as_str()
            ),
            ("192.0.2.234", "boot1", "efi/grubx64.efi")
        );
        let r = &s.reservations[0];
        assert_eq!(
            (
                r.next_server.as_str(),
                r.server_name.as_str(),
                r.boot_file.as_str()
            ),
            ("192.0.2.235", "boot2", "ipxe.efi")
        );
        assert_eq!(
            reader.position("defaults.next_server"),
            Some(Pos { line: 2, col: 16 })
        );
        assert_eq!(
            reader.position("subnets[0].bootp_lease_time"),
            Some(Pos { line: 8, col: 23 })
        );
        assert_eq!(
            reader.position("subnets[0].next_server"),
            Some(Pos { line: 9, col: 18 })
        );
        assert_eq!(
            reader.position("subnets[0].reservations[0].boot_file"),
            Some(Pos { line: 13, col: 108 })
        );
    }

    #[test]
    fn defaults_absent_keep_and_present_empty_clears() {
        let (doc, _) = read("site.yaml", SITE).expect("reads");
        assert_eq!(doc.defaults, None, "no defaults key: the stored ones stay");
        let (doc, _) = read("site.yaml", "defaults: {}\n").expect("reads");
        assert_eq!(doc.defaults, Some(pb::ServerDefaults::default()));
    }

    #[test]
    fn bad_boot_keys_are_listed_with_their_places() {
        let bad = "defaults: {next_server: 192.0.2.1, tftp: x}\nsubnets:\n  - cidr: 10.0.1.0/24\n    bootp_dynamic: maybe\n    bootp_lease_time: forever\n    boot_file: [a, b]\n    reservations:\n      - {ip: 10.0.1.10, bootfile: x}\n";
        let errs = read("f.yaml", bad).expect_err("bad");
        assert_eq!(errs.len(), 5, "{errs:#?}");
        assert!(
            errs[0].starts_with("f.yaml:1:36: defaults: unknown key \"tftp\"; expected one of next_server, server_name, boot_file"),
            "{errs:#?}"
        );
        assert!(
            errs[1].starts_with(
                "f.yaml:4:20: subnets[0].bootp_dynamic: \"maybe\" is not true or false"
            ),
            "{errs:#?}"
        );
        assert!(
            errs[2].starts_with(
                "f.yaml:5:23: subnets[0].bootp_lease_time: \"forever\" is not a whole number"
            ),
            "{errs:#?}"
        );
        assert!(
            errs[3].starts_with(
                "f.yaml:6:16: subnets[0].boot_file: is a list; expected a single value"
            ),
            "{errs:#?}"
        );
        assert!(
            errs[4]
                .starts_with("f.yaml:8:25: subnets[0].reservations[0]: unknown key \"bootfile\""),
            "{errs:#?}"
        );
    }

    #[test]
    fn boot_keys_are_written_only_when_set() {
        let (doc, _) = read("site.yaml", BOOT_SITE).expect("reads");
        let text = write(&doc, "test");
        assert_eq!(
            text,
            r#"# dhcplane site exported from test; apply with `dhcpctl apply -f FILE`
defaults:
  next_server: 192.0.2.1
  boot_file: pxelinux.0
options: {}
subnets:
  - cidr: 10.0.1.0/24
    lease_time: 0
    lease_time_min: 0
    lease_time_max: 0
    bootp: true
    bootp_dynamic: true
    bootp_lease_time: 3600
    next_server: 192.0.2.234
    server_name: boot1
    boot_file: efi/grubx64.efi
    options: {}
    pools: []
    reservations:
      - {mac: "02:00:00:00:0e:01", ip: 10.0.1.10, next_server: 192.0.2.235, server_name: boot2, boot_file: ipxe.efi}
"#
        );
        let (back, _) = read("export.yaml", &text).expect("reads back");
        // An export always lists the global options (`options: {}`).
        let mut doc = doc;
        doc.options_listed = true;
        assert_eq!(back, doc, "{text}");

        // Without them (and with defaults all unset, as a server with none
        // exports them) not a line changes.
        let mut plain = doc;
        plain.defaults = Some(pb::ServerDefaults::default());
        let s = &mut plain.subnets[0];
        s.bootp_dynamic = false;
        s.bootp_lease_time = 0;
        s.next_server.clear();
        s.server_name.clear();
        s.boot_file.clear();
        let r = &mut s.reservations[0];
        r.next_server.clear();
        r.server_name.clear();
        r.boot_file.clear();
        assert_eq!(
            write(&plain, "test"),
            r#"# dhcplane site exported from test; apply with `dhcpctl apply -f FILE`
options: {}
subnets:
  - cidr: 10.0.1.0/24
    lease_time: 0
    lease_time_min: 0
    lease_time_max: 0
    bootp: true
    options: {}
    pools: []
    reservations:
      - {mac: "02:00:00:00:0e:01", ip: 10.0.1.10}
"#
        );
    }

    #[test]
    fn a_written_document_reads_back_the_same() {
        let (doc, _) = read("site.yaml", SITE).expect("reads");
        let mut doc = doc;
        doc.options = vec![pb::OptionSetting {
            name: "option-224".into(),
            value: "01:02".into(),
            hex: true,
        }];
        doc.options_listed = true;
        doc.subnets[0].pools.push(pb::SitePool {
            start: "10.0.1.200".into(),
            end: "10.0.1.210".into(),
            exclusions: vec!["10.0.1.205".into()],
            description: "lab, 2nd floor".into(),
            options: vec![],
        });
        doc.subnets[0].reservations[0]
            .labels
            .insert("rack".into(), "r1".into());
        let text = write(&doc, "test");
        let (back, _) = read("export.yaml", &text).expect("reads back");
        assert_eq!(back, doc, "{text}");
    }
}
