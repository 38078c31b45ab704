//! DHCPREQUEST by client state, the leniency real clients need, and the
//! relay agent sub-options that apply to requests (RFC 3527, 5010, 5107).

use super::*;
use crate::serve::world::{from_relay, RELAY};

/// Option 82 with a server identifier override (RFC 5107) of 10.0.0.254
/// and, when `unicast` is given, relay agent flags (RFC 5010).
fn override_82(unicast: Option<bool>) -> Vec<u8> {
    let mut o = vec![1, 3, b'p', b'o', b'1', 11, 4, 10, 0, 0, 254];
    if let Some(u) = unicast {
        o.extend_from_slice(&[10, 1, if u { 0x80 } else { 0 }]);
    }
    o
}

fn relayed(mut p: Pkt) -> Pkt {
    p.giaddr = RELAY;
    p
}

fn binding(d: &Decision) -> Option<Binding> {
    match &d.change {
        Some(LeaseChange::Bind(_, b)) => Some(*b),
        _ => None,
    }
}

#[test]
fn the_client_state_is_told_from_server_id_requested_address_ciaddr_and_broadcast() {
    let direct = on_eth0();
    let unicast = Arrival {
        broadcast: false,
        ..on_eth0()
    };
    let state = |p: &Pkt, a: &Arrival<'_>| client_state(&parse(&p.bytes()).expect("parses"), a);
    let sel = Pkt::new(MessageType::Request)
        .opt(54, &SERVER.octets())
        .opt(50, &[10, 0, 0, 100]);
    assert_eq!(
        state(&sel, &direct),
        ClientState::Selecting { server_id: SERVER }
    );
    let reboot = Pkt::new(MessageType::Request).opt(50, &[10, 0, 0, 100]);
    assert_eq!(
        state(&reboot, &direct),
        ClientState::InitReboot {
            requested: ip("10.0.0.100")
        }
    );
    let mut extend = Pkt::new(MessageType::Request);
    extend.ciaddr = ip("10.0.0.100");
    let ciaddr = extend.ciaddr;
    assert_eq!(state(&extend, &unicast), ClientState::Renewing { ciaddr });
    assert_eq!(state(&extend, &direct), ClientState::Rebinding { ciaddr });
    // Relayed: the relay's flags say how the client sent it.
    let via_relay = from_relay();
    let flagged = |u: bool| relayed(extend.clone()).opt(82, &override_82(Some(u)));
    assert_eq!(
        state(&flagged(true), &via_relay),
        ClientState::Renewing { ciaddr }
    );
    assert_eq!(
        state(&flagged(false), &via_relay),
        ClientState::Rebinding { ciaddr }
    );
    assert_eq!(
        state(&Pkt::new(MessageType::Request), &direct),
        ClientState::Unknown
    );
}

#[test]
fn selecting_without_an_address_takes_the_offer_made_to_the_client() {
    let mut w = World::new();
    let offered = yiaddr(&w.send(&Pkt::new(MessageType::Discover)));
    // Option 54 but neither option 50 nor ciaddr, as some embedded clients send.
    let req = Pkt::new(MessageType::Request).opt(54, &SERVER.octets());
    let d = w.send(&req);
    assert_eq!(
        d.reply.as_ref().and_then(|r| r.msg_type),
        Some(MessageType::Ack)
    );
    assert_eq!(yiaddr(&d), offered);
    assert_eq!(binding(&d), Some(Binding::New));
    // The ACK was lost; the retransmission gets the same answer.
    let again = w.send_at(&req, NOW + 2);
    assert_eq!(yiaddr(&again), offered);
}

#[test]
fn selecting_without_an_address_and_without_an_offer_is_nakd() {
    let mut w = World::new();
    let d = w.send(&Pkt::new(MessageType::Request).opt(54, &SERVER.octets()));
    assert_eq!(d.outcome, Outcome::Nak(Reason::NothingOffered));
    assert_eq!(d.reply.expect("nak").to, Destination::Broadcast);
}

