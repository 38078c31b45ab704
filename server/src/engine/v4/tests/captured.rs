//! Real clients' packets, captured on the wire (`server/fixtures/v4/`,
//! made by its `capture.sh`): dhclient, dhcpcd and busybox udhcpc through a
//! whole lease's life, dhclient through dhcrelay, and the DHCP of iPXE, OVMF
//! PXE and OVMF HTTP boot firmware. One test per rule of RFC 2131 and its
//! companions, each fed the bytes a real client sent.

use super::*;
use crate::serve::world::from_relay;

/// The bytes of fixture `name`.
macro_rules! fx {
    ($name:literal) => {
        &include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/v4/",
            $name,
            ".bin"
        ))[..]
    };
}

const CLIENTS: [&str; 3] = ["dhclient", "dhcpcd", "udhcpc"];

fn unicast() -> Arrival<'static> {
    Arrival {
        broadcast: false,
        ..on_eth0()
    }
}

/// Decides on `bytes` arriving as `a` at `now`.
fn feed(w: &mut World, bytes: &[u8], a: &Arrival<'_>, now: i64) -> Decision {
    w.decide(bytes, a, now)
        .expect("a real client's packet parses")
}

fn msg(d: &Decision) -> Option<MessageType> {
    d.reply.as_ref().and_then(|r| r.msg_type)
}

fn binding(d: &Decision) -> Option<Binding> {
    match &d.change {
        Some(LeaseChange::Bind(_, b)) => Some(*b),
        _ => None,
    }
}

/// Gives every pool address below `ip` to someone else, so the next offer
/// is `ip` (the address the captured client went on to request).
fn occupy_below(w: &mut World, ip: Ipv4Addr) {
    let first = w
        .prov
        .pools(SubnetId(1))
        .first()
        .map(|p| u32::from(p.spec.range.start))
        .expect("a pool");
    for (n, a) in (first..u32::from(ip)).enumerate() {
        w.table.insert(Lease {
            ip: Ipv4Addr::from(a),
            subnet_id: SubnetId(1),
            mac: Some(Mac([2, 0xff, 0, 0, 0, n as u8])),
            client_id: None,
            hostname: None,
            state: LeaseState::Bound,
            starts: NOW,
            ends: NOW + 3600,
        });
    }
}

/// Puts in a binding of `ip` for the client that sent `bytes`, as its
/// earlier exchanges with this server left it.
fn bound_to(w: &mut World, bytes: &[u8], ip: Ipv4Addr) {
    let req = parse(bytes).expect("parses");
    w.table.insert(Lease {
        ip,
        subnet_id: SubnetId(1),
        mac: req.mac,
        client_id: req.client_id.clone().map(ClientId),
        hostname: None,
        state: LeaseState::Bound,
        starts: NOW - 1800,
        ends: NOW + 1800,
    });
}

fn fixture(client: &str, what: &str) -> &'static [u8] {
    match (client, what) {
        ("dhclient", "discover") => fx!("dhclient-discover"),
        ("dhclient", "selecting") => fx!("dhclient-request-selecting"),
        ("dhclient", "renewing") => fx!("dhclient-request-renewing"),
        ("dhclient", "rebinding") => fx!("dhclient-request-rebinding"),
        ("dhclient", "release") => fx!("dhclient-release"),
        ("dhcpcd", "discover") => fx!("dhcpcd-discover"),
        ("dhcpcd", "selecting") => fx!("dhcpcd-request-selecting"),
        ("dhcpcd", "renewing") => fx!("dhcpcd-request-renewing"),
        ("dhcpcd", "rebinding") => fx!("dhcpcd-request-rebinding"),
        ("dhcpcd", "release") => fx!("dhcpcd-release"),
        ("udhcpc", "discover") => fx!("udhcpc-discover"),
        ("udhcpc", "selecting") => fx!("udhcpc-request-selecting"),
        ("udhcpc", "renewing") => fx!("udhcpc-request-renewing"),
        ("udhcpc", "rebinding") => fx!("udhcpc-request-rebinding"),
        ("udhcpc", "release") => fx!("udhcpc-release"),
        other => panic!("no fixture {other:?}"),
    }
}

/// The address a captured request names (option 50, else ciaddr).
fn named(bytes: &[u8]) -> Ipv4Addr {
    let r = parse(bytes).expect("parses");
    r.requested_ip.unwrap_or(r.ciaddr)
}

