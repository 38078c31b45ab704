//! Every reason for silence, a NAK or no offer, each produced by the
//! request that should produce it. The match has no wildcard: a new reason
//! does not compile until it has its case here.

use super::*;

/// Fills the pool (.100-.102) with three clients' bindings.
fn fill_pool(w: &mut World) {
    for n in 1..=3u8 {
        dora(w, Mac([2, 0, 0, 0, 1, n]));
    }
}

/// The outcome of the scenario that must end in `r`.
fn scenario(r: Reason) -> Outcome {
    let mut w = World::new();
    let stranger = Mac([2, 0, 0, 0, 7, 7]);
    let p = match r {
        Reason::NoSubnet => {
            let mut p = Pkt::new(MessageType::Discover);
            p.giaddr = ip("192.0.2.77");
            p
        }
        Reason::ReservedAddressInUse => {
            fill_pool(&mut w);
            w.table.insert(Lease {
                ip: ip("10.0.0.50"),
                subnet_id: SubnetId(1),
                mac: Some(stranger),
                client_id: None,
                hostname: None,
                state: LeaseState::Bound,
                starts: NOW,
                ends: NOW + 3600,
            });
            let mut p = Pkt::new(MessageType::Discover);
            p.mac = Mac([2, 0, 0, 0, 0, 9]);
            p
        }
        Reason::NoFreeAddress => {
            fill_pool(&mut w);
            Pkt::new(MessageType::Discover)
        }
        Reason::SelectedOtherServer => Pkt::new(MessageType::Request)
            .opt(54, &[10, 0, 0, 254])
            .opt(50, &[10, 0, 0, 100]),
        Reason::AddressNotOffered => {
            let _ = w.send(&Pkt::new(MessageType::Discover));
            Pkt::new(MessageType::Request)
                .opt(54, &SERVER.octets())
                .opt(50, &[10, 0, 0, 101])
        }
        Reason::NothingOffered => Pkt::new(MessageType::Request).opt(54, &SERVER.octets()),
        Reason::WrongNetwork => Pkt::new(MessageType::Request).opt(50, &[10, 9, 0, 5]),
        Reason::ReservedElsewhere => {
            let mut p = Pkt::new(MessageType::Request).opt(50, &[10, 0, 0, 100]);
            p.mac = Mac([2, 0, 0, 0, 0, 9]);
            p
        }
        Reason::WrongAddress => {
            dora(&mut w, MAC);
            Pkt::new(MessageType::Request).opt(50, &[10, 0, 0, 102])
        }
        Reason::NoRecord => Pkt::new(MessageType::Request).opt(50, &[10, 0, 0, 101]),
        Reason::AddressNotAvailable => {
            let y = dora(&mut w, stranger);
            let mut p = Pkt::new(MessageType::Request);
            p.ciaddr = y;
            p
        }
        Reason::RequestWithoutAddress => Pkt::new(MessageType::Request),
        Reason::ReleaseNotOwner => {
            let mut p = Pkt::new(MessageType::Release);
            p.ciaddr = ip("10.0.0.100");
            p
        }
        Reason::DeclineWithoutAddress => Pkt::new(MessageType::Decline),
        Reason::DeclineNotOwner => Pkt::new(MessageType::Decline).opt(50, &[10, 0, 0, 100]),
        Reason::InformWithoutCiaddr => Pkt::new(MessageType::Inform),
        Reason::BootpDisabled => {
            let mut p = Pkt::new(MessageType::Discover);
            p.msg = None;
            p
        }
        Reason::BootpWithoutReservation => {
            w = World::with(subnet(|s| s.bootp = true));
            let mut p = Pkt::new(MessageType::Discover);
            p.msg = None;
            p
        }
    };
    w.send(&p).outcome
}

#[test]
fn every_reason_is_produced_by_its_request() {
    for r in Reason::ALL {
        let got = scenario(r);
        assert_eq!(got.reason(), Some(r), "{r}: got {got:?}");
    }
}

#[test]
fn reasons_are_named_once_in_snake_case() {
    let mut names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    assert!(names
        .iter()
        .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Reason::ALL.len());
}

#[test]
fn a_nak_carries_its_reason_as_the_message_option() {
    let mut w = World::new();
    let d = w.send(&Pkt::new(MessageType::Request).opt(50, &[10, 9, 0, 5]));
    assert_eq!(opt_of(&d, 56), Some(b"wrong network".to_vec()));
}
