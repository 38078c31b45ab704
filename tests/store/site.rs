//! Site apply at the store: the whole state read at once, a document
//! planned and carried out in one transaction with its audit entries, a dry
//! run that changes nothing, and refusals that name what they refuse.

use super::*;

dhcplane_tests::both_backends!(
    site_apply_dry_run_then_for_real,
    site_apply_refusals_change_nothing
);

/// A subnet with a pool and a reservation, options at every scope.
fn doc() -> SiteDoc {
    SiteDoc {
        options: vec![opt("domain-name-servers", "192.0.2.53")],
        options_listed: true,
        defaults: Some(BootFields {
            next_server: Some(ip("192.0.2.234")),
            ..BootFields::default()
        }),
        subnets: vec![SiteSubnet {
            spec: subnet("10.0.0.0/24"),
            options: vec![opt("routers", "10.0.0.1")],
            pools: vec![SitePool {
                spec: pool(SubnetId(0), "10.0.0.100-10.0.0.199"),
                options: vec![opt("interface-mtu", "9000")],
            }],
            reservations: vec![SiteReservation {
                spec: reservation("02:00:00:00:00:01", "10.0.0.10"),
                options: vec![opt("host-name", "printer")],
            }],
        }],
        subnets_listed: true,
    }
}

/// The audit entry of an applied change, as the API would make it.
fn audit(a: &Applied) -> AuditEntry {
    AuditEntry {
        id: 0,
        time: 1_000,
        principal: "site-test".into(),
        action: format!("{}_{}", a.change.kind(), a.change.action()),
        object: a.change.object(),
        before: None,
        after: None,
    }
}

fn kinds(applied: &[Applied]) -> Vec<(&'static str, &'static str)> {
    applied
        .iter()
        .map(|a| (a.change.kind(), a.change.action()))
        .collect()
}

async fn site_apply_dry_run_then_for_real(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let empty = s.site_state().await.expect("state");
    assert!(empty.subnets.is_empty() && empty.options.is_empty());

    let dry = s
        .apply_site(&doc(), false, true, &audit)
        .await
        .expect("dry run");
    assert!(!dry.is_empty());
    assert!(
        dry.iter()
            .all(|a| a.audit.is_none() && (a.change.action() != "create" || a.id == 0)),
        "a dry run gives no ids and writes no audit: {dry:?}"
    );
    let c = s.counts().await.expect("counts");
    assert_eq!((c.subnets, c.pools, c.reservations), (0, 0, 0));
    assert!(s.all_options().await.expect("options").is_empty());
    assert!(s.list_audit(0, 10, None).await.expect("audit").is_empty());

    let applied = s
        .apply_site(&doc(), false, false, &audit)
        .await
        .expect("apply");
    assert_eq!(kinds(&applied), kinds(&dry), "the dry run showed the plan");
    let state = s.site_state().await.expect("state");
    assert_eq!(state.to_doc(), doc(), "the store now holds the document");
    let sub = &state.subnets[0];
    for a in &applied {
        assert_eq!(
            (a.subnet_id, a.subnet),
            if matches!(a.change.kind(), "option" | "defaults") && a.subnet_id == 0 {
                (0, None)
            } else {
                (sub.id.0, Some(sub.spec.cidr))
            },
            "{a:?}"
        );
        assert!(
            a.id > 0 || matches!(a.change.kind(), "option" | "defaults"),
            "{a:?}"
        );
    }
    // Each change's audit entry, written in the same transaction, in order.
    let entries: Vec<AuditEntry> = applied
        .iter()
        .rev()
        .map(|a| a.audit.clone().expect("audited"))
        .collect();
    assert_eq!(s.list_audit(0, 100, None).await.expect("audit"), entries);
    assert_eq!(
        entries.last().map(|e| e.principal.as_str()),
        Some("site-test")
    );

    let again = s
        .apply_site(&doc(), true, false, &audit)
        .await
        .expect("again");
    assert!(again.is_empty(), "applied twice changes nothing: {again:?}");

    // An empty document pruned deletes everything, the global options too.
    let nothing = SiteDoc {
        options_listed: true,
        subnets_listed: true,
        ..SiteDoc::default()
    };
    let pruned = s
        .apply_site(&nothing, true, false, &audit)
        .await
        .expect("prune");
    assert!(kinds(&pruned).iter().all(|(_, action)| *action == "delete"));
    let state = s.site_state().await.expect("state");
    assert!(state.subnets.is_empty() && state.pools.is_empty() && state.options.is_empty());
}

async fn site_apply_refusals_change_nothing(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    s.apply_site(&doc(), false, false, &audit)
        .await
        .expect("apply");
    let before = s.site_state().await.expect("state").to_doc();
    let audited = s.list_audit(0, 100, None).await.expect("audit").len();

    // Every problem of a document at once, each under its path.
    let mut bad = doc();
    bad.subnets[0].pools[0].spec.range = "10.0.1.1-10.0.1.9".parse().expect("range");
    bad.subnets.push(bad.subnets[0].clone());
    let e = s
        .apply_site(&bad, false, false, &audit)
        .await
        .expect_err("bad document");
    let StoreError::Rejected(problems) = &e else {
        panic!("{e:?}");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert!(
        fields.contains(&"subnets[0].pools[0].range") && fields.contains(&"subnets[1].cidr"),
        "{e}"
    );

    // A change the store refuses as it runs: a pruned subnet with a bound
    // lease. The refusal names the subnet; nothing of the plan stays.
    let sub = s
        .find_subnet("10.0.0.0/24".parse().expect("cidr"))
        .await
        .expect("subnet");
    s.upsert_leases(&[lease(
        "10.0.0.150",
        sub.id,
        "02:00:00:00:00:09",
        LeaseState::Bound,
    )])
    .await
    .expect("lease");
    let mut moved = doc();
    moved.subnets[0].spec = subnet("10.0.9.0/24");
    moved.subnets[0].pools[0].spec = pool(SubnetId(0), "10.0.9.100-10.0.9.199");
    moved.subnets[0].reservations[0].spec.ip = ip("10.0.9.10");
    let e = s
        .apply_site(&moved, true, false, &audit)
        .await
        .expect_err("bound lease");
    let StoreError::Rejected(problems) = &e else {
        panic!("{e:?}");
    };
    assert_eq!(
        problems,
        &[Invalid::new(
            "subnet 10.0.0.0/24",
            "has 1 bound lease(s); release them (dhcpctl lease release) or keep the subnet in the document"
        )]
    );
    assert_eq!(s.site_state().await.expect("state").to_doc(), before);
    assert_eq!(
        s.list_audit(0, 100, None).await.expect("audit").len(),
        audited,
        "no audit entry of a refused apply"
    );
    // The same document as a dry run is refused the same way.
    let e = s
        .apply_site(&moved, true, true, &audit)
        .await
        .expect_err("dry run too");
    assert!(matches!(e, StoreError::Rejected(_)), "{e:?}");
}
