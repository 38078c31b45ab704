//! Reads of the store not covered by the provisioning cases: where the
//! store is, every option at once, and what a lookup of something missing
//! says.

use super::*;

dhcplane_tests::both_backends!(
    location_hides_the_password,
    all_options_by_scope_owner_and_code,
    missing_objects_are_named
);

async fn location_hides_the_password(backend: Backend) {
    let env = open(backend).await;
    assert_eq!(env.store.location(), store::redact(&env.fresh.url));
    if backend == Backend::Sqlite {
        assert_eq!(env.store.location(), env.fresh.url);
        return;
    }
    // The test cluster trusts local connections, so a password is accepted
    // and ignored: enough to see it never shows.
    let Some((scheme, rest)) = env.fresh.url.split_once("://") else {
        panic!("{} is not a URL", env.fresh.url);
    };
    let Some((user, host)) = rest.split_once('@').filter(|(u, _)| !u.contains(':')) else {
        return;
    };
    let with_password = format!("{scheme}://{user}:s3cret@{host}");
    let s = store::open(Some(&with_password), env.fresh.dir.path())
        .await
        .expect("open with a password");
    assert_eq!(s.location(), format!("{scheme}://{user}:***@{host}"));
}

async fn all_options_by_scope_owner_and_code(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    assert!(s.all_options().await.expect("none yet").is_empty());
    let routers = opt("routers", "10.0.0.1");
    let sub = s
        .create_subnet(&subnet("10.0.0.0/24"), std::slice::from_ref(&routers))
        .await
        .expect("subnet");
    let p = s
        .create_pool(&pool(sub.id, "10.0.0.100-10.0.0.199"))
        .await
        .expect("pool");
    let host = opt("host-name", "printer");
    let r = s
        .create_reservation(
            &reservation("02:00:00:00:00:01", "10.0.0.10"),
            std::slice::from_ref(&host),
        )
        .await
        .expect("reservation");
    let (dns, ntp, mtu) = (
        opt("domain-name-servers", "192.0.2.53"),
        opt("ntp-servers", "192.0.2.123"),
        opt("interface-mtu", "9000"),
    );
    for (scope, o) in [
        (OptionScope::Global, &ntp),
        (OptionScope::Global, &dns),
        (OptionScope::Pool(p.id), &mtu),
    ] {
        s.set_option(scope, o).await.expect("set");
    }
    let all = s.all_options().await.expect("all");
    assert_eq!(
        all,
        [
            (OptionScope::Global, dns.clone()),
            (OptionScope::Global, ntp.clone()),
            (OptionScope::Pool(p.id), mtu),
            (OptionScope::Reservation(r.id), host),
            (OptionScope::Subnet(sub.id), routers),
        ],
        "by scope name, owner, then code"
    );
    s.delete_subnet(sub.id, false).await.expect("delete");
    assert_eq!(
        s.all_options().await.expect("all"),
        [(OptionScope::Global, dns), (OptionScope::Global, ntp)],
        "the subnet's options and its objects' went with it"
    );
}

async fn missing_objects_are_named(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let not_found = |r: Result<(), StoreError>, want: &str| match r {
        Err(StoreError::NotFound(m)) => assert_eq!(m, want),
        other => panic!("{want}: got {other:?}"),
    };
    not_found(
        s.get_subnet(SubnetId(9999)).await.map(drop),
        "subnet 9999: no such subnet",
    );
    not_found(
        s.update_subnet(SubnetId(9999), &SubnetUpdate::default())
            .await
            .map(drop),
        "subnet.id 9999: no such subnet",
    );
    not_found(
        s.find_subnet("10.9.0.0/24".parse().expect("cidr"))
            .await
            .map(drop),
        "subnet 10.9.0.0/24 does not exist",
    );
    not_found(
        s.subnet_containing(ip("10.9.0.1")).await.map(drop),
        "no subnet contains 10.9.0.1",
    );
    not_found(
        s.get_pool(PoolId(9999)).await.map(drop),
        "pool 9999 does not exist",
    );
    not_found(
        s.update_pool(PoolId(9999), &PoolUpdate::default())
            .await
            .map(drop),
        "pool 9999 does not exist",
    );
    not_found(
        s.get_reservation(ReservationId(9999)).await.map(drop),
        "reservation 9999 does not exist",
    );
    not_found(
        s.update_reservation(ReservationId(9999), &ReservationUpdate::default())
            .await
            .map(drop),
        "reservation 9999 does not exist",
    );
    not_found(
        s.delete_reservation(ReservationId(9999)).await.map(drop),
        "reservation 9999 does not exist",
    );
    not_found(
        s.list_options(OptionScope::Reservation(ReservationId(9999)))
            .await
            .map(drop),
        "option.scope: reservation 9999 does not exist",
    );
    not_found(
        s.delete_option(OptionScope::Global, 3).await,
        "option routers (3) is not set at global 0",
    );
    not_found(
        s.get_lease(ip("10.0.0.1")).await.map(drop),
        "lease 10.0.0.1 does not exist",
    );
    // Listings of nothing are empty, not errors.
    assert!(s.list_subnets(None, ALL).await.expect("subnets").is_empty());
    assert!(s.list_pools(None, ALL).await.expect("pools").is_empty());
    assert!(s
        .list_reservations(&ReservationFilter::default(), ALL)
        .await
        .expect("reservations")
        .is_empty());
    assert!(s
        .list_leases(&LeaseFilter::default(), ALL)
        .await
        .expect("leases")
        .is_empty());
}
