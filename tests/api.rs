//! The real `dhcplaned`, driven by the real `dhcpctl`, on both stores:
//! the README walkthrough exactly as written, every validation rule with its
//! gRPC code and message, leases, restarts and shutdown, one daemon a store.

use std::time::Duration;

use dhcplane_server::model::{Lease, LeaseState, SubnetId};
use dhcplane_server::store;
use dhcplane_tests::{dhcplaned, fresh_store, Backend, Daemon, FreshStore};
use serde_json::Value;

dhcplane_tests::both_backends!(
    walkthrough,
    validation_errors_change_nothing,
    leases,
    listing_walks_every_page,
    restart_keeps_provisioning,
    one_daemon_per_store,
    boot_fields_and_defaults_through_dhcpctl
);

/// The walkthrough of README.md, command for command.
const WALKTHROUGH: &[&[&str]] = &[
    &[
        "subnet",
        "add",
        "10.0.0.0/24",
        "--router",
        "10.0.0.1",
        "--dns",
        "10.0.0.1,10.0.0.2",
        "--domain",
        "lab.example",
        "--lease-time",
        "3600",
        "--interface",
        "eth0",
        "--relay",
        "10.0.0.1",
    ],
    &["pool", "add", "10.0.0.0/24", "10.0.0.100-10.0.0.199"],
    &[
        "reservation",
        "add",
        "--mac",
        "02:00:00:00:00:01",
        "--ip",
        "10.0.0.10",
        "--hostname",
        "host1",
    ],
    &[
        "option",
        "set",
        "--subnet",
        "10.0.0.0/24",
        "ntp-servers",
        "10.0.0.1",
    ],
    &["subnet", "list"],
    &["subnet", "get", "10.0.0.0/24"],
    &["pool", "list"],
    &["reservation", "list"],
    &["lease", "list"],
    &["status"],
];