#[test]
fn renewing_and_rebinding_extend_the_clients_own_binding_and_say_which() {
    let mut w = World::new();
    let y = dora(&mut w, MAC);
    let mut renew = Pkt::new(MessageType::Request);
    renew.ciaddr = y;
    let unicast = Arrival {
        broadcast: false,
        ..on_eth0()
    };
    let d = w
        .decide(&renew.bytes(), &unicast, NOW + 1800)
        .expect("parses");
    assert_eq!(binding(&d), Some(Binding::Renewal));
    // REBINDING: broadcast after T2, answered by whichever server hears it.
    let d = w
        .decide(&renew.bytes(), &on_eth0(), NOW + 3200)
        .expect("parses");
    assert_eq!(binding(&d), Some(Binding::Rebinding));
    assert_eq!(
        d.reply.as_ref().expect("ack").to,
        Destination::Client(SocketAddrV4::new(y, 68)),
        "the ACK goes to ciaddr"
    );
    // A client extending an address this server has no binding of (its
    // lease was lost) gets it when it is free: a new binding.
    let mut lost = Pkt::new(MessageType::Request);
    lost.ciaddr = ip("10.0.0.102");
    lost.mac = Mac([2, 0, 0, 0, 4, 4]);
    let d = w.send(&lost);
    assert_eq!(binding(&d), Some(Binding::New));
}

#[test]
fn a_relayed_inform_without_ciaddr_is_answered_through_the_relay() {
    let mut w = World::new();
    let p = relayed(Pkt::new(MessageType::Inform)).opt(55, &[3, 6, 15]);
    let d = w.decide(&p.bytes(), &from_relay(), NOW).expect("parses");
    let r = d.reply.as_ref().expect("ack");
    assert_eq!(r.msg_type, Some(MessageType::Ack));
    assert_eq!(r.to, Destination::Relay(SocketAddrV4::new(RELAY, 67)));
    assert_eq!(
        opt_of(&d, 3),
        Some(vec![10, 0, 0, 1]),
        "the subnet's router"
    );
    assert!(opt_of(&d, 51).is_none(), "no lease for INFORM");
    assert!(d.change.is_none());
    // Directly, ciaddr 0 leaves nowhere to answer.
    let direct = w.send(&Pkt::new(MessageType::Inform));
    assert_eq!(direct.outcome, Outcome::Silent(Reason::InformWithoutCiaddr));
}

#[test]
fn link_selection_is_honoured_on_requests_as_on_discover() {
    let mut w = World::new();
    // A relay whose giaddr selects nothing here, naming the client's link.
    let link = [5, 4, 10, 0, 0, 0];
    let mut disc = Pkt::new(MessageType::Discover).opt(82, &link);
    disc.giaddr = ip("192.0.2.77");
    let offered = yiaddr(&w.decide(&disc.bytes(), &from_relay(), NOW).expect("parses"));
    let mut req = Pkt::new(MessageType::Request)
        .opt(54, &SERVER.octets())
        .opt(50, &offered.octets())
        .opt(82, &link);
    req.giaddr = ip("192.0.2.77");
    let d = w.decide(&req.bytes(), &from_relay(), NOW).expect("parses");
    assert_eq!(d.outcome, Outcome::Replied);
    assert_eq!(d.subnet, Some(SubnetId(1)));
    let mut reboot = Pkt::new(MessageType::Request)
        .opt(50, &offered.octets())
        .opt(82, &link);
    reboot.giaddr = ip("192.0.2.77");
    let d = w
        .decide(&reboot.bytes(), &from_relay(), NOW + 5)
        .expect("parses");
    assert_eq!(
        d.outcome,
        Outcome::Replied,
        "INIT-REBOOT through the same relay"
    );
}

