//! The client packages of `clients/` against the real daemon on the embedded
//! store. Each package is installed the way its README says (`pip install`
//! into a fresh venv; `npm ci` and `npm run build`), then its
//! `examples/provision` runs inside the lab's server namespace, connecting
//! over TLS with a token through the package's `connect()`. While it follows
//! the event stream, a real DHCP client (udhcpc) in another namespace takes
//! the reserved address; the test then checks what the example printed
//! against the client, the store and `dhcpctl watch`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use dhcplane_tests::lab::{Client, Lab};
use dhcplane_tests::{bootstrap_token, fresh_store, make_pki, Backend, Daemon, TempDir};
use serde_json::Value;

const MAC: &str = "02:00:00:00:0a:01";
const IP: &str = "10.0.0.50";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repository root")
        .to_path_buf()
}

/// Runs `cmd` in `dir`; panics with its output when it fails.
fn run(dir: &Path, cmd: &[&str]) -> String {
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What an example printed and how it ended.
struct Run {
    lines: Vec<String>,
    stderr: String,
    success: bool,
}

/// Runs `example` (program and arguments) in the lab's server namespace
/// against a daemon serving TLS with tokens; once it is following events,
/// a udhcpc client with the reserved MAC takes its address. Checks the
/// example's output, the client and the store.
fn provision_with(example: &[String]) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let mut lab = Lab::new();
    let br = lab.bridge("10.0.0.1/24");
    let pki = TempDir::new();
    make_pki(pki.path());
    let f = |n: &str| pki.path().join(n).display().to_string();
    let token = bootstrap_token(&store, "operator", "provisioner");
    let d = Daemon::start_with(
        Some(&lab.server),
        &store,
        &[
            "--interface",
            &br,
            "--tls-cert",
            &f("server.pem"),
            "--tls-key",
            &f("server.key"),
        ],
        &["--ca", &f("ca.pem"), "--token", &token],
    );

    let mut child = Command::new("ip")
        .args(["netns", "exec", &lab.server])
        .args(example)
        .args(["--server", &d.addr, "--ca", &f("ca.pem"), "--token", &token])
        .args(["--interface", &br, "--mac", MAC, "--ip", IP])
        .args(["--timeout", "60"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{example:?}: {e}"));
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut lines = Vec::new();
    // The example has provisioned the subnet once it says it is watching.
    while !lines
        .last()
        .is_some_and(|l: &String| l.starts_with("watching"))
    {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => lines.push(line),
            Err(_) => {
                let _ = child.kill();
                let out = child.wait_with_output().expect("example output");
                panic!(
                    "{example:?} did not start watching; printed {lines:?}\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
    let host = lab.host("c1", &br, MAC);
    host.dhcp(Client::Udhcpc, lab.dir.path());
    let out = child.wait_with_output().expect("example output");
    reader.join().expect("reader");
    lines.extend(rx.try_iter());
    let run = Run {
        lines,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        success: out.status.success(),
    };
    check(&run, &d, &host.addresses());
}

fn check(run: &Run, d: &Daemon, client_addresses: &[String]) {
    let all = run.lines.join("\n");
    eprintln!("{all}");
    assert!(run.success, "example failed: {}\n{all}", run.stderr);
    let line = |prefix: &str| {
        run.lines
            .iter()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starting {prefix:?} in:\n{all}"))
            .clone()
    };

    // What it made is in the store, under the token's name.
    let subnets = d.json(&["subnet", "list"]);
    let subnet = &subnets[0];
    assert_eq!(subnets.as_array().map(Vec::len), Some(1), "{subnets}");
    assert_eq!(
        line("subnet "),
        format!("subnet 10.0.0.0/24: id {}", subnet["id"])
    );
    let pools = d.json(&["pool", "list"]);
    assert_eq!(
        line("pool "),
        format!("pool 10.0.0.100-10.0.0.199: id {}", pools[0]["id"])
    );
    let reservations = d.json(&["reservation", "list"]);
    let r = &reservations[0];
    assert_eq!(
        line("reservation "),
        format!("reservation {MAC} -> {IP}: id {}", r["id"])
    );
    assert_eq!(r["hostname"], "printer-1", "{r}");
    assert_eq!(r["labels"]["role"], "printer", "{r}");
    assert_eq!(line("leases in "), "leases in 10.0.0.0/24: 0");
    let audit = d.json(&["audit"]);
    let audit = audit.as_array().expect("audit array");
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert!(
        audit.iter().all(|e| e["principal"] == "provisioner"),
        "{audit:?}"
    );

    // The events it followed are the stream's, for that MAC, in order.
    let events: Vec<(u64, String, String)> = run
        .lines
        .iter()
        .filter_map(|l| l.strip_prefix("event "))
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            assert_eq!(f.len(), 3, "event line {l:?}");
            (
                f[0].parse().expect("cursor"),
                f[1].to_string(),
                f[2].to_string(),
            )
        })
        .collect();
    let kinds: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"reservation_created"), "{all}");
    assert_eq!(kinds.last(), Some(&"bound"), "{all}");
    assert!(kinds.contains(&"offered"), "{all}");
    assert!(events.iter().all(|e| e.2 == IP), "{all}");
    let stream = d.events(&["--since", "0", "--mac", MAC], events.len());
    let from_stream: Vec<(u64, String, String)> = stream
        .iter()
        .map(|e| {
            (
                e["cursor"].as_u64().expect("cursor"),
                e["kind"].as_str().unwrap_or_default().to_string(),
                e["ip"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(events, from_stream);

    // The client has the reserved address and the example saw its lease.
    assert!(
        client_addresses.iter().any(|a| a == &format!("{IP}/24")),
        "{client_addresses:?}"
    );
    let lease = line("lease ");
    assert!(
        lease.starts_with(&format!("lease {IP} {MAC} bound until ")),
        "{lease}"
    );
    let leases: Vec<Value> = d
        .json(&["lease", "list"])
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        leases
            .iter()
            .any(|l| l["ip"] == IP && l["mac"] == MAC && l["state"] == "bound"),
        "{leases:?}"
    );
}

#[test]
fn python_example_provisions_and_follows_the_client() {
    let dir = repo().join("clients/python");
    let venv = TempDir::new();
    let v = venv.path().display().to_string();
    run(&dir, &["python3", "-m", "venv", &v]);
    let pip = format!("{v}/bin/pip");
    run(
        &dir,
        &[
            &pip,
            "install",
            "--quiet",
            "--disable-pip-version-check",
            ".",
        ],
    );
    let python = format!("{v}/bin/python");
    let example = dir.join("examples/provision.py").display().to_string();
    provision_with(&[python, example]);
}

#[test]
fn typescript_example_provisions_and_follows_the_client() {
    let dir = repo().join("clients/typescript");
    if !dir.join("node_modules/.bin/tsc").exists() {
        run(&dir, &["npm", "ci", "--no-audit", "--no-fund"]);
    }
    run(&dir, &["npm", "run", "build"]);
    // What `npm pack` would ship: the compiled client and the protos it loads.
    let packed: Value = serde_json::from_str(&run(&dir, &["npm", "pack", "--dry-run", "--json"]))
        .expect("npm pack --json");
    let files: Vec<&str> = packed[0]["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    for want in [
        "dist/src/index.js",
        "dist/src/index.d.ts",
        "dist/src/generated/dhcplane/v1/Event.d.ts",
        "proto/dhcplane/v1/events.proto",
    ] {
        assert!(files.contains(&want), "npm pack lacks {want}: {files:?}");
    }
    let example = dir.join("dist/examples/provision.js").display().to_string();
    provision_with(&["node".to_string(), example]);
}
