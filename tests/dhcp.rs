//! DHCP on the wire with real clients: dhclient, dhcpcd and busybox udhcpc
//! in network namespaces, dhcrelay for a relayed subnet, the real
//! dhcplaned provisioned with the real dhcpctl. Every test asserts on what
//! the client itself configured and on `dhcpctl -o json lease list`.

use std::time::Duration;

use dhcplane_tests::lab::{wait_for, Client, Host, Lab};
use dhcplane_tests::{fresh_store, Backend, Daemon, FreshStore};
use serde_json::Value;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

fn leases(d: &Daemon) -> Vec<Value> {
    d.json(&["lease", "list"])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn lease_of<'a>(all: &'a [Value], mac: &str) -> Option<&'a Value> {
    all.iter()
        .find(|l| l["mac"] == mac && l["state"] == "bound")
}

fn in_range(cidr: &str, first: u8, last: u8, prefix: &str) -> bool {
    let (ip, len) = cidr.split_once('/').unwrap_or((cidr, ""));
    let Some(last_octet) = ip.strip_prefix(prefix).and_then(|o| o.parse::<u8>().ok()) else {
        return false;
    };
    len == "24" && (first..=last).contains(&last_octet)
}

/// Asserts the client configured `ip`/24, the router and the DNS settings.
fn assert_configured(h: &Host, ip_ok: impl Fn(&str) -> bool, router: &str, what: &str) -> String {
    let addrs = h.addresses();
    let addr = addrs
        .iter()
        .find(|a| ip_ok(a))
        .unwrap_or_else(|| panic!("{what}: no expected address among {addrs:?}"))
        .clone();
    assert_eq!(
        h.gateway().as_deref(),
        Some(router),
        "{what}: default route"
    );
    let resolv = h.resolv_conf();
    for want in ["nameserver 10.0.0.1", "nameserver 10.0.0.2", "lab.example"] {
        assert!(
            resolv.contains(want),
            "{what}: resolv.conf lacks {want:?}:\n{resolv}"
        );
    }
    addr.split('/').next().unwrap_or_default().to_string()
}

fn provision_lab_subnet(d: &Daemon, bridge: &str, extra: &[&str]) {
    let mut args = vec![
        "subnet",
        "add",
        "10.0.0.0/24",
        "--router",
        "10.0.0.1",
        "--dns",
        "10.0.0.1,10.0.0.2",
        "--domain",
        "lab.example",
        "--interface",
        bridge,
    ];
    args.extend_from_slice(extra);
    d.ok(&args);
}

/// A lab with one bridge, 10.0.0.1/24, served by dhcplaned: the subnet with
/// router, DNS and domain (and `subnet_args`), and one pool.
struct OneSubnet {
    store: FreshStore,
    br: String,
    lab: Lab,
    d: Daemon,
}

fn one_subnet(
    backend: Backend,
    daemon_args: &[&str],
    subnet_args: &[&str],
    pool: &str,
) -> OneSubnet {
    let store = runtime().block_on(fresh_store(backend));
    let mut lab = Lab::new();
    let br = lab.bridge("10.0.0.1/24");
    let mut args = vec!["--interface", br.as_str()];
    args.extend_from_slice(daemon_args);
    let d = lab.daemon(&store, &args);
    provision_lab_subnet(&d, &br, subnet_args);
    d.ok(&["pool", "add", "10.0.0.0/24", pool]);
    OneSubnet { store, br, lab, d }
}

