//! A network lab in namespaces: a server namespace with bridges (one per
//! subnet), client namespaces plugged into them by veth pairs, optionally a
//! router namespace running `dhcrelay`. Real DHCP clients run in the client
//! namespaces; `ip netns exec` gives each its own `/etc/resolv.conf` from
//! `/etc/netns/NAME/`, so what a client configured can be read back. Every
//! namespace, process and file is removed on drop, pass or fail.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use crate::{bin, CtlOutput, FreshStore, TempDir};

static LABS: AtomicU32 = AtomicU32::new(0);

/// Runs a command; panics with its output when it fails.
pub fn sh(args: &[&str]) -> String {
    let out = Command::new(args[0])
        .args(&args[1..])
        .output()
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A set of namespaces torn down on drop.
#[derive(Debug)]
pub struct Lab {
    /// Short unique prefix of every name.
    pub prefix: String,
    /// The server namespace.
    pub server: String,
    namespaces: Vec<String>,
    /// Scratch directory (lease files, logs).
    pub dir: TempDir,
    bridges: u32,
    children: Vec<std::process::Child>,
}

/// A client namespace with one interface.
#[derive(Debug, Clone)]
pub struct Host {
    /// Namespace name.
    pub ns: String,
    /// Interface name inside it.
    pub iface: String,
    /// Its MAC.
    pub mac: String,
}

impl Lab {
    /// A server namespace with loopback up.
    pub fn new() -> Self {
        let n = LABS.fetch_add(1, Ordering::Relaxed);
        let prefix = format!("dp{:x}{n}", std::process::id() % 0xfff);
        let mut lab = Lab {
            server: format!("{prefix}s"),
            prefix,
            namespaces: Vec::new(),
            dir: TempDir::new(),
            bridges: 0,
            children: Vec::new(),
        };
        let s = lab.server.clone();
        lab.add_ns(&s);
        lab
    }

    fn add_ns(&mut self, ns: &str) {
        let _ = Command::new("ip")
            .args(["netns", "del", ns])
            .stderr(Stdio::null())
            .status();
        sh(&["ip", "netns", "add", ns]);
        self.namespaces.push(ns.to_string());
        sh(&["ip", "-n", ns, "link", "set", "lo", "up"]);
        let etc = PathBuf::from("/etc/netns").join(ns);
        std::fs::create_dir_all(&etc).expect("create /etc/netns dir");
        std::fs::write(etc.join("resolv.conf"), "").expect("resolv.conf");
    }

    /// A bridge in the server namespace with `addr` (CIDR) on it; returns its name.
    pub fn bridge(&mut self, addr: &str) -> String {
        self.bridges += 1;
        let br = format!("{}b{}", self.prefix, self.bridges);
        sh(&[
            "ip",
            "-n",
            &self.server,
            "link",
            "add",
            &br,
            "type",
            "bridge",
        ]);
        sh(&["ip", "-n", &self.server, "addr", "add", addr, "dev", &br]);
        sh(&["ip", "-n", &self.server, "link", "set", &br, "up"]);
        br
    }

    /// A new namespace `name` plugged into `bridge` of the server namespace,
    /// with hardware address `mac`.
    pub fn host(&mut self, name: &str, bridge: &str, mac: &str) -> Host {
        let server = self.server.clone();
        self.host_on(name, &server, bridge, mac)
    }

    /// A router namespace between `client_bridge` (server side) and a new
    /// client-side bridge: uplink `up_addr` on a link to the server whose
    /// server end gets `server_addr`; downlink `down_addr`. Runs dhcrelay
    /// towards `server_ip`. Returns the client-side bridge inside the router.
    pub fn relay(
        &mut self,
        server_addr: &str,
        up_addr: &str,
        down_addr: &str,
        down_net: &str,
        server_ip: &str,
    ) -> (String, String) {
        let rns = format!("{}r", self.prefix);
        self.add_ns(&rns);
        let (sv, rv) = (format!("{}su", self.prefix), format!("{}ru", self.prefix));
        sh(&[
            "ip",
            "link",
            "add",
            &sv,
            "netns",
            &self.server,
            "type",
            "veth",
            "peer",
            "name",
            &rv,
            "netns",
            &rns,
        ]);
        sh(&[
            "ip",
            "-n",
            &self.server,
            "addr",
            "add",
            server_addr,
            "dev",
            &sv,
        ]);
        sh(&["ip", "-n", &self.server, "link", "set", &sv, "up"]);
        sh(&["ip", "-n", &rns, "addr", "add", up_addr, "dev", &rv]);
        sh(&["ip", "-n", &rns, "link", "set", &rv, "up"]);
        let gw = up_addr.split('/').next().unwrap_or_default();
        sh(&[
            "ip",
            "-n",
            &self.server,
            "route",
            "add",
            down_net,
            "via",
            gw,
        ]);
        let br = format!("{}rb", self.prefix);
        sh(&["ip", "-n", &rns, "link", "add", &br, "type", "bridge"]);
        sh(&["ip", "-n", &rns, "addr", "add", down_addr, "dev", &br]);
        sh(&["ip", "-n", &rns, "link", "set", &br, "up"]);
        let log = self.dir.path().join("dhcrelay.log");
        let logf = std::fs::File::create(&log).expect("log");
        let relay = Command::new("ip")
            .args([
                "netns", "exec", &rns, "dhcrelay", "-4", "-d", "-id", &br, "-iu", &rv, server_ip,
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(logf)
            .spawn()
            .expect("start dhcrelay");
        self.children.push(relay);
        (rns, br)
    }

    /// Plugs a new host into a bridge of namespace `ns` (e.g. the router's).
    pub fn host_on(&mut self, name: &str, ns_of_bridge: &str, bridge: &str, mac: &str) -> Host {
        let ns = format!("{}{name}", self.prefix);
        self.add_ns(&ns);
        let (inner, outer) = (format!("{ns}i"), format!("{ns}o"));
        sh(&[
            "ip",
            "link",
            "add",
            &inner,
            "netns",
            &ns,
            "address",
            mac,
            "type",
            "veth",
            "peer",
            "name",
            &outer,
            "netns",
            ns_of_bridge,
        ]);
        sh(&[
            "ip",
            "-n",
            ns_of_bridge,
            "link",
            "set",
            &outer,
            "master",
            bridge,
        ]);
        sh(&["ip", "-n", ns_of_bridge, "link", "set", &outer, "up"]);
        sh(&["ip", "-n", &ns, "link", "set", &inner, "up"]);
        Host {
            ns,
            iface: inner,
            mac: mac.to_string(),
        }
    }

    /// Starts dhcplaned in the server namespace.
    pub fn daemon(&self, store: &FreshStore, args: &[&str]) -> crate::Daemon {
        crate::Daemon::start_in(Some(&self.server), store, args)
    }
}

impl Default for Lab {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
        for ns in self.namespaces.iter().rev() {
            if let Ok(out) = Command::new("ip").args(["netns", "pids", ns]).output() {
                for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                    let _ = Command::new("kill").args(["-KILL", pid]).status();
                }
            }
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
            let _ = std::fs::remove_dir_all(PathBuf::from("/etc/netns").join(ns));
        }
    }
}

/// Which real client to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    /// ISC dhclient (isc-dhcp-client).
    Dhclient,
    /// dhcpcd (dhcpcd-base).
    Dhcpcd,
    /// busybox udhcpc.
    Udhcpc,
}