async fn walkthrough(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let d = Daemon::start(&fresh, &[]);
    for cmd in WALKTHROUGH {
        d.ok(cmd);
    }
    let subnets = d.json(&["subnet", "list"]);
    assert_eq!(subnets.as_array().map(Vec::len), Some(1));
    let s = &subnets[0];
    assert_eq!(
        (s["cidr"].as_str(), s["interface"].as_str()),
        (Some("10.0.0.0/24"), Some("eth0"))
    );
    assert_eq!(s["relay_addresses"], serde_json::json!(["10.0.0.1"]));
    assert_eq!(s["lease_time_default"], 3600);

    let got = d.json(&["subnet", "get", "10.0.0.0/24"]);
    let opts: Vec<(String, String)> = got["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap_or_default().to_string(),
                o["value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want = [
        ("routers", "10.0.0.1"),
        ("domain-name-servers", "10.0.0.1,10.0.0.2"),
        ("domain-name", "lab.example"),
        ("ntp-servers", "10.0.0.1"),
    ];
    assert_eq!(opts, want.map(|(a, b)| (a.to_string(), b.to_string())));

    let table = d.ok(&["subnet", "get", "10.0.0.0/24"]);
    assert!(table.contains("ntp-servers = 10.0.0.1"), "{table}");
    let pools = d.json(&["pool", "list"]);
    assert_eq!(
        (pools[0]["start"].as_str(), pools[0]["end"].as_str()),
        (Some("10.0.0.100"), Some("10.0.0.199"))
    );
    let res = d.json(&["reservation", "list"]);
    assert_eq!(
        (
            res[0]["mac"].as_str(),
            res[0]["ip"].as_str(),
            res[0]["hostname"].as_str()
        ),
        (Some("02:00:00:00:00:01"), Some("10.0.0.10"), Some("host1"))
    );
    assert_eq!(d.json(&["lease", "list"]), serde_json::json!([]));
    let status = d.json(&["status"]);
    assert_eq!(
        (
            status["subnets"].as_u64(),
            status["pools"].as_u64(),
            status["reservations"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(status["store_healthy"], true);
    assert_eq!(
        status["store_backend"],
        if backend == Backend::Postgres {
            "postgres"
        } else {
            "sqlite"
        }
    );
    let effective = d.json(&[
        "option",
        "list",
        "--reservation",
        &res[0]["id"].to_string(),
        "--effective",
    ]);
    assert_eq!(
        effective.as_array().map(Vec::len),
        Some(4),
        "the reservation inherits the subnet's options: {effective}"
    );

    let pool_id = pools[0]["id"].to_string();
    d.ok(&["option", "set", "--pool", &pool_id, "interface-mtu", "9000"]);
    let pool_effective = d.json(&["option", "list", "--pool", &pool_id, "--effective"]);
    let names: Vec<&str> = pool_effective
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "routers",
            "domain-name-servers",
            "domain-name",
            "interface-mtu",
            "ntp-servers"
        ],
        "{pool_effective}"
    );

    d.ok(&["reservation", "delete", "--mac", "02:00:00:00:00:01"]);
    assert_eq!(d.json(&["reservation", "list"]), serde_json::json!([]));
    d.ok(&["subnet", "delete", "10.0.0.0/24"]);
    assert_eq!(d.json(&["subnet", "list"]), serde_json::json!([]));
    assert_eq!(
        d.json(&["pool", "list"]),
        serde_json::json!([]),
        "pools went with the subnet"
    );
}

/// Counts of everything provisioned, to prove a failed call changed nothing.
fn snapshot(d: &Daemon) -> (Value, Value, Value, Value) {
    (
        d.json(&["subnet", "list"]),
        d.json(&["pool", "list"]),
        d.json(&["reservation", "list"]),
        d.json(&["option", "list", "--global"]),
    )
}

async fn validation_errors_change_nothing(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let d = Daemon::start(&fresh, &[]);
    d.ok(&["subnet", "add", "10.0.0.0/24", "--router", "10.0.0.1"]);
    d.ok(&["subnet", "add", "10.0.1.0/24"]);
    d.ok(&["pool", "add", "10.0.0.0/24", "10.0.0.100-10.0.0.199"]);
    d.ok(&[
        "reservation",
        "add",
        "--mac",
        "02:00:00:00:00:01",
        "--ip",
        "10.0.0.10",
        "--hostname",
        "host1",
    ]);
    d.ok(&[
        "option",
        "set",
        "--global",
        "domain-name-servers",
        "192.0.2.53",
    ]);
    let before = snapshot(&d);

    // (arguments, gRPC code, message the server must give)
    let cases: &[(&[&str], &str, &str)] = &[
        (&["reservation", "add", "--mac", "02:00:00:00:00:zz", "--ip", "10.0.0.11"], "InvalidArgument",
         "reservation.mac \"02:00:00:00:00:zz\" is not a MAC address; write six hex bytes like 02:00:00:00:00:01"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:02", "--ip", "10.9.0.5", "--subnet", "10.0.0.0/24"], "InvalidArgument",
         "reservation.ip 10.9.0.5 is outside subnet 10.0.0.0/24"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:02", "--ip", "10.9.0.5"], "FailedPrecondition",
         "reservation.ip 10.9.0.5 is in no subnet; create a subnet that contains it first"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:02", "--ip", "10.0.0.300"], "InvalidArgument",
         "reservation.ip \"10.0.0.300\" is not an IPv4 address"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:01", "--ip", "10.0.0.11"], "AlreadyExists",
         "reservation.mac 02:00:00:00:00:01 already has reservation 1 (10.0.0.10) in subnet 10.0.0.0/24"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:02", "--ip", "10.0.0.10"], "AlreadyExists",
         "reservation.ip 10.0.0.10 is already reserved by reservation 1 (mac 02:00:00:00:00:01)"),
        (&["reservation", "add", "--ip", "10.0.0.12"], "InvalidArgument", "reservation.mac is missing; give a MAC, a client_id or both"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:03", "--ip", "10.0.0.12", "--hostname", "bad_name"], "InvalidArgument",
         "reservation.hostname \"bad_name\" is not a host name"),
        (&["reservation", "add", "--mac", "02:00:00:00:00:03", "--ip", "10.0.0.12", "--option", "routers=x"], "InvalidArgument",
         "options[0].value \"x\" is not a valid ipv4-list for routers"),
        (&["reservation", "delete", "--mac", "02:00:00:00:00:09"], "NotFound", "no reservation for 02:00:00:00:00:09"),
        (&["pool", "add", "10.0.0.0/24", "10.0.0.199-10.0.0.100"], "InvalidArgument",
         "pool.range 10.0.0.199-10.0.0.100 runs backwards; write the lower address first: 10.0.0.100-10.0.0.199"),
        (&["pool", "add", "10.0.0.0/24", "10.0.0.150-10.0.0.250"], "FailedPrecondition",
         "pool.range 10.0.0.150-10.0.0.250 overlaps pool 1 (10.0.0.100-10.0.0.199) in subnet 10.0.0.0/24; choose a range clear of it"),
        (&["pool", "add", "10.0.0.0/24", "10.0.1.10-10.0.1.20"], "InvalidArgument",
         "pool.range 10.0.1.10-10.0.1.20 is outside subnet 10.0.0.0/24"),
        (&["pool", "add", "10.0.0.0/24", "10.0.0.200-10.0.0.255"], "InvalidArgument", "includes the broadcast address 10.0.0.255"),
        (&["pool", "add", "10.0.0.0/24", "10.0.0.20-10.0.0.30", "--exclude", "10.0.0.40"], "InvalidArgument",
         "pool.exclusions[0] 10.0.0.40 is outside the pool 10.0.0.20-10.0.0.30"),
        (&["pool", "add", "10.0.9.0/24", "10.0.9.10-10.0.9.20"], "NotFound", "subnet 10.0.9.0/24 does not exist"),
        (&["option", "set", "--subnet", "10.0.0.0/24", "ntp-serverz", "10.0.0.1"], "InvalidArgument",
         "option.name \"ntp-serverz\" is not a known option"),
        (&["option", "set", "--subnet", "10.0.0.0/24", "ntp-servers", "ten"], "InvalidArgument",
         "option.value \"ten\" is not a valid ipv4-list for ntp-servers"),
        (&["option", "set", "--global", "interface-mtu", "70000"], "InvalidArgument", "not an integer from 0 to 65535"),
        (&["option", "set", "--global", "dhcp-lease-time", "60"], "InvalidArgument", "is not a known option"),
        (&["option", "set", "--global", "53", "01"], "InvalidArgument", "option 53 cannot be set"),
        (&["option", "set", "--global", "224", "xyz"], "InvalidArgument", "is not a valid hex for option 224"),
        (&["option", "set", "--pool", "99", "routers", "10.0.0.1"], "NotFound", "option.scope: pool 99 does not exist"),
        (&["option", "delete", "--global", "routers"], "NotFound", "option routers (3) is not set at global 0"),
        (&["option", "list", "--pool", "99", "--effective"], "NotFound", "option.scope: pool 99 does not exist"),
        (&["subnet", "add", "10.0.0.0/24"], "AlreadyExists", "subnet 10.0.0.0/24 already exists (id 1)"),
        (&["subnet", "add", "10.0.0.0/16"], "FailedPrecondition", "subnet.cidr 10.0.0.0/16 overlaps subnet 10.0.0.0/24 (id 1); subnets may not overlap"),
        (&["subnet", "add", "10.0.2.5/24"], "InvalidArgument", "subnet.cidr 10.0.2.5/24 has host bits set; did you mean 10.0.2.0/24?"),
        (&["subnet", "add", "10.0.2.0/24", "--lease-time", "600", "--max-lease-time", "300"], "InvalidArgument",
         "subnet.lease_time_default 600 is outside [min 60, max 300]"),
        (&["subnet", "add", "10.0.2.0/24", "--relay", "255.255.255.255"], "InvalidArgument", "subnet.relay_addresses[0] 255.255.255.255 cannot be a relay address"),
        // A subnet with a bad option is not created at all.
        (&["subnet", "add", "10.0.2.0/24", "--router", "10.0.2.1", "--option", "mtu=big"], "InvalidArgument",
         "options[1].value \"big\" is not a valid uint16 for interface-mtu"),
        (&["subnet", "get", "10.0.7.0/24"], "NotFound", "subnet 10.0.7.0/24 does not exist"),
        (&["subnet", "delete", "10.0.7.0/24"], "NotFound", "subnet 10.0.7.0/24 does not exist"),
        (&["lease", "get", "10.0.0.50"], "NotFound", "lease 10.0.0.50 does not exist"),
        (&["lease", "release", "10.0.0"], "InvalidArgument", "ip \"10.0.0\" is not an IPv4 address"),
        (&["lease", "list", "--mac", "nope"], "InvalidArgument", "mac \"nope\" is not a MAC address"),
    ];
    for (args, code, message) in cases {
        let stderr = d.err(args);
        assert!(
            stderr.contains(message),
            "dhcpctl {args:?}:\n  want message: {message}\n  got: {stderr}"
        );
        assert!(
            stderr.trim_end().ends_with(&format!("[{code}]")),
            "dhcpctl {args:?}: want code {code}, got: {stderr}"
        );
    }
    assert_eq!(snapshot(&d), before, "failed calls changed the store");

    // Argument errors caught by dhcpctl itself name the flag.
    let o = d.ctl(&["lease", "list", "--state", "gone"]);
    assert!(
        !o.status.success() && o.stderr.contains("--state \"gone\" is not a lease state"),
        "{}",
        o.stderr
    );
    let o = d.ctl(&["pool", "add", "10.0.0.0/24"]);
    assert_eq!(o.status.code(), Some(2), "clap usage error: {}", o.stderr);
}

async fn seed_leases(fresh: &FreshStore, subnet: SubnetId) {
    let s = store::open(Some(&fresh.url), fresh.dir.path())
        .await
        .expect("open store");
    let lease = |ip: &str, mac: &str, state, host: Option<&str>| Lease {
        ip: ip.parse().expect("ip"),
        subnet_id: subnet,
        mac: Some(mac.parse().expect("mac")),
        client_id: None,
        hostname: host.map(String::from),
        state,
        starts: 1_800_000_000,
        ends: 1_800_003_600,
    };
    s.upsert_leases(&[
        lease(
            "10.0.0.100",
            "02:00:00:00:00:01",
            LeaseState::Bound,
            Some("alpha"),
        ),
        lease("10.0.0.101", "02:00:00:00:00:02", LeaseState::Bound, None),
        lease(
            "10.0.0.102",
            "02:00:00:00:00:03",
            LeaseState::Expired,
            Some("gamma"),
        ),
    ])
    .await
    .expect("seed leases");
}

async fn leases(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let d = Daemon::start(&fresh, &[]);
    d.ok(&["subnet", "add", "10.0.0.0/24"]);
    d.ok(&["subnet", "add", "10.0.1.0/24"]);
    let id0 = SubnetId(
        d.json(&["subnet", "get", "10.0.0.0/24"])["id"]
            .as_i64()
            .expect("id"),
    );
    let id1 = SubnetId(
        d.json(&["subnet", "get", "10.0.1.0/24"])["id"]
            .as_i64()
            .expect("id"),
    );
    seed_leases(&fresh, id0).await;
    let s = store::open(Some(&fresh.url), fresh.dir.path())
        .await
        .expect("open");
    let mut other = s
        .get_lease("10.0.0.101".parse().expect("ip"))
        .await
        .expect("lease");
    other.ip = "10.0.1.100".parse().expect("ip");
    other.subnet_id = id1;
    other.mac = Some("02:00:00:00:00:04".parse().expect("mac"));
    s.upsert_leases(&[other])
        .await
        .expect("lease in second subnet");

    let all = d.json(&["lease", "list"]);
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 4);
    for l in all {
        for key in ["ip", "mac", "state", "hostname", "expires"] {
            assert!(l.get(key).is_some(), "lease JSON lacks {key}: {l}");
        }
    }
    assert_eq!(all[0]["ip"], "10.0.0.100");
    assert_eq!(all[0]["hostname"], "alpha");
    assert_eq!(all[0]["state"], "bound");
    assert_eq!(all[0]["expires"], "2027-01-15T09:00:00Z");
    assert_eq!(all[1]["hostname"], Value::Null);

    let ips = |v: Value| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|l| l["ip"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        ips(d.json(&["lease", "list", "--state", "bound"])),
        ["10.0.0.100", "10.0.0.101", "10.0.1.100"]
    );
    assert_eq!(
        ips(d.json(&["lease", "list", "--subnet", "10.0.1.0/24"])),
        ["10.0.1.100"]
    );
    assert_eq!(
        ips(d.json(&["lease", "list", "--mac", "02:00:00:00:00:03"])),
        ["10.0.0.102"]
    );
    assert_eq!(
        ips(d.json(&[
            "lease",
            "list",
            "--subnet",
            "10.0.0.0/24",
            "--state",
            "expired"
        ])),
        ["10.0.0.102"]
    );
    let table = d.ok(&["lease", "list", "--state", "bound"]);
    assert!(
        table
            .lines()
            .next()
            .is_some_and(|h| h.starts_with("IP") && h.contains("EXPIRES")),
        "{table}"
    );
    assert_eq!(table.lines().count(), 4, "header and three leases: {table}");

    let released = d.json(&["lease", "release", "10.0.0.100"]);
    assert_eq!(released[0]["state"], "released");
    assert_eq!(
        d.json(&["lease", "get", "10.0.0.100"])[0]["state"],
        "released"
    );
    assert_eq!(d.json(&["status"])["leases"]["bound"], 2);

    // A subnet with bound leases is kept unless forced.
    let e = d.err(&["subnet", "delete", "10.0.0.0/24"]);
    assert!(
        e.contains(
            "has 1 bound lease(s); release them first or delete with force [FailedPrecondition]"
        ),
        "{e}"
    );
    d.ok(&["subnet", "delete", "10.0.0.0/24", "--force"]);
    assert_eq!(ips(d.json(&["lease", "list"])), ["10.0.1.100"]);
}

async fn listing_walks_every_page(backend: Backend) {
    // 2,100 leases are three pages of the API's 1,000-item maximum.
    let fresh = fresh_store(backend).await;
    let d = Daemon::start(&fresh, &[]);
    d.ok(&["subnet", "add", "10.20.0.0/16"]);
    let id = SubnetId(
        d.json(&["subnet", "get", "10.20.0.0/16"])["id"]
            .as_i64()
            .expect("id"),
    );
    let s = store::open(Some(&fresh.url), fresh.dir.path())
        .await
        .expect("open");
    let base = u32::from(std::net::Ipv4Addr::new(10, 20, 0, 1));
    let leases: Vec<Lease> = (0..2100u32)
        .map(|i| Lease {
            ip: (base + i).into(),
            subnet_id: id,
            mac: Some(dhcplane_server::model::Mac([
                2,
                0,
                0,
                0,
                (i >> 8) as u8,
                i as u8,
            ])),
            client_id: None,
            hostname: None,
            state: LeaseState::Bound,
            starts: 0,
            ends: 3600,
        })
        .collect();
    s.upsert_leases(&leases).await.expect("seed");
    let listed = d.json(&["lease", "list"]);
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.len(), 2100, "every page was fetched");
    assert_eq!(listed[0]["ip"], "10.20.0.1");
    assert_eq!(listed[2099]["ip"], "10.20.8.52");
    let mut ips: Vec<&str> = listed.iter().filter_map(|l| l["ip"].as_str()).collect();
    ips.dedup();
    assert_eq!(
        ips.len(),
        2100,
        "no lease listed twice across page boundaries"
    );
}

