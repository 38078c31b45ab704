//! The store suite: one set of cases, run against PostgreSQL and SQLite.
//! A behaviour difference between the backends is a bug. Provisioning and
//! leases are here; the other parts of the store, each in `store/`: boot
//! fields and defaults, site apply, the event log, tokens and audit, and
//! several handles (daemons) on one database with the serving lock.

use std::net::Ipv4Addr;
use std::sync::Arc;

use dhcplane_server::model::*;
use dhcplane_server::store::{self, Store, StoreError};
use dhcplane_tests::{fresh_store, raw_sql, Backend, FreshStore};

#[path = "store/auth.rs"]
mod auth;
#[path = "store/boot.rs"]
mod boot;
#[path = "store/events.rs"]
mod events;
#[path = "store/reads.rs"]
mod reads;
#[path = "store/shared.rs"]
mod shared;
#[path = "store/site.rs"]
mod site;

dhcplane_tests::both_backends!(
    migrations_are_idempotent,
    subnet_lifecycle,
    subnet_overlap_and_duplicates,
    subnet_relays_select_one_subnet,
    pool_rules,
    reservation_rules,
    reservation_labels_and_filters,
    option_scopes,
    lease_upsert_list_release,
    lease_batch_is_atomic,
    lease_writes_keep_their_order,
    housekeeping_folds_when_due,
    delete_subnet_guards_bound_leases,
    database_enforces_constraints,
);

struct Env {
    store: Arc<dyn Store>,
    fresh: FreshStore,
}

async fn open(backend: Backend) -> Env {
    let fresh = fresh_store(backend).await;
    let store = store::open(Some(&fresh.url), fresh.dir.path())
        .await
        .expect("open store");
    store.migrate().await.expect("migrate");
    assert_eq!(
        store.backend(),
        match backend {
            Backend::Sqlite => store::Backend::Sqlite,
            Backend::Postgres => store::Backend::Postgres,
        }
    );
    Env { store, fresh }
}

/// Another handle on the database of `env`, as a second daemon would open.
async fn open_again(env: &Env) -> Arc<dyn Store> {
    store::open(Some(&env.fresh.url), env.fresh.dir.path())
        .await
        .expect("open a second handle")
}

fn ip(s: &str) -> Ipv4Addr {
    s.parse().expect("ip")
}

fn subnet(cidr: &str) -> SubnetSpec {
    SubnetSpec::new(cidr.parse().expect("cidr"))
}

fn opt(name: &str, value: &str) -> DhcpOption {
    DhcpOption::parse("option", name, value, false).expect("option")
}

fn pool(subnet_id: SubnetId, range: &str) -> PoolSpec {
    PoolSpec {
        subnet_id,
        range: range.parse().expect("range"),
        exclusions: vec![],
        description: String::new(),
    }
}

fn reservation(mac: &str, addr: &str) -> ReservationSpec {
    ReservationSpec {
        subnet_id: SubnetId(0),
        mac: Some(mac.parse().expect("mac")),
        client_id: None,
        ip: ip(addr),
        hostname: None,
        labels: Default::default(),
        boot: Default::default(),
    }
}

fn lease(addr: &str, subnet_id: SubnetId, mac: &str, state: LeaseState) -> Lease {
    Lease {
        ip: ip(addr),
        subnet_id,
        mac: Some(mac.parse().expect("mac")),
        client_id: None,
        hostname: Some("h".into()),
        state,
        starts: 1_000,
        ends: 4_600,
    }
}

const ALL: Page = Page {
    after: 0,
    limit: 1000,
};

async fn migrations_are_idempotent(backend: Backend) {
    let env = open(backend).await;
    env.store
        .migrate()
        .await
        .expect("second migrate is a no-op");
    env.store.ping().await.expect("ping");
    let c = env.store.counts().await.expect("counts");
    assert_eq!((c.subnets, c.pools, c.reservations), (0, 0, 0));
}

