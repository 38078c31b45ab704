//! Boot fields (next server, server host name, boot file) on subnets,
//! reservations and the server-wide defaults, and dynamic BOOTP settings:
//! written, read back, changed and cleared alike on both backends.

use super::*;

dhcplane_tests::both_backends!(
    subnet_boot_fields_and_dynamic_bootp_round_trip,
    reservation_boot_fields_round_trip,
    defaults_start_empty_and_change_in_one_step
);

async fn subnet_boot_fields_and_dynamic_bootp_round_trip(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    let mut spec = subnet("10.0.0.0/24");
    spec.bootp_dynamic = true;
    spec.bootp_lease_time = Some(600);
    spec.boot = BootFields {
        next_server: Some(ip("192.0.2.234")),
        server_name: Some("boot1".into()),
        boot_file: Some("pxelinux.0".into()),
    };
    let created = s.create_subnet(&spec, &[]).await.expect("create");
    assert_eq!(created.spec, spec);
    assert_eq!(s.get_subnet(created.id).await.expect("get").spec, spec);
    let u = SubnetUpdate {
        bootp_dynamic: Some(false),
        bootp_lease_time: Some(None),
        boot: BootUpdate {
            server_name: Some(None),
            boot_file: Some(Some("grubx64.efi".into())),
            ..BootUpdate::default()
        },
        ..SubnetUpdate::default()
    };
    let updated = s.update_subnet(created.id, &u).await.expect("update");
    assert!(!updated.spec.bootp_dynamic);
    assert_eq!(updated.spec.bootp_lease_time, None);
    assert_eq!(
        updated.spec.boot.next_server,
        Some(ip("192.0.2.234")),
        "kept"
    );
    assert_eq!(updated.spec.boot.server_name, None, "cleared");
    assert_eq!(updated.spec.boot.boot_file.as_deref(), Some("grubx64.efi"));
    let bad = SubnetUpdate {
        boot: BootUpdate {
            boot_file: Some(Some("f".repeat(200))),
            ..BootUpdate::default()
        },
        ..SubnetUpdate::default()
    };
    match s.update_subnet(created.id, &bad).await {
        Err(StoreError::Invalid(i)) => assert_eq!(i.field, "subnet.boot_file"),
        other => panic!("a boot file longer than the field: {other:?}"),
    }
}

async fn reservation_boot_fields_round_trip(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    s.create_subnet(&subnet("10.0.0.0/24"), &[])
        .await
        .expect("subnet");
    let mut spec = reservation("02:00:00:00:00:01", "10.0.0.10");
    spec.boot.next_server = Some(ip("192.0.2.9"));
    spec.boot.boot_file = Some("ipxe.efi".into());
    let r = s.create_reservation(&spec, &[]).await.expect("create");
    assert_eq!(r.spec.boot, spec.boot);
    let listed = s
        .list_reservations(&ReservationFilter::default(), Page::default())
        .await
        .expect("list");
    assert_eq!(listed[0].spec.boot, spec.boot);
    let u = ReservationUpdate {
        boot: BootUpdate {
            next_server: Some(None),
            ..BootUpdate::default()
        },
        ..ReservationUpdate::default()
    };
    let r = s.update_reservation(r.id, &u).await.expect("update");
    assert_eq!(r.spec.boot.next_server, None);
    assert_eq!(r.spec.boot.boot_file.as_deref(), Some("ipxe.efi"));
}

async fn defaults_start_empty_and_change_in_one_step(backend: Backend) {
    let env = open(backend).await;
    let s = &env.store;
    assert_eq!(s.get_defaults().await.expect("get"), Defaults::default());
    let set = BootUpdate {
        next_server: Some(Some(ip("192.0.2.1"))),
        boot_file: Some(Some("undionly.kpxe".into())),
        ..BootUpdate::default()
    };
    let (before, after) = s.update_defaults(&set).await.expect("update");
    assert_eq!(before, Defaults::default());
    assert_eq!(after.boot.next_server, Some(ip("192.0.2.1")));
    assert_eq!(s.get_defaults().await.expect("get"), after);
    let bad = BootUpdate {
        server_name: Some(Some("two words".into())),
        ..BootUpdate::default()
    };
    match s.update_defaults(&bad).await {
        Err(StoreError::Invalid(i)) => assert_eq!(i.field, "defaults.server_name"),
        other => panic!("a server name with a space: {other:?}"),
    }
    assert_eq!(s.get_defaults().await.expect("unchanged"), after);
}