#[test]
fn rfc2131_4_1_an_offer_without_the_broadcast_flag_goes_unicast_to_chaddr() {
    let mut w = World::new();
    let d = feed(&mut w, fixture("dhclient", "discover"), &on_eth0(), NOW);
    assert_eq!(msg(&d), Some(MessageType::Offer));
    assert_eq!(
        d.reply.expect("offer").to,
        Destination::Hardware {
            ip: ip("10.0.0.100"),
            mac: Mac([2, 0, 0, 0xdc, 1, 1])
        },
        "dhclient sends the broadcast flag 0: unicast to yiaddr at chaddr"
    );
}

#[test]
fn rfc2131_4_3_2_each_clients_selecting_request_is_acked_for_its_offer() {
    for c in CLIENTS {
        let mut w = World::new();
        let want = named(fixture(c, "selecting"));
        occupy_below(&mut w, want);
        let offer = feed(&mut w, fixture(c, "discover"), &on_eth0(), NOW);
        assert_eq!(yiaddr(&offer), want, "{c}: offered what it will request");
        let ack = feed(&mut w, fixture(c, "selecting"), &on_eth0(), NOW + 1);
        assert_eq!(msg(&ack), Some(MessageType::Ack), "{c}");
        assert_eq!(yiaddr(&ack), want, "{c}");
        assert_eq!(binding(&ack), Some(Binding::New), "{c}");
    }
}

#[test]
fn rfc6842_the_client_identifier_keys_the_lease_and_is_echoed() {
    let mut w = World::new();
    let d = feed(&mut w, fixture("dhcpcd", "discover"), &on_eth0(), NOW);
    let sent = parse(fixture("dhcpcd", "discover"))
        .expect("parses")
        .client_id
        .expect("dhcpcd sends a DUID-based option 61");
    assert_eq!(opt_of(&d, 61), Some(sent.clone()));
    match &d.change {
        Some(LeaseChange::Offer(l)) => {
            assert_eq!(l.client_id.as_ref().map(|c| c.0.clone()), Some(sent));
        }
        other => panic!("an offer: {other:?}"),
    }
}

#[test]
fn rfc4039_rapid_commit_is_acked_only_where_the_subnet_allows_it() {
    let mut off = World::new();
    let d = feed(&mut off, fixture("dhcpcd", "discover"), &on_eth0(), NOW);
    assert_eq!(msg(&d), Some(MessageType::Offer), "dhcpcd sends option 80");
    let mut on = World::with(subnet(|s| s.rapid_commit = true));
    let d = feed(&mut on, fixture("dhcpcd", "discover"), &on_eth0(), NOW);
    assert_eq!(msg(&d), Some(MessageType::Ack));
    assert_eq!(opt_of(&d, 80), Some(vec![]));
    assert_eq!(binding(&d), Some(Binding::New));
}

#[test]
fn rfc2132_9_10_the_reply_fits_the_clients_maximum_message_size() {
    // udhcpc asks for 576 bytes; make the options overflow that.
    let big = "ab:".repeat(299) + "ab";
    let mut w = World::new().option(OptionScope::Global, "vendor-specific", &big);
    let d = feed(&mut w, fixture("udhcpc", "discover"), &on_eth0(), NOW);
    let b = &d.reply.as_ref().expect("offer").bytes;
    assert!(b.len() <= 576 - 28, "{} bytes", b.len());
    // dhcpcd allows 1472: everything fits without overload.
    let mut w = World::new().option(OptionScope::Global, "vendor-specific", &big);
    let d = feed(&mut w, fixture("dhcpcd", "discover"), &on_eth0(), NOW);
    assert!(opt_of(&d, 52).is_none());
}

#[test]
fn rfc2131_4_3_2_init_reboot_is_confirmed_with_a_record_and_ignored_without() {
    for (c, bytes) in [
        ("dhclient", fx!("dhclient-request-init-reboot")),
        ("dhcpcd", fx!("dhcpcd-request-init-reboot")),
    ] {
        let mut w = World::new();
        let d = feed(&mut w, bytes, &on_eth0(), NOW);
        assert_eq!(
            d.outcome,
            Outcome::Silent(Reason::NoRecord),
            "{c}: no record of it, stay silent"
        );
        bound_to(&mut w, bytes, named(bytes));
        let d = feed(&mut w, bytes, &on_eth0(), NOW);
        assert_eq!(msg(&d), Some(MessageType::Ack), "{c}");
        let to = d.reply.expect("ack").to;
        assert!(
            matches!(to, Destination::Hardware { ip, .. } if ip == named(bytes)),
            "{c}: broadcast flag 0, no ciaddr: unicast to the address at chaddr; {to:?}"
        );
    }
}