async fn subnet_lifecycle(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let mut spec = subnet("10.0.0.0/24");
    spec.interface = Some("eth0".into());
    spec.lease.default = 1800;
    let created = s
        .create_subnet(
            &spec,
            &[
                opt("routers", "10.0.0.1"),
                opt("domain-name", "lab.example"),
            ],
        )
        .await
        .expect("create");
    assert_eq!(created.spec, spec);
    assert!(created.created > 0 && created.updated == created.created);
    assert_eq!(s.get_subnet(created.id).await.expect("get"), created);
    assert_eq!(
        s.find_subnet("10.0.0.0/24".parse().expect("cidr"))
            .await
            .expect("find")
            .id,
        created.id
    );
    assert_eq!(
        s.subnet_containing(ip("10.0.0.77"))
            .await
            .expect("containing")
            .id,
        created.id
    );
    assert!(matches!(
        s.subnet_containing(ip("10.0.1.1")).await,
        Err(StoreError::NotFound(_))
    ));
    let opts = s
        .list_options(OptionScope::Subnet(created.id))
        .await
        .expect("options");
    assert_eq!(opts.iter().map(|o| o.code).collect::<Vec<_>>(), [3, 15]);

    for c in ["10.1.0.0/24", "10.2.0.0/24", "10.3.0.0/24"] {
        s.create_subnet(&subnet(c), &[]).await.expect("create more");
    }
    let first = s
        .list_subnets(None, Page { after: 0, limit: 2 })
        .await
        .expect("page 1");
    assert_eq!(first.len(), 2);
    let rest = s
        .list_subnets(
            None,
            Page {
                after: first[1].id.0,
                limit: 10,
            },
        )
        .await
        .expect("page 2");
    assert_eq!(rest.len(), 2);
    assert!(rest.iter().all(|r| r.id > first[1].id));
    let eth0 = s.list_subnets(Some("eth0"), ALL).await.expect("filter");
    assert_eq!(eth0.len(), 1);

    let upd = SubnetUpdate {
        lease_max: Some(7200),
        authoritative: Some(false),
        interface: Some(None),
        ..Default::default()
    };
    let after = s.update_subnet(created.id, &upd).await.expect("update");
    assert_eq!(
        (
            after.spec.lease.max,
            after.spec.authoritative,
            after.spec.interface.as_deref()
        ),
        (7200, false, None)
    );
    assert_eq!(
        after.spec.lease.default, 1800,
        "unset fields keep their value"
    );
    let bad = SubnetUpdate {
        lease_max: Some(100),
        ..Default::default()
    };
    let e = s
        .update_subnet(created.id, &bad)
        .await
        .expect_err("max below default");
    assert!(
        matches!(&e, StoreError::Invalid(i) if i.field == "subnet.lease_time_default"),
        "{e}"
    );
    assert_eq!(
        s.get_subnet(created.id).await.expect("get").spec.lease.max,
        7200,
        "failed update changed nothing"
    );

    s.delete_subnet(created.id, false).await.expect("delete");
    assert!(matches!(
        s.get_subnet(created.id).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(
        s.list_options(OptionScope::Subnet(created.id))
            .await
            .is_err(),
        "options went with the subnet"
    );
    assert!(matches!(
        s.delete_subnet(created.id, false).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn subnet_overlap_and_duplicates(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let a = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("create");
    let e = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect_err("duplicate");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m) if m == &format!("subnet 10.0.0.0/24 already exists (id {})", a.id.0)),
        "{e}"
    );
    for over in ["10.0.0.0/23", "10.0.0.128/25"] {
        let e = s
            .create_subnet(&subnet(over), &[])
            .await
            .expect_err("overlap");
        assert!(
            matches!(&e, StoreError::Conflict(m) if m.contains("overlaps subnet 10.0.0.0/24")),
            "{over}: {e}"
        );
    }
    s.create_subnet(&subnet("10.0.1.0/24"), &[])
        .await
        .expect("adjacent subnet is fine");
    assert_eq!(s.counts().await.expect("counts").subnets, 2);
}

async fn subnet_relays_select_one_subnet(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let mut a = subnet("10.1.0.0/24");
    a.relays = vec![ip("192.0.2.1"), ip("192.0.2.2")];
    let a = s.create_subnet(&a, &[]).await.expect("create");
    assert_eq!(a.spec.relays, [ip("192.0.2.1"), ip("192.0.2.2")]);
    let mut b = subnet("10.2.0.0/24");
    b.relays = vec![ip("192.0.2.2")];
    let e = s.create_subnet(&b, &[]).await.expect_err("relay in use");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m) if m.contains("192.0.2.2 already selects subnet 10.1.0.0/24")),
        "{e}"
    );
    assert_eq!(
        s.counts().await.expect("counts").subnets,
        1,
        "failed create left nothing"
    );
    let upd = SubnetUpdate {
        relays: Some(vec![ip("192.0.2.9")]),
        ..Default::default()
    };
    assert_eq!(
        s.update_subnet(a.id, &upd)
            .await
            .expect("replace relays")
            .spec
            .relays,
        [ip("192.0.2.9")]
    );
    s.create_subnet(&b, &[])
        .await
        .expect("freed relay can be reused");
}