#[test]
fn each_client_gets_its_reserved_and_a_pool_address() {
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(Backend::Sqlite, &[], &[], "10.0.0.100-10.0.0.199");
    let clients = [
        (Client::Dhclient, "1"),
        (Client::Dhcpcd, "2"),
        (Client::Udhcpc, "3"),
    ];
    for (client, n) in clients {
        let reserved_mac = format!("02:00:00:00:0{n}:01");
        let ip = format!("10.0.0.1{n}");
        d.ok(&[
            "reservation",
            "add",
            "--mac",
            &reserved_mac,
            "--ip",
            &ip,
            "--hostname",
            &format!("host{n}"),
        ]);
        let reserved = lab.host(&format!("r{n}"), &br, &reserved_mac);
        let pooled = lab.host(&format!("p{n}"), &br, &format!("02:00:00:00:0{n}:02"));
        reserved.dhcp(client, lab.dir.path());
        pooled.dhcp(client, lab.dir.path());
        let what = format!("{client:?}");
        let got = assert_configured(
            &reserved,
            |a| a == format!("{ip}/24"),
            "10.0.0.1",
            &format!("{what} reserved"),
        );
        assert_eq!(got, ip);
        let pool_ip = assert_configured(
            &pooled,
            |a| in_range(a, 100, 199, "10.0.0."),
            "10.0.0.1",
            &format!("{what} pooled"),
        );
        let all = leases(&d);
        assert_eq!(
            lease_of(&all, &reserved.mac).map(|l| l["ip"].clone()),
            Some(Value::from(ip.clone())),
            "{what}: {all:?}"
        );
        assert_eq!(
            lease_of(&all, &pooled.mac).map(|l| l["ip"].clone()),
            Some(Value::from(pool_ip)),
            "{what}: {all:?}"
        );
    }
    let status = d.json(&["status"]);
    assert!(
        status["counters"]["sent.ack"].as_u64().unwrap_or(0) >= 6,
        "{status}"
    );
}

#[test]
fn renew_keeps_the_address_and_release_frees_it() {
    // A 6-second lease: T1 comes after 3 s.
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(
        Backend::Sqlite,
        &[],
        &["--lease-time", "6", "--min-lease-time", "4"],
        "10.0.0.100-10.0.0.199",
    );
    let h = lab.host("a", &br, "02:00:00:00:0a:01");
    h.dhcp(Client::Dhclient, lab.dir.path());
    let ip = assert_configured(
        &h,
        |a| in_range(a, 100, 199, "10.0.0."),
        "10.0.0.1",
        "dhclient",
    );
    let first = lease_of(&leases(&d), &h.mac).expect("bound lease")["starts"].clone();
    wait_for("dhclient to renew", Duration::from_secs(30), || {
        lease_of(&leases(&d), &h.mac)
            .is_some_and(|l| l["starts"] != first && l["ip"] == ip.as_str())
    });
    assert!(
        h.addresses().contains(&format!("{ip}/24")),
        "the client kept its address after renewing"
    );
    assert!(
        d.json(&["status"])["counters"]["received.request"]
            .as_u64()
            .unwrap_or(0)
            >= 2
    );

    let lf = lab
        .dir
        .path()
        .join(format!("{}.leases", h.ns))
        .display()
        .to_string();
    let pf = lab
        .dir
        .path()
        .join(format!("{}.pid", h.ns))
        .display()
        .to_string();
    let out = h.exec(&["dhclient", "-r", "-lf", &lf, "-pf", &pf, &h.iface]);
    assert!(
        out.status.success(),
        "dhclient -r: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_for(
        "the release to be recorded",
        Duration::from_secs(10),
        || d.json(&["lease", "get", &ip])[0]["state"] == "released",
    );

    // The event stream tells the same story, in order, for this client.
    let story = d.events(
        &[
            "--since",
            "0",
            "--mac",
            &h.mac,
            "--kind",
            "offered,bound,released",
        ],
        3,
    );
    let kinds: Vec<&str> = story.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["offered", "bound", "released"]);
    for e in &story {
        assert_eq!(e["ip"], ip.as_str(), "{e}");
        assert_eq!(e["subnet"], "10.0.0.0/24", "{e}");
    }
    assert!(story[0]["cursor"].as_u64() < story[1]["cursor"].as_u64());
    let renewed = d.events(&["--since", "0", "--mac", &h.mac, "--kind", "renewed"], 1);
    assert_eq!(renewed[0]["ip"], ip.as_str());
    assert!(renewed[0]["cursor"].as_u64() > story[1]["cursor"].as_u64());
}