#[test]
fn rfc2131_4_3_2_renewing_is_acked_to_ciaddr_as_a_renewal() {
    for c in CLIENTS {
        let mut w = World::new();
        let bytes = fixture(c, "renewing");
        let ciaddr = named(bytes);
        bound_to(&mut w, bytes, ciaddr);
        let d = feed(&mut w, bytes, &unicast(), NOW);
        assert_eq!(msg(&d), Some(MessageType::Ack), "{c}");
        assert_eq!(binding(&d), Some(Binding::Renewal), "{c}");
        assert_eq!(
            d.reply.expect("ack").to,
            Destination::Client(SocketAddrV4::new(ciaddr, 68)),
            "{c}"
        );
    }
}

#[test]
fn rfc2131_4_3_2_rebinding_is_acked_as_a_rebinding_and_others_are_refused() {
    for c in CLIENTS {
        let mut w = World::new();
        let bytes = fixture(c, "rebinding");
        let ciaddr = named(bytes);
        bound_to(&mut w, bytes, ciaddr);
        let d = feed(&mut w, bytes, &on_eth0(), NOW);
        assert_eq!(binding(&d), Some(Binding::Rebinding), "{c}");
        // The same request for an address someone else holds is refused.
        let mut other = World::new();
        other.table.insert(Lease {
            ip: ciaddr,
            subnet_id: SubnetId(1),
            mac: Some(Mac([2, 0xee, 0, 0, 0, 1])),
            client_id: None,
            hostname: None,
            state: LeaseState::Bound,
            starts: NOW,
            ends: NOW + 3600,
        });
        let d = feed(&mut other, bytes, &on_eth0(), NOW);
        assert_eq!(d.outcome, Outcome::Nak(Reason::AddressNotAvailable), "{c}");
    }
}

#[test]
fn rfc2131_4_3_4_release_frees_the_address_of_its_holder_only() {
    for c in CLIENTS {
        let bytes = fixture(c, "release");
        let ciaddr = named(bytes);
        let mut stranger = World::new();
        assert_eq!(
            feed(&mut stranger, bytes, &unicast(), NOW).outcome,
            Outcome::Silent(Reason::ReleaseNotOwner),
            "{c}"
        );
        let mut w = World::new();
        bound_to(&mut w, bytes, ciaddr);
        let d = feed(&mut w, bytes, &unicast(), NOW);
        assert_eq!(d.outcome, Outcome::Released, "{c}");
        assert!(d.reply.is_none(), "{c}: no reply to a release");
        assert_eq!(
            w.table.get(ciaddr).map(|l| l.state),
            Some(LeaseState::Released),
            "{c}"
        );
    }
}

#[test]
fn rfc2131_4_3_3_decline_puts_the_address_out_of_use() {
    for (c, bytes) in [
        ("dhclient", fx!("dhclient-decline")),
        ("dhcpcd", fx!("dhcpcd-decline")),
        ("udhcpc", fx!("udhcpc-decline")),
    ] {
        let mut w = World::new();
        let declined = named(bytes);
        bound_to(&mut w, bytes, declined);
        let d = feed(&mut w, bytes, &on_eth0(), NOW + 1);
        assert_eq!(d.outcome, Outcome::Declined, "{c}");
        let l = w.table.get(declined).expect("kept");
        assert_eq!(l.state, LeaseState::Declined, "{c}");
        assert_eq!(l.ends, NOW + 1 + 86_400, "{c}: in probation");
    }
}

#[test]
fn rfc2131_4_3_5_inform_sent_to_broadcast_is_answered_at_ciaddr_without_a_lease() {
    let mut w = World::new();
    let d = feed(&mut w, fx!("dhcpcd-inform"), &on_eth0(), NOW);
    let r = d.reply.as_ref().expect("ack");
    assert_eq!(r.msg_type, Some(MessageType::Ack));
    assert_eq!(
        r.to,
        Destination::Client(SocketAddrV4::new(ip("10.0.0.60"), 68))
    );
    assert_eq!(yiaddr(&d), Ipv4Addr::UNSPECIFIED);
    assert!(opt_of(&d, 51).is_none() && opt_of(&d, 58).is_none());
    assert!(d.change.is_none());
}