async fn restart_keeps_provisioning(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let mut d = Daemon::start(&fresh, &[]);
    d.ok(&["subnet", "add", "10.0.0.0/24", "--router", "10.0.0.1"]);
    d.ok(&[
        "reservation",
        "add",
        "--mac",
        "02:00:00:00:00:01",
        "--ip",
        "10.0.0.10",
        "--label",
        "rack=a1",
    ]);
    let before = snapshot(&d);
    let st = d.terminate(Duration::from_secs(10));
    assert!(
        st.success(),
        "SIGTERM exits cleanly: {st:?}\n{}",
        d.log_text()
    );
    assert!(d.log_text().contains("shutting down"), "{}", d.log_text());
    let d = Daemon::start(&fresh, &[]);
    assert_eq!(snapshot(&d), before);
    let r = d.json(&["reservation", "list", "--label", "rack=a1"]);
    assert_eq!(r[0]["ip"], "10.0.0.10");
}

/// A second daemon on a store that one serves refuses to start, naming the
/// first; `migrate` and `token create` still work beside it; once the first
/// is killed (its lock goes with it) a new one starts.
async fn one_daemon_per_store(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let mut first = Daemon::start(&fresh, &[]);
    let pid = first.pid().expect("running");
    let dir = fresh.dir.path().display().to_string();
    let with_store = |args: &[&str]| {
        let mut all = vec!["--database-url", &fresh.url, "--state-dir", &dir];
        all.extend(args);
        dhcplaned(&all)
    };
    let second = with_store(&["--grpc-listen", "127.0.0.1:0", "run"]);
    assert!(!second.status.success(), "a second daemon started");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("host name");
    for part in [
        format!(
            "another dhcplaned (host {}, pid {pid}, started ",
            host.trim()
        ),
        ") is serving this database; several daemons on one database are not supported yet"
            .to_string(),
    ] {
        assert!(second.stderr.contains(&part), "{}", second.stderr);
    }
    let migrate = with_store(&["migrate"]);
    assert!(migrate.status.success(), "{}", migrate.stderr);
    let token = dhcplane_tests::bootstrap_token(&fresh, "viewer", "beside");
    first.ok(&["--token", &token, "status"]);

    first.kill9();
    let next = Daemon::start_with(None, &fresh, &[], &["--token", &token]);
    next.ok(&["status"]);
}