impl Host {
    /// Runs `cmd` in this namespace.
    pub fn exec(&self, cmd: &[&str]) -> Output {
        Command::new("ip")
            .args(["netns", "exec", &self.ns])
            .args(cmd)
            .output()
            .expect("ip netns exec")
    }

    /// Gets a lease with `client` and returns once it is configured. The
    /// client stays running (as a daemon) where it does so by itself.
    pub fn dhcp(&self, client: Client, dir: &std::path::Path) -> Output {
        let lf = dir.join(format!("{}.leases", self.ns));
        let pf = dir.join(format!("{}.pid", self.ns));
        let (lf, pf) = (lf.display().to_string(), pf.display().to_string());
        let out = match client {
            Client::Dhclient => self.exec(&[
                "timeout",
                "60",
                "dhclient",
                "-v",
                "-1",
                "-lf",
                &lf,
                "-pf",
                &pf,
                &self.iface,
            ]),
            Client::Dhcpcd => self.exec(&[
                "timeout",
                "60",
                "dhcpcd",
                "-4",
                "-1",
                "-w",
                "-t",
                "30",
                "--nobackground",
                "--noipv4ll",
                &self.iface,
            ]),
            Client::Udhcpc => self.exec(&[
                "timeout",
                "60",
                "udhcpc",
                "-i",
                &self.iface,
                "-n",
                "-q",
                "-f",
                "-t",
                "10",
                "-T",
                "2",
                "-s",
                "/etc/udhcpc/default.script",
            ]),
        };
        assert!(
            out.status.success(),
            "{client:?} in {} failed: {}\n{}",
            self.ns,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// IPv4 addresses (CIDR) configured on the interface.
    pub fn addresses(&self) -> Vec<String> {
        let out = sh(&[
            "ip",
            "-n",
            &self.ns,
            "-4",
            "-o",
            "addr",
            "show",
            "dev",
            &self.iface,
        ]);
        out.lines()
            .filter_map(|l| {
                l.split_whitespace()
                    .skip_while(|w| *w != "inet")
                    .nth(1)
                    .map(String::from)
            })
            .collect()
    }

    /// The default gateway the client configured.
    pub fn gateway(&self) -> Option<String> {
        let out = sh(&["ip", "-n", &self.ns, "-4", "route", "show", "default"]);
        out.split_whitespace()
            .skip_while(|w| *w != "via")
            .nth(1)
            .map(String::from)
    }

    /// The resolv.conf the client wrote.
    pub fn resolv_conf(&self) -> String {
        std::fs::read_to_string(
            PathBuf::from("/etc/netns")
                .join(&self.ns)
                .join("resolv.conf"),
        )
        .unwrap_or_default()
    }
}

/// Waits for `cond` (checked on each state change the caller can observe
/// only by asking), up to `limit`; panics with `what` when it never holds.
pub fn wait_for(what: &str, limit: Duration, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    let mut delay = Duration::from_millis(20);
    while !cond() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(delay);
        delay = (delay * 2).min(Duration::from_millis(250));
    }
}

/// Runs dhcpctl in a namespace (the daemon's gRPC listens on its loopback).
pub(crate) fn ctl_in(ns: Option<&str>, addr: &str, args: &[&str]) -> CtlOutput {
    crate::command_in(ns, &bin("dhcpctl"))
        .args(["--server", addr])
        .args(args)
        .env_remove("DHCPCTL_SERVER")
        .env_remove("DHCPCTL_TOKEN")
        .env_remove("DHCPCTL_CONTEXT")
        .env_remove("DHCPCTL_CONFIG")
        .env_remove("HOME")
        .output()
        .expect("run dhcpctl")
        .into()
}