async fn pool_rules(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    let mut p = pool(sub.id, "10.0.0.100-10.0.0.199");
    p.exclusions = vec!["10.0.0.150-10.0.0.159".parse().expect("x")];
    let created = s.create_pool(&p).await.expect("create");
    assert_eq!(created.spec, p);
    assert_eq!(s.get_pool(created.id).await.expect("get"), created);

    let e = s
        .create_pool(&pool(sub.id, "10.0.1.10-10.0.1.20"))
        .await
        .expect_err("outside");
    assert!(
        matches!(&e, StoreError::Invalid(i) if i.field == "pool.range" && i.reason.contains("outside subnet 10.0.0.0/24")),
        "{e}"
    );
    let e = s
        .create_pool(&pool(sub.id, "10.0.0.190-10.0.0.210"))
        .await
        .expect_err("overlap");
    assert!(
        matches!(&e, StoreError::Conflict(m) if m.contains(&format!("overlaps pool {} (10.0.0.100-10.0.0.199)", created.id.0))),
        "{e}"
    );
    let e = s
        .create_pool(&pool(SubnetId(9999), "10.0.0.10-10.0.0.20"))
        .await
        .expect_err("no subnet");
    assert!(
        matches!(&e, StoreError::NotFound(m) if m.contains("pool.subnet_id 9999")),
        "{e}"
    );

    let second = s
        .create_pool(&pool(sub.id, "10.0.0.200-10.0.0.220"))
        .await
        .expect("second pool");
    let grow = PoolUpdate {
        range: Some("10.0.0.100-10.0.0.205".parse().expect("r")),
        ..Default::default()
    };
    assert!(matches!(
        s.update_pool(created.id, &grow).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        s.get_pool(created.id).await.expect("get").spec.range,
        p.range,
        "failed update changed nothing"
    );
    let shrink = PoolUpdate {
        range: Some("10.0.0.100-10.0.0.180".parse().expect("r")),
        ..Default::default()
    };
    assert_eq!(
        s.update_pool(created.id, &shrink)
            .await
            .expect("shrink")
            .spec
            .range
            .to_string(),
        "10.0.0.100-10.0.0.180"
    );

    assert_eq!(
        s.list_pools(Some(sub.id), ALL).await.expect("list").len(),
        2
    );
    s.delete_pool(second.id).await.expect("delete");
    assert_eq!(s.list_pools(None, ALL).await.expect("list").len(), 1);
    assert!(matches!(
        s.delete_pool(second.id).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn reservation_rules(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let a = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet a");
    let b = s
        .create_subnet(&subnet("10.0.1.0/24"), &[])
        .await
        .expect("subnet b");
    let r = s
        .create_reservation(
            &reservation("02:00:00:00:00:01", "10.0.0.10"),
            &[opt("host-name", "host1")],
        )
        .await
        .expect("create");
    assert_eq!(r.spec.subnet_id, a.id, "subnet found from the address");
    assert_eq!(
        s.list_options(OptionScope::Reservation(r.id))
            .await
            .expect("opts")
            .len(),
        1
    );

    let e = s
        .create_reservation(&reservation("02:00:00:00:00:01", "10.0.0.11"), &[])
        .await
        .expect_err("dup mac");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m) if m.contains(&format!("already has reservation {} (10.0.0.10)", r.id.0))),
        "{e}"
    );
    let e = s
        .create_reservation(&reservation("02:00:00:00:00:02", "10.0.0.10"), &[])
        .await
        .expect_err("dup ip");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m) if m.contains("10.0.0.10 is already reserved")),
        "{e}"
    );
    let e = s
        .create_reservation(&reservation("02:00:00:00:00:02", "10.9.0.5"), &[])
        .await
        .expect_err("no subnet");
    assert!(
        matches!(&e, StoreError::Conflict(m) if m.contains("10.9.0.5 is in no subnet")),
        "{e}"
    );
    let mut explicit = reservation("02:00:00:00:00:02", "10.9.0.5");
    explicit.subnet_id = a.id;
    let e = s
        .create_reservation(&explicit, &[])
        .await
        .expect_err("outside");
    assert_eq!(
        e.to_string(),
        "reservation.ip 10.9.0.5 is outside subnet 10.0.0.0/24"
    );

    // The same MAC may hold one reservation per subnet.
    let other = s
        .create_reservation(&reservation("02:00:00:00:00:01", "10.0.1.10"), &[])
        .await
        .expect("other subnet");
    assert_eq!(other.spec.subnet_id, b.id);

    let mut cid = reservation("02:00:00:00:00:03", "10.0.0.12");
    cid.mac = None;
    cid.client_id = Some("01:02:00:00:00:00:03".parse().expect("cid"));
    s.create_reservation(&cid, &[]).await.expect("by client-id");
    let mut dup = cid.clone();
    dup.ip = ip("10.0.0.13");
    let e = s
        .create_reservation(&dup, &[])
        .await
        .expect_err("dup client id");
    assert!(
        matches!(&e, StoreError::AlreadyExists(m) if m.contains("reservation.client_id")),
        "{e}"
    );

    let upd = ReservationUpdate {
        ip: Some(ip("10.0.0.12")),
        ..Default::default()
    };
    assert!(
        matches!(
            s.update_reservation(r.id, &upd).await,
            Err(StoreError::AlreadyExists(_))
        ),
        "cannot move onto another's address"
    );
    let upd = ReservationUpdate {
        ip: Some(ip("10.0.0.20")),
        hostname: Some(Some("renamed".into())),
        ..Default::default()
    };
    let moved = s.update_reservation(r.id, &upd).await.expect("move");
    assert_eq!(
        (moved.spec.ip, moved.spec.hostname.as_deref()),
        (ip("10.0.0.20"), Some("renamed"))
    );

    let gone = s.delete_reservation(r.id).await.expect("delete");
    assert_eq!(gone.id, r.id);
    assert!(matches!(
        s.get_reservation(r.id).await,
        Err(StoreError::NotFound(_))
    ));
    assert!(
        s.list_options(OptionScope::Reservation(r.id))
            .await
            .is_err(),
        "options went with it"
    );
    assert_eq!(s.counts().await.expect("counts").reservations, 2);
}

