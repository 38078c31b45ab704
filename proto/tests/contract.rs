//! The API's contract with its clients, checked on every build of the tests:
//! every service, RPC, message, field, enum and value is documented, and no
//! recorded field number, name or type, enum value or RPC signature changes
//! without `proto/api.lock` changing with it.
//!
//! Adding to the API: run `DHCPLANE_BLESS_API=1 cargo test -p dhcplane-proto`
//! to record the additions, and commit `proto/api.lock`. A line that
//! disappears from the lock is a breaking change for clients already
//! generated; it needs a new package version, not an edit.

use std::collections::BTreeSet;
use std::path::PathBuf;

use prost::Message;
use prost_types::{DescriptorProto, FileDescriptorSet};

fn files() -> Vec<prost_types::FileDescriptorProto> {
    FileDescriptorSet::decode(dhcplane_proto::v1::FILE_DESCRIPTOR_SET)
        .expect("descriptor set decodes")
        .file
        .into_iter()
        .filter(|f| f.package() == "dhcplane.v1")
        .collect()
}

/// Every element's (source path, full name).
fn elements(f: &prost_types::FileDescriptorProto) -> Vec<(Vec<i32>, String)> {
    fn message(
        out: &mut Vec<(Vec<i32>, String)>,
        m: &DescriptorProto,
        path: Vec<i32>,
        name: String,
    ) {
        out.push((path.clone(), name.clone()));
        for (i, field) in m.field.iter().enumerate() {
            out.push((
                [path.as_slice(), &[2, i as i32]].concat(),
                format!("{name}.{}", field.name()),
            ));
        }
        for (i, o) in m.oneof_decl.iter().enumerate() {
            // Synthetic oneofs of proto3 `optional` fields have no source.
            if m.field
                .iter()
                .any(|f| f.oneof_index == Some(i as i32) && f.proto3_optional())
            {
                continue;
            }
            out.push((
                [path.as_slice(), &[8, i as i32]].concat(),
                format!("{name}.{}", o.name()),
            ));
        }
        for (i, n) in m.nested_type.iter().enumerate() {
            if n.options.as_ref().is_some_and(|o| o.map_entry()) {
                continue;
            }
            message(
                out,
                n,
                [path.as_slice(), &[3, i as i32]].concat(),
                format!("{name}.{}", n.name()),
            );
        }
    }
    let mut out = Vec::new();
    for (i, m) in f.message_type.iter().enumerate() {
        message(&mut out, m, vec![4, i as i32], m.name().to_string());
    }
    for (i, e) in f.enum_type.iter().enumerate() {
        out.push((vec![5, i as i32], e.name().to_string()));
        for (j, v) in e.value.iter().enumerate() {
            out.push((
                vec![5, i as i32, 2, j as i32],
                format!("{}.{}", e.name(), v.name()),
            ));
        }
    }
    for (i, s) in f.service.iter().enumerate() {
        out.push((vec![6, i as i32], s.name().to_string()));
        for (j, m) in s.method.iter().enumerate() {
            out.push((
                vec![6, i as i32, 2, j as i32],
                format!("{}.{}", s.name(), m.name()),
            ));
        }
    }
    out
}

#[test]
fn every_element_is_documented() {
    let mut missing = Vec::new();
    for f in files() {
        let info = f.source_code_info.clone().expect("source info compiled in");
        let documented: BTreeSet<Vec<i32>> = info
            .location
            .iter()
            .filter(|l| {
                l.leading_comments
                    .as_deref()
                    .is_some_and(|c| !c.trim().is_empty())
            })
            .map(|l| l.path.clone())
            .collect();
        for (path, name) in elements(&f) {
            if !documented.contains(&path) {
                missing.push(format!("{}: {name}", f.name()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "give each of these a `//` comment on the line(s) before it:\n{}",
        missing.join("\n")
    );
}

/// One line per field, enum value and RPC: what a generated client depends on.
fn contract() -> BTreeSet<String> {
    fn message(out: &mut BTreeSet<String>, m: &DescriptorProto, name: &str) {
        for f in &m.field {
            let ty = match f.type_name() {
                "" => format!("{:?}", f.r#type()),
                t => t.to_string(),
            };
            out.insert(format!(
                "field {name}.{} = {} {:?} {ty}",
                f.name(),
                f.number(),
                f.label()
            ));
        }
        for n in &m.nested_type {
            message(out, n, &format!("{name}.{}", n.name()));
        }
        for e in &m.enum_type {
            for v in &e.value {
                out.insert(format!(
                    "value {name}.{}.{} = {}",
                    e.name(),
                    v.name(),
                    v.number()
                ));
            }
        }
    }
    let mut out = BTreeSet::new();
    for f in files() {
        for m in &f.message_type {
            message(&mut out, m, m.name());
        }
        for e in &f.enum_type {
            for v in &e.value {
                out.insert(format!("value {}.{} = {}", e.name(), v.name(), v.number()));
            }
        }
        for s in &f.service {
            for m in &s.method {
                out.insert(format!(
                    "rpc {}.{}({}{}) returns ({}{})",
                    s.name(),
                    m.name(),
                    if m.client_streaming() { "stream " } else { "" },
                    m.input_type(),
                    if m.server_streaming() { "stream " } else { "" },
                    m.output_type()
                ));
            }
        }
    }
    out
}

#[test]
fn no_recorded_part_of_the_api_changes() {
    let lock = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("api.lock");
    let now = contract();
    let recorded: BTreeSet<String> = std::fs::read_to_string(&lock)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let gone: Vec<&String> = recorded.difference(&now).collect();
    assert!(
        gone.is_empty(),
        "these recorded parts of dhcplane.v1 changed or disappeared, which breaks \
         generated clients (a renumbered, renamed or retyped field, a removed value \
         or RPC); put them back:\n{}",
        gone.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let new: Vec<&String> = now.difference(&recorded).collect();
    if std::env::var_os("DHCPLANE_BLESS_API").is_some() {
        let mut text = String::from(
            "# dhcplane.v1 as clients see it: field numbers, names and types, enum values\n\
             # and RPC signatures. Checked by proto/tests/contract.rs; lines may be added\n\
             # (DHCPLANE_BLESS_API=1 cargo test -p dhcplane-proto), never changed or removed.\n",
        );
        for l in &now {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(&lock, text).expect("write api.lock");
        return;
    }
    assert!(
        new.is_empty(),
        "new parts of dhcplane.v1 are not recorded in proto/api.lock; record them with \
         `DHCPLANE_BLESS_API=1 cargo test -p dhcplane-proto` and commit the lock:\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