#[test]
fn the_server_identifier_override_is_sent_and_accepted_rfc5107() {
    let mut w = World::new();
    let over = ip("10.0.0.254");
    let disc = relayed(Pkt::new(MessageType::Discover)).opt(82, &override_82(None));
    let offer = w.decide(&disc.bytes(), &from_relay(), NOW).expect("parses");
    assert_eq!(
        opt_of(&offer, 54),
        Some(over.octets().to_vec()),
        "the override is the server identifier"
    );
    let y = yiaddr(&offer);
    // The client names the override as the server it selects.
    let req = relayed(Pkt::new(MessageType::Request))
        .opt(54, &over.octets())
        .opt(50, &y.octets())
        .opt(82, &override_82(None));
    let ack = w.decide(&req.bytes(), &from_relay(), NOW).expect("parses");
    assert_eq!(ack.outcome, Outcome::Replied);
    assert_eq!(opt_of(&ack, 54), Some(over.octets().to_vec()));
    // Renewing: the client unicasts to the override (the relay), which
    // forwards it flagged as unicast.
    let mut renew = relayed(Pkt::new(MessageType::Request)).opt(82, &override_82(Some(true)));
    renew.ciaddr = y;
    let d = w
        .decide(&renew.bytes(), &from_relay(), NOW + 1800)
        .expect("parses");
    assert_eq!(binding(&d), Some(Binding::Renewal));
    assert_eq!(
        d.reply.as_ref().expect("ack").to,
        Destination::Relay(SocketAddrV4::new(RELAY, 67))
    );
    assert_eq!(opt_of(&d, 54), Some(over.octets().to_vec()));
    // Without the override, a REQUEST naming that address chose another server.
    let mut other = relayed(Pkt::new(MessageType::Request))
        .opt(54, &over.octets())
        .opt(50, &[10, 0, 0, 101]);
    other.mac = Mac([2, 0, 0, 0, 5, 5]);
    let d = w
        .decide(&other.bytes(), &from_relay(), NOW)
        .expect("parses");
    assert_eq!(d.outcome, Outcome::Silent(Reason::SelectedOtherServer));
}

#[test]
fn relay_flags_make_a_relayed_broadcast_request_a_rebinding_rfc5010() {
    let mut w = World::new();
    let y = dora(&mut w, MAC);
    let mut rebind = relayed(Pkt::new(MessageType::Request)).opt(82, &override_82(Some(false)));
    rebind.ciaddr = y;
    let d = w
        .decide(&rebind.bytes(), &from_relay(), NOW + 3200)
        .expect("parses");
    assert_eq!(binding(&d), Some(Binding::Rebinding));
}

#[test]
fn a_long_option_82_is_echoed_whole_and_not_counted_against_the_client() {
    // Found by the fuzz target: 297 bytes of relay information left the
    // reply 2 bytes over the client's 576. The relay strips option 82
    // before the reply reaches the client (RFC 3046 section 2.2).
    let info: Vec<u8> = [vec![1u8, 253], vec![b'c'; 253], vec![2, 38], vec![b'r'; 38]].concat();
    let mut p = relayed(Pkt::new(MessageType::Discover)).opt(55, &[1, 3, 6, 15]);
    p.opts.push((82, info[..255].to_vec()));
    p.opts.push((82, info[255..].to_vec()));
    let d = w_decide(&p);
    let echoed: Vec<u8> = reply_opts(&d)
        .into_iter()
        .filter(|(c, _)| *c == 82)
        .flat_map(|(_, v)| v)
        .collect();
    assert_eq!(echoed, info, "echoed unchanged");
    assert!(opt_of(&d, 52).is_none(), "the options fit without overload");
    for code in [3, 6, 15] {
        assert!(opt_of(&d, code).is_some(), "option {code}");
    }
    let b = &d.reply.expect("offer").bytes;
    let without_82 = b.len() - (info.len() + 4);
    assert!(
        without_82 <= 576 - 28,
        "{without_82} bytes reach the client"
    );
}

fn w_decide(p: &Pkt) -> Decision {
    World::new()
        .decide(&p.bytes(), &from_relay(), NOW)
        .expect("parses")
}