/// The boot fields (next server, server name, boot file) and dynamic BOOTP
/// through the flags of `subnet`, `reservation` and `defaults`: set, read
/// back, cleared, and refused with the server's message naming the field.
async fn boot_fields_and_defaults_through_dhcpctl(backend: Backend) {
    let fresh = fresh_store(backend).await;
    let d = Daemon::start(&fresh, &[]);
    let boot = |v: &Value| {
        (
            v["next_server"].clone(),
            v["server_name"].clone(),
            v["boot_file"].clone(),
        )
    };
    let unset = (Value::Null, Value::Null, Value::Null);
    assert_eq!(boot(&d.json(&["defaults", "get"])), unset);

    // subnet add: every new flag beside --bootp.
    let added = d.json(&[
        "subnet",
        "add",
        "10.0.0.0/24",
        "--bootp",
        "--bootp-dynamic",
        "--bootp-lease-time",
        "3600",
        "--next-server",
        "192.0.2.234",
        "--server-name",
        "boot1",
        "--boot-file",
        "pxelinux.0",
    ]);
    assert_eq!(added[0]["bootp_dynamic"], true, "{added:#}");
    let s = d.json(&["subnet", "get", "10.0.0.0/24"]);
    assert_eq!(
        (s["bootp"].clone(), s["bootp_dynamic"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    assert_eq!(s["bootp_lease_time"], 3600);
    assert_eq!(
        boot(&s),
        ("192.0.2.234".into(), "boot1".into(), "pxelinux.0".into())
    );
    let table = d.ok(&["subnet", "get", "10.0.0.0/24"]);
    for line in [
        "next server    192.0.2.234",
        "boot file      pxelinux.0",
        "bootp          all clients (dynamic); bindings last 3600s",
    ] {
        assert!(table.contains(line), "{line:?} in:\n{table}");
    }
    let listed = d.ok(&["subnet", "list"]);
    assert!(
        listed.contains("next=192.0.2.234 sname=boot1 file=pxelinux.0"),
        "{listed}"
    );

    // subnet update: booleans as true|false, 0 for bindings that do not
    // expire, '' clears a field and leaves the others.
    let up = d.json(&[
        "subnet",
        "update",
        "10.0.0.0/24",
        "--bootp-dynamic",
        "false",
        "--bootp-lease-time",
        "0",
        "--server-name",
        "",
        "--boot-file",
        "efi/grubx64.efi",
    ]);
    assert_eq!(
        (
            up[0]["bootp"].clone(),
            up[0]["bootp_dynamic"].clone(),
            up[0]["bootp_lease_time"].clone()
        ),
        (Value::Bool(true), Value::Bool(false), 0.into()),
        "{up:#}"
    );
    assert_eq!(
        boot(&d.json(&["subnet", "list"])[0]),
        ("192.0.2.234".into(), Value::Null, "efi/grubx64.efi".into())
    );

    // reservation add and update.
    d.ok(&[
        "reservation",
        "add",
        "--mac",
        "02:00:00:00:00:01",
        "--ip",
        "10.0.0.10",
        "--next-server",
        "192.0.2.235",
        "--server-name",
        "boot2",
        "--boot-file",
        "ipxe.efi",
    ]);
    let r = d.json(&["reservation", "get", "--ip", "10.0.0.10"]);
    assert_eq!(
        boot(&r[0]),
        ("192.0.2.235".into(), "boot2".into(), "ipxe.efi".into())
    );
    let id = r[0]["id"].to_string();
    d.ok(&[
        "reservation",
        "update",
        &id,
        "--next-server",
        "192.0.2.236",
        "--boot-file",
        "",
    ]);
    let r = d.json(&["reservation", "list"]);
    assert_eq!(
        boot(&r[0]),
        ("192.0.2.236".into(), "boot2".into(), Value::Null),
        "{r:#}"
    );
    assert_eq!(r[0]["hostname"], Value::Null, "untouched fields stay");
    let rt = d.ok(&["reservation", "list"]);
    assert!(rt.contains("next=192.0.2.236 sname=boot2"), "{rt}");

    // defaults: set, read back, clear one.
    let set = d.json(&[
        "defaults",
        "set",
        "--next-server",
        "192.0.2.1",
        "--server-name",
        "tftp.example",
        "--boot-file",
        "undionly.kpxe",
    ]);
    assert_eq!(
        boot(&set),
        (
            "192.0.2.1".into(),
            "tftp.example".into(),
            "undionly.kpxe".into()
        )
    );
    d.ok(&["defaults", "set", "--server-name", ""]);
    assert_eq!(
        boot(&d.json(&["defaults", "get"])),
        ("192.0.2.1".into(), Value::Null, "undionly.kpxe".into())
    );
    let dt = d.ok(&["defaults", "get"]);
    assert!(
        dt.contains("next server  192.0.2.1") && dt.contains("server name  -"),
        "{dt}"
    );

    // Bad values: refused with the field named, and nothing changes.
    let before = (
        d.json(&["subnet", "list"]),
        d.json(&["reservation", "list"]),
        d.json(&["defaults", "get"]),
    );
    let long = "f".repeat(200);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "subnet",
                "update",
                "10.0.0.0/24",
                "--next-server",
                "255.255.255.255",
            ],
            "subnet.next_server 255.255.255.255 cannot be a boot server",
        ),
        (
            &[
                "subnet",
                "update",
                "10.0.0.0/24",
                "--next-server",
                "boot.example",
            ],
            "next_server \"boot.example\" is not an IPv4 address",
        ),
        (
            &["subnet", "add", "10.0.1.0/24", "--next-server", "0.0.0.0"],
            "subnet.next_server 0.0.0.0 cannot be a boot server",
        ),
        (
            &["reservation", "update", &id, "--boot-file", &long],
            "reservation.boot_file is 200 bytes; the header field holds at most 127",
        ),
        (
            &[
                "reservation",
                "add",
                "--mac",
                "02:00:00:00:00:02",
                "--ip",
                "10.0.0.11",
                "--server-name",
                "boot server",
            ],
            "reservation.server_name \"boot server\" has spaces",
        ),
        (
            &["defaults", "set", "--next-server", "224.0.0.1"],
            "defaults.next_server 224.0.0.1 cannot be a boot server",
        ),
        (
            &["defaults", "set", "--boot-file", &long],
            "defaults.boot_file is 200 bytes",
        ),
    ];
    for (args, message) in cases {
        let stderr = d.err(args);
        assert!(
            stderr.contains(message) && stderr.trim_end().ends_with("[InvalidArgument]"),
            "dhcpctl {args:?}:\n  want: {message} [InvalidArgument]\n  got: {stderr}"
        );
    }
    // `defaults set` without a flag says which flags there are.
    let none = d.err(&["defaults", "set"]);
    assert!(
        none.contains("--next-server, --server-name, --boot-file"),
        "{none}"
    );
    let after = (
        d.json(&["subnet", "list"]),
        d.json(&["reservation", "list"]),
        d.json(&["defaults", "get"]),
    );
    assert_eq!(after, before, "failed calls changed the store");
}