#[test]
fn rfc3046_relayed_requests_are_answered_through_giaddr_with_option_82_echoed() {
    let relay = ip("10.1.0.1");
    let mut w = World::with(subnet(|s| {
        s.cidr = "10.1.0.0/24".parse().expect("cidr");
        s.interface = None;
        s.relays = vec![relay];
    }));
    let arrival = Arrival {
        src: SocketAddrV4::new(relay, 67),
        ..from_relay()
    };
    let discover = fx!("relay-dhclient-discover");
    let sent82 = parse(discover)
        .expect("parses")
        .relay_info
        .expect("dhcrelay -a adds option 82");
    let offer = feed(&mut w, discover, &arrival, NOW);
    assert_eq!(
        offer.reply.as_ref().expect("offer").to,
        Destination::Relay(SocketAddrV4::new(relay, 67))
    );
    assert_eq!(reply_opts(&offer).last(), Some(&(82, sent82)));
    assert_eq!(yiaddr(&offer), ip("10.1.0.100"));
    let ack = feed(&mut w, fx!("relay-dhclient-request"), &arrival, NOW + 1);
    assert_eq!(msg(&ack), Some(MessageType::Ack));
    assert_eq!(yiaddr(&ack), ip("10.1.0.100"));
}

/// A boot firmware's DISCOVER and REQUEST, the server identifier it chose,
/// and whether it set the broadcast flag.
struct Firmware {
    name: &'static str,
    discover: &'static [u8],
    request: &'static [u8],
    server: Ipv4Addr,
}

fn firmware() -> [Firmware; 6] {
    let (main, proxy) = (ip("10.77.0.1"), ip("10.77.0.2"));
    [
        Firmware {
            name: "iPXE ROM (BIOS)",
            discover: fx!("netboot-s1-bios-discover-1"),
            request: fx!("netboot-s1-bios-request"),
            server: main,
        },
        Firmware {
            name: "undionly.kpxe chained",
            discover: fx!("netboot-s2-bios-chain-discover-3"),
            request: fx!("netboot-s2-bios-chain-request-2"),
            server: main,
        },
        Firmware {
            name: "OVMF PXE",
            discover: fx!("netboot-s3-uefi-discover-1"),
            request: fx!("netboot-s3-uefi-request-1"),
            server: main,
        },
        Firmware {
            name: "ipxe.efi",
            discover: fx!("netboot-s3-uefi-discover-2"),
            request: fx!("netboot-s3-uefi-request-2"),
            server: main,
        },
        Firmware {
            name: "OVMF HTTP boot",
            discover: fx!("netboot-s4-uefi-http-discover-1"),
            request: fx!("netboot-s4-uefi-http-request-1"),
            server: main,
        },
        Firmware {
            name: "OVMF PXE beside a proxy",
            discover: fx!("netboot-s6-proxy-uefi-discover-1"),
            request: fx!("netboot-s6-proxy-uefi-request-1"),
            server: proxy,
        },
    ]
}

#[test]
fn boot_firmware_gets_its_address_routed_as_its_broadcast_flag_says() {
    for f in firmware() {
        let mut w = World::with(subnet(|s| s.cidr = "10.77.0.0/24".parse().expect("cidr")))
            .pool("10.77.0.100-10.77.0.199");
        let arrival = Arrival {
            local: f.server,
            ..on_eth0()
        };
        let want = named(f.request);
        occupy_below(&mut w, want);
        let req = parse(f.discover).expect("firmware's DISCOVER parses");
        let offer = feed(&mut w, f.discover, &arrival, NOW);
        assert_eq!(yiaddr(&offer), want, "{}", f.name);
        let to = offer.reply.as_ref().expect("offer").to;
        if req.broadcast {
            assert_eq!(to, Destination::Broadcast, "{}", f.name);
        } else {
            assert!(matches!(to, Destination::Hardware { .. }), "{}", f.name);
        }
        let ack = feed(&mut w, f.request, &arrival, NOW + 3);
        assert_eq!(msg(&ack), Some(MessageType::Ack), "{}", f.name);
        assert_eq!(yiaddr(&ack), want, "{}", f.name);
        let limit = usize::from(parse(f.request).expect("parses").max_size.unwrap_or(576));
        assert!(
            ack.reply.expect("ack").bytes.len() <= limit - 28,
            "{}",
            f.name
        );
    }
}

#[test]
fn a_request_for_another_servers_offer_drops_ours_with_real_firmware() {
    // OVMF beside a proxy chose the address server 10.77.0.2; at 10.77.0.1
    // its REQUEST means it turned our offer down.
    let f = &firmware()[5];
    let mut w = World::with(subnet(|s| s.cidr = "10.77.0.0/24".parse().expect("cidr")))
        .pool("10.77.0.100-10.77.0.199");
    let arrival = Arrival {
        local: ip("10.77.0.1"),
        ..on_eth0()
    };
    let offered = yiaddr(&feed(&mut w, f.discover, &arrival, NOW));
    let d = feed(&mut w, f.request, &arrival, NOW + 3);
    assert_eq!(d.outcome, Outcome::Silent(Reason::SelectedOtherServer));
    assert!(w.table.get(offered).is_none(), "our hold is dropped");
}