async fn reservation_labels_and_filters(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    s.create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    for i in 1..=5u8 {
        let mut r = reservation(
            &format!("02:00:00:00:00:0{i}"),
            &format!("10.0.0.{}", 10 + i),
        );
        r.labels.insert(
            "rack".into(),
            if i % 2 == 0 { "a1".into() } else { "b2".into() },
        );
        r.labels.insert("serial".into(), format!("SN{i}"));
        r.hostname = Some(format!("host{i}"));
        s.create_reservation(&r, &[]).await.expect("create");
    }
    let f = ReservationFilter {
        label: Some(("rack".into(), "a1".into())),
        ..Default::default()
    };
    let hits = s.list_reservations(&f, ALL).await.expect("label filter");
    assert_eq!(
        hits.iter()
            .map(|r| r.spec.hostname.clone().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["host2", "host4"]
    );
    assert_eq!(hits[0].spec.labels["serial"], "SN2");
    let f = ReservationFilter {
        mac: Some("02:00:00:00:00:03".parse().expect("mac")),
        ..Default::default()
    };
    assert_eq!(s.list_reservations(&f, ALL).await.expect("mac").len(), 1);
    let f = ReservationFilter {
        hostname: Some("host5".into()),
        ..Default::default()
    };
    assert_eq!(
        s.list_reservations(&f, ALL).await.expect("hostname")[0]
            .spec
            .ip,
        ip("10.0.0.15")
    );
    let page = s
        .list_reservations(&ReservationFilter::default(), Page { after: 0, limit: 3 })
        .await
        .expect("page");
    assert_eq!(page.len(), 3);
    let id = page[0].id;
    let upd = ReservationUpdate {
        labels: Some([("rack".to_string(), "c3".to_string())].into()),
        ..Default::default()
    };
    let r = s.update_reservation(id, &upd).await.expect("relabel");
    assert_eq!(r.spec.labels.len(), 1, "labels replaced");
}

async fn option_scopes(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    let p = s
        .create_pool(&pool(sub.id, "10.0.0.100-10.0.0.199"))
        .await
        .expect("pool");
    s.set_option(
        OptionScope::Global,
        &opt("domain-name-servers", "192.0.2.53"),
    )
    .await
    .expect("global");
    s.set_option(OptionScope::Subnet(sub.id), &opt("ntp-servers", "10.0.0.1"))
        .await
        .expect("subnet");
    s.set_option(OptionScope::Subnet(sub.id), &opt("ntp-servers", "10.0.0.2"))
        .await
        .expect("replace");
    s.set_option(OptionScope::Pool(p.id), &opt("interface-mtu", "9000"))
        .await
        .expect("pool");
    let subnet_opts = s
        .list_options(OptionScope::Subnet(sub.id))
        .await
        .expect("list");
    assert_eq!(subnet_opts.len(), 1);
    assert_eq!(subnet_opts[0].value_text(), "10.0.0.2");
    let e = s
        .set_option(OptionScope::Pool(PoolId(9999)), &opt("routers", "10.0.0.1"))
        .await
        .expect_err("no pool");
    assert!(
        matches!(&e, StoreError::NotFound(m) if m.contains("pool 9999")),
        "{e}"
    );
    let e = s
        .delete_option(OptionScope::Subnet(sub.id), 3)
        .await
        .expect_err("not set");
    assert!(
        matches!(&e, StoreError::NotFound(m) if m.contains("routers")),
        "{e}"
    );
    s.delete_option(OptionScope::Subnet(sub.id), 42)
        .await
        .expect("delete");
    assert!(s
        .list_options(OptionScope::Subnet(sub.id))
        .await
        .expect("list")
        .is_empty());
    s.delete_subnet(sub.id, false).await.expect("delete subnet");
    assert_eq!(
        s.list_options(OptionScope::Global)
            .await
            .expect("global")
            .len(),
        1,
        "global options stay"
    );
    // The pool's options went with the subnet: a new pool reusing the id sees none.
    assert!(s.list_options(OptionScope::Pool(p.id)).await.is_err());
}

async fn lease_upsert_list_release(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/16"), &[])
        .await
        .expect("subnet");
    // More than one statement's worth of rows.
    let many: Vec<Lease> = (0..2500u32)
        .map(|i| {
            let addr = Ipv4Addr::from(u32::from(ip("10.0.1.0")) + i);
            let mut l = lease(
                &addr.to_string(),
                sub.id,
                "02:00:00:00:00:00",
                LeaseState::Bound,
            );
            l.mac = Some(Mac([2, 0, 0, 0, (i >> 8) as u8, i as u8]));
            l
        })
        .collect();
    s.upsert_leases(&many).await.expect("upsert many");
    let counts = s.counts().await.expect("counts");
    assert_eq!(counts.leases, [(LeaseState::Bound, 2500)]);

    let mut l = lease("10.0.0.5", sub.id, "02:aa:00:00:00:01", LeaseState::Offered);
    s.upsert_leases(std::slice::from_ref(&l))
        .await
        .expect("offer");
    l.state = LeaseState::Bound;
    l.client_id = Some("01:02:aa:00:00:00:01".parse().expect("cid"));
    l.ends = 9_000;
    s.upsert_leases(std::slice::from_ref(&l))
        .await
        .expect("bind replaces");
    assert_eq!(s.get_lease(l.ip).await.expect("get"), l);

    let by_mac = LeaseFilter {
        mac: l.mac,
        ..Default::default()
    };
    assert_eq!(s.list_leases(&by_mac, ALL).await.expect("mac"), [l.clone()]);
    let by_cid = LeaseFilter {
        client_id: l.client_id.clone(),
        ..Default::default()
    };
    assert_eq!(s.list_leases(&by_cid, ALL).await.expect("cid").len(), 1);
    let page = s
        .list_leases(
            &LeaseFilter::default(),
            Page {
                after: 0,
                limit: 10,
            },
        )
        .await
        .expect("page");
    assert_eq!(page[0].ip, ip("10.0.0.5"), "address order");
    let next = s
        .list_leases(
            &LeaseFilter::default(),
            Page {
                after: i64::from(u32::from(page[9].ip)),
                limit: 10,
            },
        )
        .await
        .expect("next");
    assert!(next[0].ip > page[9].ip);

    let released = s.release_lease(l.ip, 5_000).await.expect("release");
    assert_eq!(
        (released.state, released.ends),
        (LeaseState::Released, 5_000)
    );
    let bound = LeaseFilter {
        state: Some(LeaseState::Bound),
        subnet_id: Some(sub.id),
        ..Default::default()
    };
    assert_eq!(
        s.list_leases(
            &bound,
            Page {
                after: 0,
                limit: 5000
            }
        )
        .await
        .expect("bound")
        .len(),
        2500
    );
    assert!(matches!(
        s.release_lease(ip("10.0.200.1"), 5_000).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn lease_batch_is_atomic(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    let good = lease("10.0.0.5", sub.id, "02:00:00:00:00:01", LeaseState::Bound);
    let outside = lease("10.0.9.5", sub.id, "02:00:00:00:00:02", LeaseState::Bound);
    let e = s
        .upsert_leases(&[good.clone(), outside])
        .await
        .expect_err("one lease outside its subnet");
    assert!(matches!(e, StoreError::Conflict(_)), "{e}");
    assert!(
        matches!(s.get_lease(good.ip).await, Err(StoreError::NotFound(_))),
        "nothing of the batch was kept"
    );
}

/// Writes about one address land in the order they were made, however the
/// backend defers work (PostgreSQL's lease journal), and a write for a
/// subnet deleted since never comes back nor blocks later reads.
async fn lease_writes_keep_their_order(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let a = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet a");
    let b = s
        .create_subnet(&subnet("10.0.1.0/24"), &[])
        .await
        .expect("subnet b");
    let mut l = lease("10.0.0.5", a.id, "02:00:00:00:00:01", LeaseState::Bound);
    let mut versions = Vec::new();
    for (state, ends) in [
        (LeaseState::Bound, 1_000),
        (LeaseState::Released, 1_100),
        (LeaseState::Bound, 2_000),
    ] {
        l.state = state;
        l.ends = ends;
        s.upsert_leases(std::slice::from_ref(&l))
            .await
            .expect("write");
        versions.push(l.clone());
    }
    assert_eq!(s.get_lease(l.ip).await.expect("get"), versions[2]);
    // More writes after a fold, then housekeeping: still the last one wins.
    l.ends = 3_000;
    s.upsert_leases(std::slice::from_ref(&l))
        .await
        .expect("write");
    s.housekeeping(true).await.expect("housekeeping");
    assert_eq!(s.get_lease(l.ip).await.expect("get"), l);

    let gone = lease("10.0.1.5", b.id, "02:00:00:00:00:02", LeaseState::Bound);
    s.upsert_leases(std::slice::from_ref(&gone))
        .await
        .expect("write in b");
    s.delete_subnet(b.id, true).await.expect("forced delete");
    s.housekeeping(true)
        .await
        .expect("housekeeping after delete");
    assert!(matches!(
        s.get_lease(gone.ip).await,
        Err(StoreError::NotFound(_))
    ));
    let all = s
        .list_leases(&LeaseFilter::default(), ALL)
        .await
        .expect("list");
    assert_eq!(all, [l], "only the live subnet's lease");
}

/// Rows in `table`, counted outside the store.
async fn rows_in(url: &str, table: &str) -> i64 {
    use sqlx::Connection as _;
    let sql = format!("SELECT COUNT(*) FROM {table}");
    if url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(url).await.expect("connect");
        sqlx::query_scalar(&sql)
            .fetch_one(&mut c)
            .await
            .expect("count")
    } else {
        let mut c = sqlx::PgConnection::connect(url).await.expect("connect");
        sqlx::query_scalar(&sql)
            .fetch_one(&mut c)
            .await
            .expect("count")
    }
}

/// Housekeeping offered while little is waiting leaves PostgreSQL's journal
/// alone; once 1,024 rows wait it folds them. SQLite writes `leases` at once.
async fn housekeeping_folds_when_due(backend: Backend) {
    let env = open(backend).await;
    let (s, url) = (&env.store, env.fresh.url.as_str());
    let pg = url.starts_with("postgres");
    let sub = s
        .create_subnet(&subnet("10.0.0.0/21"), &[])
        .await
        .expect("subnet");
    let at = |i: u32| {
        lease(
            &Ipv4Addr::from(u32::from(ip("10.0.0.1")) + i).to_string(),
            sub.id,
            &format!("02:00:00:00:{:02x}:{:02x}", i >> 8, i & 0xff),
            LeaseState::Bound,
        )
    };
    s.upsert_leases(&[at(0)]).await.expect("one lease");
    s.housekeeping(false).await.expect("housekeeping");
    if pg {
        assert_eq!(
            (
                rows_in(url, "lease_journal").await,
                rows_in(url, "leases").await
            ),
            (1, 0),
            "one row is not yet worth a fold"
        );
    } else {
        assert_eq!(rows_in(url, "leases").await, 1, "written at once");
    }
    let many: Vec<Lease> = (1..=1024).map(at).collect();
    s.upsert_leases(&many).await.expect("1,024 leases");
    s.housekeeping(false).await.expect("housekeeping");
    assert_eq!(rows_in(url, "leases").await, 1025, "every lease folded");
    if pg {
        assert_eq!(rows_in(url, "lease_journal").await, 0, "journal emptied");
    }
}

async fn delete_subnet_guards_bound_leases(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    s.create_pool(&pool(sub.id, "10.0.0.100-10.0.0.199"))
        .await
        .expect("pool");
    s.upsert_leases(&[lease(
        "10.0.0.100",
        sub.id,
        "02:00:00:00:00:01",
        LeaseState::Bound,
    )])
    .await
    .expect("lease");
    let e = s
        .delete_subnet(sub.id, false)
        .await
        .expect_err("bound lease");
    assert!(
        matches!(&e, StoreError::Conflict(m) if m.contains("1 bound lease")),
        "{e}"
    );
    assert_eq!(
        s.counts().await.expect("counts").pools,
        1,
        "refused delete changed nothing"
    );
    s.delete_subnet(sub.id, true).await.expect("forced");
    let c = s.counts().await.expect("counts");
    assert_eq!(
        (c.subnets, c.pools, c.leases.len()),
        (0, 0, 0),
        "pools and leases went with it"
    );
}

async fn database_enforces_constraints(backend: Backend) {
    let env = open(backend).await;
    // Writes that bypass the store's checks must still be refused by the
    // database itself.
    let url = &env.fresh.url;
    let s = &env.store;
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    s.create_pool(&pool(sub.id, "10.0.0.100-10.0.0.199"))
        .await
        .expect("pool");
    s.create_reservation(&reservation("02:00:00:00:00:01", "10.0.0.10"), &[])
        .await
        .expect("reservation");
    s.upsert_leases(&[lease(
        "10.0.0.6",
        sub.id,
        "02:00:00:00:00:06",
        LeaseState::Bound,
    )])
    .await
    .expect("lease");
    s.housekeeping(true).await.expect("fold");
    let net = |a: &str| u32::from(ip(a));
    let id = sub.id.0;
    let refused = [
        (
            "overlapping subnet",
            format!(
                "INSERT INTO subnets (network, broadcast, prefix_len, lease_min, lease_default, lease_max, created, updated) \
                 VALUES ({}, {}, 25, 60, 3600, 86400, 0, 0)",
                net("10.0.0.128"),
                net("10.0.0.255")
            ),
        ),
        ("pool outside subnet", format!("INSERT INTO pools (subnet_id, range_start, range_end) VALUES ({id}, {}, {})", net("10.0.1.1"), net("10.0.1.9"))),
        ("overlapping pool", format!("INSERT INTO pools (subnet_id, range_start, range_end) VALUES ({id}, {}, {})", net("10.0.0.150"), net("10.0.0.210"))),
        ("backwards pool", format!("INSERT INTO pools (subnet_id, range_start, range_end) VALUES ({id}, {}, {})", net("10.0.0.250"), net("10.0.0.240"))),
        ("duplicate reservation MAC", format!("INSERT INTO reservations (subnet_id, mac, ip) VALUES ({id}, X'020000000001', {})", net("10.0.0.11"))),
        ("duplicate reservation address", format!("INSERT INTO reservations (subnet_id, mac, ip) VALUES ({id}, X'020000000002', {})", net("10.0.0.10"))),
        ("reservation outside subnet", format!("INSERT INTO reservations (subnet_id, mac, ip) VALUES ({id}, X'020000000003', {})", net("10.0.5.1"))),
        ("reservation without identity", format!("INSERT INTO reservations (subnet_id, ip) VALUES ({id}, {})", net("10.0.0.12"))),
        ("lease outside its subnet", format!("INSERT INTO leases (ip, subnet_id, state, starts, ends) VALUES ({}, {id}, 'bound', 0, 60)", net("10.0.1.5"))),
        ("lease of no subnet", format!("INSERT INTO leases (ip, subnet_id, state, starts, ends) VALUES ({}, {}, 'bound', 0, 60)", net("10.0.0.5"), id + 1)),
        ("lease moved out of its subnet", format!("UPDATE leases SET ip = {} WHERE ip = {}", net("10.0.1.6"), net("10.0.0.6"))),
    ];
    for (what, sql) in refused {
        // PostgreSQL writes bytea literals as '\x..'; SQLite as X'..'.
        let sql = if url.starts_with("postgres") {
            sql.replace("X'", "'\\x")
        } else {
            sql
        };
        assert!(
            raw_sql(url, &sql).await.is_err(),
            "the database accepted a {what}: {sql}"
        );
    }
    // Valid rows written the same way are accepted: the probe itself works.
    let pool_ok = format!(
        "INSERT INTO pools (subnet_id, range_start, range_end) VALUES ({id}, {}, {})",
        net("10.0.0.200"),
        net("10.0.0.210")
    );
    let res_ok = format!(
        "INSERT INTO reservations (subnet_id, mac, ip) VALUES ({id}, X'020000000009', {})",
        net("10.0.0.30")
    );
    let lease_ok = format!(
        "INSERT INTO leases (ip, subnet_id, state, starts, ends) VALUES ({}, {id}, 'bound', 0, 60)",
        net("10.0.0.7")
    );
    for sql in [pool_ok, res_ok, lease_ok] {
        let sql = if url.starts_with("postgres") {
            sql.replace("X'", "'\\x")
        } else {
            sql
        };
        raw_sql(url, &sql)
            .await
            .unwrap_or_else(|e| panic!("valid raw insert refused: {sql}: {e}"));
    }
    let c = s.counts().await.expect("counts");
    assert_eq!((c.subnets, c.pools, c.reservations), (1, 2, 2));
    let leases = s
        .list_leases(&LeaseFilter::default(), ALL)
        .await
        .expect("leases");
    assert_eq!(
        leases.iter().map(|l| l.ip).collect::<Vec<_>>(),
        [ip("10.0.0.6"), ip("10.0.0.7")]
    );
    // Deleting the subnet with SQL alone takes its leases along.
    raw_sql(url, &format!("DELETE FROM subnets WHERE id = {id}"))
        .await
        .expect("delete the subnet");
    let c = s.counts().await.expect("counts");
    assert_eq!((c.subnets, c.pools, c.leases.len()), (0, 0, 0));
}
