//! BOOTP (RFC 951/1542), dynamic BOOTP (RFC 1534), and the boot fields of
//! the fixed header: next server (siaddr), server host name (sname) and
//! boot file (file), with options 66 and 67.

use super::*;
use crate::serve::world::RESERVED_IP;

fn bootp(mac: Mac) -> Pkt {
    let mut p = Pkt::new(MessageType::Discover);
    p.msg = None;
    p.mac = mac;
    p
}

fn siaddr(d: &Decision) -> Ipv4Addr {
    let b = &d.reply.as_ref().expect("a reply").bytes;
    Ipv4Addr::new(b[20], b[21], b[22], b[23])
}

/// A NUL-terminated header field as text.
fn field(d: &Decision, range: std::ops::Range<usize>) -> String {
    let b = &d.reply.as_ref().expect("a reply").bytes[range];
    let end = b.iter().position(|c| *c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).into_owned()
}

fn sname(d: &Decision) -> String {
    field(d, 44..108)
}

fn file(d: &Decision) -> String {
    field(d, 108..236)
}

fn ends(d: &Decision) -> i64 {
    match &d.change {
        Some(LeaseChange::Bind(l, _)) => l.ends,
        other => panic!("a binding: {other:?}"),
    }
}

#[test]
fn bootp_is_served_from_reservations_only_when_enabled() {
    let reserved = bootp(Mac([2, 0, 0, 0, 0, 9]));
    let mut off = World::new();
    assert_eq!(
        off.send(&reserved).outcome,
        Outcome::Silent(Reason::BootpDisabled)
    );
    let mut on = World::with(subnet(|s| s.bootp = true));
    let d = on.send(&reserved);
    let r = d.reply.as_ref().expect("bootreply");
    assert_eq!((r.msg_type, yiaddr(&d)), (None, RESERVED_IP));
    assert!(opt_of(&d, 53).is_none(), "a BOOTREPLY has no message type");
    assert!(
        ends(&d) - NOW > 50 * 365 * 86_400,
        "a BOOTP binding does not end"
    );
    assert_eq!(
        on.send(&bootp(MAC)).outcome,
        Outcome::Silent(Reason::BootpWithoutReservation)
    );
}

#[test]
fn dynamic_bootp_binds_a_pool_address_for_good_and_keeps_it() {
    let mut w = World::with(subnet(|s| s.bootp_dynamic = true));
    let d = w.send(&bootp(MAC));
    assert_eq!(d.outcome, Outcome::Replied);
    let first = yiaddr(&d);
    assert_eq!(first, ip("10.0.0.100"));
    assert!(ends(&d) - NOW > 50 * 365 * 86_400, "no end by default");
    assert!(w.table.expire(NOW + 10 * 365 * 86_400).is_empty());
    // The same MAC asks again (a reboot): the same address.
    assert_eq!(yiaddr(&w.send_at(&bootp(MAC), NOW + 60)), first);
    // Reservations keep precedence.
    assert_eq!(
        yiaddr(&w.send(&bootp(Mac([2, 0, 0, 0, 0, 9])))),
        RESERVED_IP
    );
    // Another client gets another address.
    assert_ne!(yiaddr(&w.send(&bootp(Mac([2, 0, 0, 0, 0, 2])))), first);
}

#[test]
fn dynamic_bootp_gives_a_client_the_address_it_had_under_dhcp() {
    let mut w = World::with(subnet(|s| s.bootp_dynamic = true));
    // DHCP with a client identifier, as dhcpcd and systemd send one.
    let cid = [0xff, 1, 2, 3, 4];
    let offer = w.send(&Pkt::new(MessageType::Discover).opt(61, &cid));
    let y = yiaddr(&offer);
    let ack = w.send(
        &Pkt::new(MessageType::Request)
            .opt(61, &cid)
            .opt(54, &SERVER.octets())
            .opt(50, &y.octets()),
    );
    assert_eq!(ack.outcome, Outcome::Replied);
    // The same machine boots a BOOTP client (no identifier): same address.
    let d = w.send_at(&bootp(MAC), NOW + 5);
    assert_eq!(yiaddr(&d), y);
}

#[test]
fn dynamic_bootp_takes_the_configured_lease_time_and_reports_a_full_pool() {
    let mut w = World::with(subnet(|s| {
        s.bootp_dynamic = true;
        s.bootp_lease_time = Some(600);
    }));
    let d = w.send(&bootp(MAC));
    assert_eq!(ends(&d), NOW + 600);
    for n in 2..=3u8 {
        let _ = w.send(&bootp(Mac([2, 0, 0, 0, 0, n])));
    }
    assert_eq!(
        w.send(&bootp(Mac([2, 0, 0, 0, 0, 4]))).outcome,
        Outcome::NoOffer(Reason::NoFreeAddress)
    );
}