/// A client that never renews (udhcpc -q quits once bound): its lease runs
/// out, the store says expired, and the event stream says so.
#[test]
fn an_unrenewed_lease_expires_with_an_event() {
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(
        Backend::Sqlite,
        &[],
        &["--lease-time", "4", "--min-lease-time", "4"],
        "10.0.0.100-10.0.0.199",
    );
    let h = lab.host("a", &br, "02:00:00:00:0e:01");
    h.dhcp(Client::Udhcpc, lab.dir.path());
    let ip = lease_of(&leases(&d), &h.mac).expect("bound lease")["ip"]
        .as_str()
        .expect("ip")
        .to_string();
    // The stream blocks until the expiry happens (or `events` times out).
    let expired = d.events(&["--since", "0", "--mac", &h.mac, "--kind", "expired"], 1);
    assert_eq!(expired[0]["ip"], ip.as_str());
    assert_eq!(expired[0]["subnet"], "10.0.0.0/24");
    assert_eq!(d.json(&["lease", "get", &ip])[0]["state"], "expired");
}

#[test]
fn a_declined_address_is_not_handed_out_during_probation() {
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(Backend::Sqlite, &[], &[], "10.0.0.100-10.0.0.110");
    // A host squats on the first pool address without asking.
    let squatter = lab.host("sq", &br, "02:00:00:00:0b:99");
    dhcplane_tests::lab::sh(&[
        "ip",
        "-n",
        &squatter.ns,
        "addr",
        "add",
        "10.0.0.100/24",
        "dev",
        &squatter.iface,
    ]);
    // dhcpcd probes the offered address (RFC 5227), finds it taken and declines it.
    let h = lab.host("dc", &br, "02:00:00:00:0b:01");
    h.dhcp(Client::Dhcpcd, lab.dir.path());
    let got = assert_configured(
        &h,
        |a| in_range(a, 101, 110, "10.0.0."),
        "10.0.0.1",
        "dhcpcd after decline",
    );
    assert_ne!(got, "10.0.0.100");
    let declined = d.json(&["lease", "get", "10.0.0.100"]);
    assert_eq!(declined[0]["state"], "declined", "{declined}");
    // Nobody else gets it while it is in probation.
    let other = lab.host("o", &br, "02:00:00:00:0b:02");
    other.dhcp(Client::Udhcpc, lab.dir.path());
    let other_ip = assert_configured(
        &other,
        |a| in_range(a, 101, 110, "10.0.0."),
        "10.0.0.1",
        "udhcpc",
    );
    assert_ne!(other_ip, got);
    assert!(
        d.json(&["status"])["counters"]["received.decline"]
            .as_u64()
            .unwrap_or(0)
            >= 1
    );
}

#[test]
fn two_subnets_on_two_interfaces() {
    let rt = runtime();
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let mut lab = Lab::new();
    let b0 = lab.bridge("10.0.0.1/24");
    let b1 = lab.bridge("10.1.0.1/24");
    let d = lab.daemon(&store, &["--interface", &b0, "--interface", &b1]);
    provision_lab_subnet(&d, &b0, &[]);
    d.ok(&[
        "subnet",
        "add",
        "10.1.0.0/24",
        "--router",
        "10.1.0.1",
        "--dns",
        "10.0.0.1,10.0.0.2",
        "--domain",
        "lab.example",
        "--interface",
        &b1,
    ]);
    d.ok(&["pool", "add", "10.0.0.0/24", "10.0.0.100-10.0.0.199"]);
    d.ok(&["pool", "add", "10.1.0.0/24", "10.1.0.100-10.1.0.199"]);
    let h0 = lab.host("h0", &b0, "02:00:00:00:0c:01");
    let h1 = lab.host("h1", &b1, "02:00:00:00:0c:02");
    h0.dhcp(Client::Udhcpc, lab.dir.path());
    h1.dhcp(Client::Dhclient, lab.dir.path());
    assert_configured(
        &h0,
        |a| in_range(a, 100, 199, "10.0.0."),
        "10.0.0.1",
        "first subnet",
    );
    assert_configured(
        &h1,
        |a| in_range(a, 100, 199, "10.1.0."),
        "10.1.0.1",
        "second subnet",
    );
}