#[tokio::test]
async fn embedded_default_lives_in_the_state_dir() {
    // No --database-url: the daemon makes STATE_DIR/dhcplane.db itself.
    let dir = dhcplane_tests::TempDir::new();
    let state = dir.path().join("state");
    let out = dhcplaned(&["--state-dir", &state.display().to_string(), "migrate"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert!(
        state.join("dhcplane.db").exists(),
        "embedded store created in the state dir"
    );
    assert!(out.stderr.contains("store migrated"), "{}", out.stderr);
}

#[tokio::test]
async fn migrate_on_postgres() {
    let fresh = fresh_store(Backend::Postgres).await;
    for _ in 0..2 {
        let out = dhcplaned(&["--database-url", &fresh.url, "migrate"]);
        assert!(out.status.success(), "{}", out.stderr);
    }
}

#[test]
fn bootstrap_config_is_checked() {
    let dir = dhcplane_tests::TempDir::new();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "interfaces = [\"eth0\"]\ngrpc_listen = \"127.0.0.1:7777\"\ndatabase_url = \"sqlite::memory:\"\n").expect("write");
    let out = dhcplaned(&["--config", &good.display().to_string(), "--check-config"]);
    assert!(
        out.status.success() && out.stdout.contains("configuration is valid"),
        "{}",
        out.stderr
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "interfacez = [\"eth0\"]\n").expect("write");
    let out = dhcplaned(&["--config", &bad.display().to_string(), "--check-config"]);
    assert!(
        !out.status.success() && out.stderr.contains("unknown field `interfacez`"),
        "{}",
        out.stderr
    );

    let out = dhcplaned(&["--database-url", "mysql://db/x", "--check-config"]);
    assert!(
        !out.status.success()
            && out
                .stderr
                .contains("use postgres://USER@HOST/DB or sqlite:PATH"),
        "{}",
        out.stderr
    );

    let help = dhcplaned(&["--help"]);
    for flag in [
        "--interface",
        "--database-url",
        "--state-dir",
        "--grpc-listen",
        "--config",
        "--listen",
        "migrate",
    ] {
        assert!(help.stdout.contains(flag), "--help lacks {flag}");
    }
}

#[test]
fn unreachable_server_is_a_clear_error() {
    let out = std::process::Command::new(dhcplane_tests::bin("dhcpctl"))
        .args(["--server", "127.0.0.1:1", "status"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("cannot reach dhcplaned at http://127.0.0.1:1"),
        "{stderr}"
    );
}

#[tokio::test]
async fn reflection_and_health_describe_the_api() {
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
    use tonic_reflection::pb::v1::ServerReflectionRequest;

    let fresh = fresh_store(Backend::Sqlite).await;
    let d = Daemon::start(&fresh, &[]);
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", d.addr))
        .expect("uri")
        .connect()
        .await
        .expect("connect");
    let mut client = ServerReflectionClient::new(channel);
    let req = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut replies = client
        .server_reflection_info(tokio_stream::iter([req]))
        .await
        .expect("reflection call")
        .into_inner();
    let reply = replies.message().await.expect("reply").expect("one reply");
    let Some(MessageResponse::ListServicesResponse(list)) = reply.message_response else {
        panic!("unexpected reflection reply: {reply:?}");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for want in [
        "dhcplane.v1.Subnets",
        "dhcplane.v1.Pools",
        "dhcplane.v1.Reservations",
        "dhcplane.v1.Options",
        "dhcplane.v1.Leases",
        "dhcplane.v1.Server",
        "grpc.health.v1.Health",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "reflection lacks {want}: {names:?}"
        );
    }
    assert_eq!(d.ok(&["health"]).trim(), "SERVING");
}
