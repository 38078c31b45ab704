//! Access control on the real daemon: every role against every class of
//! RPC, tokens made by the bootstrap command and through the API, revoked
//! tokens, what the log records; TLS and mTLS with a CA made here by
//! `openssl`; the refusal to serve plaintext beyond loopback; dhcpctl's
//! config file contexts.

use std::process::Command;

use dhcplane_tests::{bootstrap_token, dhcplaned, fresh_store, make_pki, Backend, Daemon, TempDir};

fn code(o: &dhcplane_tests::CtlOutput) -> &str {
    o.stderr
        .rsplit('[')
        .next()
        .and_then(|t| t.split(']').next())
        .unwrap_or("")
}

#[test]
fn every_role_against_every_rpc_class() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let root = bootstrap_token(&store, "admin", "root");
    let d = Daemon::start(&store, &[]);
    let as_ = |token: &str, args: &[&str]| {
        let mut all = vec!["--token", token];
        all.extend(args);
        d.ctl(&all)
    };
    let viewer = as_(
        &root,
        &["token", "create", "--role", "viewer", "--name", "dash"],
    );
    assert!(viewer.status.success(), "{}", viewer.stderr);
    let viewer = viewer.stdout.trim().to_string();
    let operator = as_(
        &root,
        &["token", "create", "--role", "operator", "--name", "prov"],
    );
    assert!(operator.status.success(), "{}", operator.stderr);
    let operator = operator.stdout.trim().to_string();

    // Without a token, or with a wrong one: Unauthenticated, loopback or not.
    let o = d.ctl(&["subnet", "list"]);
    assert_eq!(code(&o), "Unauthenticated", "{}", o.stderr);
    assert!(o.stderr.contains("--token"), "says how: {}", o.stderr);
    let o = as_("dpl_0000", &["subnet", "list"]);
    assert_eq!(code(&o), "Unauthenticated", "{}", o.stderr);
    // Health stays open: load balancers and `dhcpctl health --wait`.
    assert!(d.ctl(&["health"]).status.success());

    // (args, least role that may)
    let add = ["subnet", "add", "10.0.0.0/24", "--router", "10.0.0.1"];
    let classes: &[(&[&str], &str)] = &[
        (&["subnet", "list"], "viewer"),
        (&["status"], "viewer"),
        (&["lease", "list"], "viewer"),
        (&["option", "names"], "viewer"),
        (&["watch", "--since", "0", "--count", "1"], "viewer"),
        (&add, "operator"),
        (&["token", "list"], "admin"),
    ];
    let rank = |r: &str| ["viewer", "operator", "admin"].iter().position(|x| *x == r);
    for (who, secret) in [
        ("viewer", &viewer),
        ("operator", &operator),
        ("admin", &root),
    ] {
        for (args, least) in classes {
            // Each add is a new subnet for whoever may.
            let o = as_(secret, args);
            if rank(who) >= rank(least) {
                let fine = o.status.success() || code(&o) == "AlreadyExists";
                assert!(fine, "{who} may {args:?}: {}", o.stderr);
            } else {
                assert_eq!(code(&o), "PermissionDenied", "{who} {args:?}: {}", o.stderr);
                assert!(
                    o.stderr.contains(least),
                    "names the role needed: {}",
                    o.stderr
                );
            }
        }
    }
    // Operator-class writes beyond create: release passes auth (NotFound).
    let o = as_(&operator, &["lease", "release", "10.0.0.9"]);
    assert_eq!(code(&o), "NotFound", "{}", o.stderr);
    let o = as_(&viewer, &["lease", "release", "10.0.0.9"]);
    assert_eq!(code(&o), "PermissionDenied", "{}", o.stderr);

    // Changes carry the token's name.
    let e = d.events(
        &[
            "--token",
            &viewer,
            "--since",
            "0",
            "--kind",
            "subnet_created",
        ],
        1,
    );
    assert_eq!(e[0]["principal"], "prov");

    // Admins see names and roles, never secrets; revoked tokens stop working.
    let list = as_(&root, &["-o", "json", "token", "list"]);
    assert!(list.status.success(), "{}", list.stderr);
    let names: Vec<String> = serde_json::from_str::<serde_json::Value>(&list.stdout)
        .expect("json")
        .as_array()
        .expect("array")
        .iter()
        .map(|t| {
            format!(
                "{}:{}",
                t["name"].as_str().unwrap_or(""),
                t["role"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(names, ["dash:viewer", "prov:operator", "root:admin"]);
    assert!(!list.stdout.contains("dpl_"));
    assert!(as_(&root, &["token", "revoke", "dash"]).status.success());
    let o = as_(&viewer, &["subnet", "list"]);
    assert_eq!(code(&o), "Unauthenticated", "revoked: {}", o.stderr);
    let o = as_(
        &root,
        &["token", "create", "--role", "viewer", "--name", "prov"],
    );
    assert_eq!(code(&o), "AlreadyExists", "{}", o.stderr);
    let o = as_(
        &root,
        &["token", "create", "--role", "viewer", "--name", "bad name"],
    );
    assert_eq!(code(&o), "InvalidArgument", "{}", o.stderr);

    // Refusals are logged with the peer, never with a secret.
    let log = d.log_text();
    assert!(
        log.contains("refused") && log.contains("127.0.0.1"),
        "{log}"
    );
    for s in [&root, &viewer, &operator] {
        assert!(!log.contains(s.as_str()), "a secret reached the log");
    }
}

#[test]
fn without_tokens_loopback_is_let_in_and_the_daemon_says_so() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let d = Daemon::start(&store, &[]);
    assert!(d.ctl(&["subnet", "list"]).status.success());
    assert!(
        d.log_text().contains("no API tokens exist"),
        "{}",
        d.log_text()
    );
}

#[test]
fn plaintext_beyond_loopback_is_refused_unless_asked_for() {
    let o = dhcplaned(&["--grpc-listen", "0.0.0.0:16999", "--check-config"]);
    assert!(!o.status.success());
    assert!(
        o.stderr.contains("tls-cert") && o.stderr.contains("grpc-insecure"),
        "{}",
        o.stderr
    );
    let o = dhcplaned(&[
        "--grpc-listen",
        "0.0.0.0:16999",
        "--grpc-insecure",
        "--check-config",
    ]);
    assert!(o.status.success(), "{}", o.stderr);
    let o = dhcplaned(&["--tls-cert", "/nonexistent.pem", "--check-config"]);
    assert!(
        !o.status.success() && o.stderr.contains("tls-key"),
        "{}",
        o.stderr
    );
}

#[test]
fn tls_and_mutual_tls() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let pki = TempDir::new();
    make_pki(pki.path());
    let f = |n: &str| pki.path().join(n).display().to_string();

    let d = Daemon::start_with(
        None,
        &store,
        &[
            "--tls-cert",
            &f("server.pem"),
            "--tls-key",
            &f("server.key"),
        ],
        &["--ca", &f("ca.pem")],
    );
    assert!(d.ctl(&["status"]).status.success());
    // The same call in plaintext, or trusting another CA, does not get through.
    let plain = dhcplane_tests::ctl(&d.addr, &["status"]);
    assert!(!plain.status.success());
    let wrong = dhcplane_tests::ctl(&d.addr, &["--ca", &f("otherca.pem"), "status"]);
    assert!(!wrong.status.success(), "{}", wrong.stdout);
    assert!(wrong.stderr.contains("cannot reach"), "{}", wrong.stderr);
    drop(d);

    let d = Daemon::start_with(
        None,
        &store,
        &[
            "--tls-cert",
            &f("server.pem"),
            "--tls-key",
            &f("server.key"),
            "--tls-client-ca",
            &f("ca.pem"),
        ],
        &[
            "--ca",
            &f("ca.pem"),
            "--cert",
            &f("client.pem"),
            "--key",
            &f("client.key"),
        ],
    );
    assert!(d.ctl(&["subnet", "list"]).status.success());
    let anonymous = dhcplane_tests::ctl(&d.addr, &["--ca", &f("ca.pem"), "subnet", "list"]);
    assert!(
        !anonymous.status.success(),
        "no client certificate: refused"
    );
}

#[test]
fn dhcpctl_contexts_from_the_config_file() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let secret = bootstrap_token(&store, "operator", "ci");
    let d = Daemon::start(&store, &[]);
    let dir = TempDir::new();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "context = \"lab\"\n\n[contexts.lab]\nserver = \"{}\"\ntoken = \"{secret}\"\n\n\
             [contexts.elsewhere]\nserver = \"127.0.0.1:1\"\n",
            d.addr
        ),
    )
    .expect("config");
    let cfg = cfg.display().to_string();
    let run = |args: &[&str]| -> dhcplane_tests::CtlOutput {
        Command::new(dhcplane_tests::bin("dhcpctl"))
            .args(["--config", &cfg])
            .args(args)
            .env_remove("DHCPCTL_SERVER")
            .env_remove("DHCPCTL_TOKEN")
            .output()
            .expect("dhcpctl")
            .into()
    };
    let o = run(&["subnet", "add", "10.0.0.0/24"]);
    assert!(o.status.success(), "default context: {}", o.stderr);
    let o = run(&["--context", "elsewhere", "status"]);
    assert!(o.stderr.contains("127.0.0.1:1"), "{}", o.stderr);
    let o = run(&["--context", "nowhere", "status"]);
    assert!(o.stderr.contains("known: elsewhere, lab"), "{}", o.stderr);
    // A flag beats the context.
    let o = run(&["--token", "dpl_wrong", "status"]);
    assert!(o.stderr.contains("Unauthenticated"), "{}", o.stderr);
}