#[test]
fn a_relayed_subnet_through_dhcrelay() {
    let rt = runtime();
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let mut lab = Lab::new();
    let uplink = format!("{}su", lab.prefix);
    let (router, down) = lab.relay(
        "10.9.0.1/24",
        "10.9.0.2/24",
        "10.2.0.1/24",
        "10.2.0.0/24",
        "10.9.0.1",
    );
    let d = lab.daemon(&store, &["--interface", &uplink]);
    d.ok(&[
        "subnet",
        "add",
        "10.2.0.0/24",
        "--router",
        "10.2.0.1",
        "--dns",
        "10.0.0.1,10.0.0.2",
        "--domain",
        "lab.example",
        "--relay",
        "10.2.0.1",
    ]);
    d.ok(&["pool", "add", "10.2.0.0/24", "10.2.0.100-10.2.0.199"]);
    let h = lab.host_on("rc", &router, &down, "02:00:00:00:0d:01");
    h.dhcp(Client::Dhclient, lab.dir.path());
    let ip = assert_configured(
        &h,
        |a| in_range(a, 100, 199, "10.2.0."),
        "10.2.0.1",
        "relayed dhclient",
    );
    assert_eq!(
        lease_of(&leases(&d), &h.mac).map(|l| l["ip"].clone()),
        Some(Value::from(ip))
    );
}

#[test]
fn a_reservation_added_while_running_is_honoured() {
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(Backend::Sqlite, &[], &[], "10.0.0.100-10.0.0.199");
    let h = lab.host("n", &br, "02:00:00:00:0e:01");
    d.ok(&["reservation", "add", "--mac", &h.mac, "--ip", "10.0.0.42"]);
    h.dhcp(Client::Udhcpc, lab.dir.path());
    assert_configured(
        &h,
        |a| a == "10.0.0.42/24",
        "10.0.0.1",
        "udhcpc with a fresh reservation",
    );
}