#[test]
fn boot_fields_come_from_reservation_then_subnet_then_defaults() {
    let defaults = BootFields {
        next_server: Some(ip("192.0.2.9")),
        server_name: Some("boot0".into()),
        boot_file: Some("default.0".into()),
    };
    let mut w = World::with(subnet(|s| {
        s.boot.next_server = Some(ip("192.0.2.234"));
        s.boot.boot_file = Some("pxelinux.0".into());
    }))
    .boot_defaults(defaults)
    .reservation(|r| r.boot.boot_file = Some("grubx64.efi".into()));
    let offer = w.send(&Pkt::new(MessageType::Discover));
    assert_eq!(
        siaddr(&offer),
        ip("192.0.2.234"),
        "the subnet's next server"
    );
    assert_eq!(file(&offer), "pxelinux.0");
    assert_eq!(
        sname(&offer),
        "boot0",
        "the default where the subnet is silent"
    );
    let ack = w.send(
        &Pkt::new(MessageType::Request)
            .opt(54, &SERVER.octets())
            .opt(50, &yiaddr(&offer).octets()),
    );
    assert_eq!(
        (siaddr(&ack), file(&ack)),
        (ip("192.0.2.234"), "pxelinux.0".to_string())
    );
    let mut reserved = Pkt::new(MessageType::Discover);
    reserved.mac = Mac([2, 0, 0, 0, 0, 9]);
    assert_eq!(
        file(&w.send(&reserved)),
        "grubx64.efi",
        "the reservation's own"
    );
    // A NAK carries none of them.
    let nak = w.send(&Pkt::new(MessageType::Request).opt(50, &[10, 9, 0, 1]));
    assert_eq!(
        (siaddr(&nak), file(&nak)),
        (Ipv4Addr::UNSPECIFIED, String::new())
    );
}

#[test]
fn options_66_and_67_carry_the_boot_fields_when_asked() {
    let mut w = World::with(subnet(|s| {
        s.boot.next_server = Some(ip("192.0.2.234"));
        s.boot.boot_file = Some("pxelinux.0".into());
    }));
    let d = w.send(&Pkt::new(MessageType::Discover).opt(55, &[1, 3, 66, 67]));
    assert_eq!(
        opt_of(&d, 66),
        Some(b"192.0.2.234".to_vec()),
        "no name: the address"
    );
    assert_eq!(opt_of(&d, 67), Some(b"pxelinux.0".to_vec()));
    let mut quiet = Pkt::new(MessageType::Discover).opt(55, &[1, 3]);
    quiet.mac = Mac([2, 0, 0, 0, 0, 3]);
    let d = w.send(&quiet);
    assert!(opt_of(&d, 67).is_none(), "not asked for");
    assert_eq!(file(&d), "pxelinux.0", "the header carries it anyway");
    // A configured option 67 wins over the field.
    let mut w = World::with(subnet(|s| s.boot.boot_file = Some("pxelinux.0".into()))).option(
        OptionScope::Global,
        "bootfile-name",
        "ipxe.efi",
    );
    let d = w.send(&Pkt::new(MessageType::Discover).opt(55, &[67]));
    assert_eq!(opt_of(&d, 67), Some(b"ipxe.efi".to_vec()));
}

#[test]
fn option_overload_never_clobbers_the_boot_fields() {
    // Options that overflow 576 bytes would spill into file and sname.
    let big = "ab:".repeat(299) + "ab";
    let mut w = World::with(subnet(|s| {
        s.boot.boot_file = Some("pxelinux.0".into());
        s.boot.server_name = Some("boot1".into());
    }))
    .option(OptionScope::Global, "vendor-specific", &big)
    .option(
        OptionScope::Global,
        "domain-search",
        "a.example,b.example,c.example,d.example,e.example,f.example",
    );
    let d = w.send(&Pkt::new(MessageType::Discover).opt(55, &[1, 3, 43, 119, 15]));
    assert_eq!(file(&d), "pxelinux.0");
    assert_eq!(sname(&d), "boot1");
    assert!(opt_of(&d, 52).is_none(), "no overload into fields in use");
    let b = &d.reply.as_ref().expect("offer").bytes;
    assert!(b.len() <= 576 - 28, "{}", b.len());
}