#[test]
fn every_change_is_audited_with_before_and_after() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let store = rt.block_on(fresh_store(Backend::Sqlite));
    let root = bootstrap_token(&store, "admin", "root");
    let d = Daemon::start_with(None, &store, &[], &["--token", &root]);
    let ok = |args: &[&str]| {
        d.ok(args);
    };
    ok(&["subnet", "add", "10.0.0.0/24", "--router", "10.0.0.1"]);
    ok(&["subnet", "update", "10.0.0.0/24", "--lease-time", "600"]);
    ok(&["pool", "add", "10.0.0.0/24", "10.0.0.100-10.0.0.150"]);
    ok(&[
        "reservation",
        "add",
        "--mac",
        "02:00:00:00:00:01",
        "--ip",
        "10.0.0.10",
    ]);
    ok(&[
        "option",
        "set",
        "--subnet",
        "10.0.0.0/24",
        "ntp-servers",
        "10.0.0.1",
    ]);
    ok(&[
        "option",
        "set",
        "--subnet",
        "10.0.0.0/24",
        "ntp-servers",
        "10.0.0.2",
    ]);
    ok(&["option", "delete", "--subnet", "10.0.0.0/24", "ntp-servers"]);
    ok(&["reservation", "delete", "--ip", "10.0.0.10"]);
    ok(&["token", "create", "--role", "viewer", "--name", "dash"]);

    let log = d.json(&["audit"]);
    let log = log.as_array().expect("array");
    let actions: Vec<&str> = log
        .iter()
        .rev()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "subnet_created",
            "subnet_updated",
            "pool_created",
            "reservation_created",
            "option_created",
            "option_updated",
            "option_deleted",
            "reservation_deleted",
            "token_created",
        ]
    );
    assert!(log.iter().all(|e| e["principal"] == "root"), "{log:?}");
    let by = |action: &str| log.iter().find(|e| e["action"] == action).expect(action);
    let created = by("subnet_created");
    assert_eq!(created["object"], "subnet 10.0.0.0/24");
    assert!(created["before"].is_null());
    assert_eq!(created["after"]["cidr"], "10.0.0.0/24");
    let updated = by("subnet_updated");
    assert_eq!(updated["before"]["lease_time"]["default"], 3600);
    assert_eq!(updated["after"]["lease_time"]["default"], 600);
    let opt = by("option_updated");
    assert_eq!(opt["before"]["value"], "10.0.0.1");
    assert_eq!(opt["after"]["value"], "10.0.0.2");
    let gone = by("reservation_deleted");
    assert_eq!(gone["before"]["mac"], "02:00:00:00:00:01");
    assert!(gone["after"].is_null());
    assert!(by("token_created")["after"].to_string().contains("viewer"));
    assert!(
        !log.iter().any(|e| e.to_string().contains("dpl_")),
        "no secrets"
    );

    // Filters and paging; the same change as an event carries the audit id.
    let mine = d.json(&["audit", "--principal", "nobody"]);
    assert_eq!(mine.as_array().map(Vec::len), Some(0));
    let two = d.json(&["audit", "--limit", "2"]);
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    let e = d.events(&["--since", "0", "--kind", "subnet_updated"], 1);
    assert_eq!(e[0]["details"]["audit_id"], updated["id"].to_string());
    assert!(e[0]["details"]["after"]
        .as_str()
        .unwrap_or("")
        .contains("600"));
}