/// What udhcpc hands its script when bound: its environment, one
/// `NAME=value` per line (siaddr, sname, boot_file among them).
fn udhcpc_bound_env(h: &Host, dir: &std::path::Path) -> String {
    let script = dir.join(format!("{}-env.sh", h.ns));
    let out = dir.join(format!("{}.env", h.ns));
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\n[ \"$1\" = bound ] && env > {}\nexit 0\n",
            out.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let script = script.display().to_string();
    let o = h.exec(&[
        "timeout", "60", "udhcpc", "-i", &h.iface, "-n", "-q", "-f", "-t", "10", "-T", "2", "-s",
        &script,
    ]);
    assert!(
        o.status.success(),
        "udhcpc: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(&out).expect("udhcpc ran its script on bound")
}

#[test]
fn boot_fields_reach_a_real_client_from_reservation_subnet_and_defaults() {
    let OneSubnet {
        store: _store,
        br,
        mut lab,
        d,
    } = one_subnet(
        Backend::Sqlite,
        &[],
        &["--next-server", "192.0.2.234", "--boot-file", "pxelinux.0"],
        "10.0.0.100-10.0.0.199",
    );
    d.ok(&[
        "defaults",
        "set",
        "--server-name",
        "boot0",
        "--boot-file",
        "ignored.0",
    ]);
    let pooled = lab.host("b1", &br, "02:00:00:00:0b:01");
    let reserved = lab.host("b2", &br, "02:00:00:00:0b:02");
    d.ok(&[
        "reservation",
        "add",
        "--mac",
        &reserved.mac,
        "--ip",
        "10.0.0.60",
        "--boot-file",
        "grubx64.efi",
    ]);
    let env = udhcpc_bound_env(&pooled, lab.dir.path());
    for want in ["siaddr=192.0.2.234", "boot_file=pxelinux.0", "sname=boot0"] {
        assert!(
            env.lines().any(|l| l == want),
            "the subnet's next server and boot file, the default server name: {want} not in\n{env}"
        );
    }
    let env = udhcpc_bound_env(&reserved, lab.dir.path());
    assert!(env.lines().any(|l| l == "ip=10.0.0.60"), "{env}");
    assert!(
        env.lines().any(|l| l == "boot_file=grubx64.efi"),
        "the reservation's own boot file: {env}"
    );
    assert!(env.lines().any(|l| l == "siaddr=192.0.2.234"), "{env}");
}

#[test]
fn postgres_binding_survives_a_crash_and_renews() {
    let OneSubnet {
        store,
        br,
        mut lab,
        mut d,
    } = one_subnet(
        Backend::Postgres,
        &[],
        &["--lease-time", "8", "--min-lease-time", "4"],
        "10.0.0.100-10.0.0.199",
    );
    let a = lab.host("a", &br, "02:00:00:00:0f:01");
    a.dhcp(Client::Dhclient, lab.dir.path());
    let ip = assert_configured(
        &a,
        |x| in_range(x, 100, 199, "10.0.0."),
        "10.0.0.1",
        "dhclient before the crash",
    );

    // The ACK left only after the binding was committed: kill -9 now.
    d.kill9();
    let d = lab.daemon(&store, &["--interface", &br]);
    let before = lease_of(&leases(&d), &a.mac)
        .expect("binding survived the crash")
        .clone();
    assert_eq!(before["ip"], ip.as_str());
    wait_for(
        "dhclient to renew with the restarted daemon",
        Duration::from_secs(40),
        || lease_of(&leases(&d), &a.mac).is_some_and(|l| l["starts"] != before["starts"]),
    );
    assert_eq!(
        lease_of(&leases(&d), &a.mac).expect("bound")["ip"],
        ip.as_str(),
        "renewed, same address"
    );
    assert!(a.addresses().contains(&format!("{ip}/24")));

    // A second client gets a different address: nothing is handed out twice.
    let b = lab.host("b", &br, "02:00:00:00:0f:02");
    b.dhcp(Client::Udhcpc, lab.dir.path());
    let ip_b = assert_configured(
        &b,
        |x| in_range(x, 100, 199, "10.0.0."),
        "10.0.0.1",
        "udhcpc after the crash",
    );
    assert_ne!(ip_b, ip);
    let all = leases(&d);
    let mut bound: Vec<&str> = all
        .iter()
        .filter(|l| l["state"] == "bound")
        .filter_map(|l| l["ip"].as_str())
        .collect();
    let n = bound.len();
    bound.sort_unstable();
    bound.dedup();
    assert_eq!(bound.len(), n, "an address is bound twice: {all:?}");
}

/// A relayed DISCOVER from giaddr 127.0.0.2.
fn relayed_discover(xid: u32, mac: [u8; 6]) -> Vec<u8> {
    let mut b = vec![0u8; 236];
    b[0] = 1;
    b[1] = 1;
    b[2] = 6;
    b[3] = 1;
    b[4..8].copy_from_slice(&xid.to_be_bytes());
    b[24..28].copy_from_slice(&[127, 0, 0, 2]);
    b[28..34].copy_from_slice(&mac);
    b.extend_from_slice(&[99, 130, 83, 99, 53, 1, 1, 255]);
    b
}

#[test]
fn malformed_datagrams_are_dropped_counted_and_serving_goes_on() {
    use std::net::UdpSocket;
    let rt = runtime();
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let port = UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("port")
        .port();
    let port_s = port.to_string();
    // Loopback only: the daemon listens on 127.0.0.1, the test is a relay at 127.0.0.2.
    let d = Daemon::start(&store, &["--listen", "127.0.0.1", "--dhcp-port", &port_s]);
    d.ok(&[
        "subnet",
        "add",
        "10.77.0.0/24",
        "--relay",
        "127.0.0.2",
        "--router",
        "10.77.0.1",
    ]);
    d.ok(&["pool", "add", "10.77.0.0/24", "10.77.0.10-10.77.0.250"]);
    let relay = UdpSocket::bind(("127.0.0.2", port)).expect("bind relay side");
    relay
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let server = ("127.0.0.1", port);

    let good = relayed_discover(1, [2, 0, 0, 0, 0x77, 1]);
    let mut wrong_op = good.clone();
    wrong_op[0] = 2;
    let mut big_hlen = good.clone();
    big_hlen[2] = 17;
    let mut bad_len = good[..good.len() - 1].to_vec();
    bad_len.extend_from_slice(&[12, 200, b'x']);
    let mut no_type = good.clone();
    no_type.truncate(240);
    no_type.push(255);
    for bad in [
        &good[..60],
        &wrong_op[..],
        &big_hlen[..],
        &bad_len[..],
        &no_type[..],
        &[][..],
    ] {
        relay.send_to(bad, server).expect("send");
    }
    // And a few thousand datagrams of noise (a fixed LCG, so reruns match).
    let mut x: u32 = 0x2545_f491;
    for i in 0..2000 {
        let len = 240 + (i % 300);
        let mut noise: Vec<u8> = (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (x >> 24) as u8
            })
            .collect();
        if i % 2 == 0 {
            // Half look like DHCP to get past the header checks.
            noise[..240].copy_from_slice(&good[..240]);
        }
        relay.send_to(&noise, server).expect("send noise");
    }
    // The daemon still serves: a relayed DISCOVER gets an OFFER back at the
    // relay. Like a real relay, retransmit: the noise may have filled the
    // socket's receive buffer, and the kernel drops what does not fit.
    relay
        .set_read_timeout(Some(Duration::from_secs(1)))
        .expect("timeout");
    let mut buf = [0u8; 1500];
    let mut offer = None;
    'tries: for _ in 0..15 {
        relay
            .send_to(&relayed_discover(0xabcd, [2, 0, 0, 0, 0x77, 2]), server)
            .expect("send");
        while let Ok((n, _)) = relay.recv_from(&mut buf) {
            if buf[4..8] == 0xabcd_u32.to_be_bytes() {
                offer = Some(buf[..n].to_vec());
                break 'tries;
            }
        }
    }
    let offer = offer.unwrap_or_else(|| panic!("no OFFER after the noise; log:\n{}", d.log_text()));
    assert_eq!(offer[0], 2);
    assert_eq!(
        &offer[16..19],
        &[10, 77, 0],
        "yiaddr from the relayed subnet"
    );
    let counters = d.json(&["status"])["counters"].clone();
    for c in [
        "drop.truncated",
        "drop.not_bootrequest",
        "drop.bad_hlen",
        "drop.bad_option_length",
        "silent.bootp_disabled",
    ] {
        assert!(
            counters[c].as_u64().unwrap_or(0) >= 1,
            "counter {c} missing: {counters}"
        );
    }
    assert!(!d.log_text().contains("panicked"), "{}", d.log_text());
}

#[test]
fn serving_goes_on_after_dropping_root() {
    let OneSubnet {
        store,
        br,
        mut lab,
        d,
    } = one_subnet(
        Backend::Sqlite,
        &["--user", "nobody"],
        &[],
        "10.0.0.100-10.0.0.199",
    );
    assert!(
        d.log_text().contains("privileges dropped"),
        "{}",
        d.log_text()
    );
    let nobody = dhcplane_tests::lab::sh(&["id", "-u", "nobody"])
        .trim()
        .parse::<u32>()
        .expect("uid");
    let db = std::os::unix::fs::MetadataExt::uid(
        &std::fs::metadata(store.dir.path().join("dhcplane.db")).expect("db"),
    );
    assert_eq!(db, nobody, "the embedded store was handed to the user");
    let h = lab.host("u", &br, "02:00:00:00:10:01");
    // dhclient asks for unicast; without root the reply is broadcast instead.
    h.dhcp(Client::Dhclient, lab.dir.path());
    let ip = assert_configured(
        &h,
        |a| in_range(a, 100, 199, "10.0.0."),
        "10.0.0.1",
        "dhclient, daemon without root",
    );
    assert_eq!(
        lease_of(&leases(&d), &h.mac).map(|l| l["ip"].clone()),
        Some(Value::from(ip)),
        "the binding was written"
    );
    let counters = d.json(&["status"])["counters"].clone();
    assert!(
        counters["send.arp_fallback_broadcast"]
            .as_u64()
            .unwrap_or(0)
            >= 1,
        "{counters}"
    );
}
