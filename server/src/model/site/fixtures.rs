//! Test documents and the store states they leave, shared by the
//! planner's and the check's tests.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{Change, SiteDoc, SitePool, SiteReservation, SiteState, SiteSubnet};
use crate::model::{
    DhcpOption, Mac, OptionScope, Pool, PoolId, PoolSpec, Reservation, ReservationId,
    ReservationSpec, Subnet, SubnetId, SubnetSpec,
};

/// A network from its text.
pub(super) fn net(s: &str) -> Ipv4Net {
    s.parse().expect("test network")
}

/// An address from its text.
pub(super) fn ip(s: &str) -> Ipv4Addr {
    s.parse().expect("test address")
}

/// An option from its name and text value.
pub(super) fn opt(name: &str, v: &str) -> DhcpOption {
    DhcpOption::parse("o", name, v, false).expect("test option")
}

/// A reservation of `a` for MAC `02:00:00:00:00:{mac}`.
pub(super) fn res(a: &str, mac: u8) -> SiteReservation {
    SiteReservation {
        spec: ReservationSpec {
            subnet_id: SubnetId(0),
            mac: Some(Mac([2, 0, 0, 0, 0, mac])),
            client_id: None,
            ip: ip(a),
            hostname: None,
            labels: BTreeMap::new(),
            boot: Default::default(),
        },
        options: vec![],
    }
}

/// Global and subnet options, a subnet with a pool and a reservation.
pub(super) fn doc() -> SiteDoc {
    SiteDoc {
        options: vec![opt("domain-name", "example.net")],
        options_listed: true,
        subnets_listed: true,
        defaults: None,
        subnets: vec![SiteSubnet {
            spec: SubnetSpec::new(net("10.0.1.0/24")),
            options: vec![opt("routers", "10.0.1.1")],
            pools: vec![SitePool {
                spec: PoolSpec {
                    subnet_id: SubnetId(0),
                    range: "10.0.1.100-10.0.1.150".parse().expect("range"),
                    exclusions: vec![],
                    description: String::new(),
                },
                options: vec![],
            }],
            reservations: vec![res("10.0.1.10", 1)],
        }],
    }
}

/// The state `doc` leaves behind, with ids 1.. in document order.
pub(super) fn state_of(d: &SiteDoc) -> SiteState {
    let mut st = SiteState::default();
    st.options
        .extend(d.options.iter().map(|o| (OptionScope::Global, o.clone())));
    for (i, s) in d.subnets.iter().enumerate() {
        let sid = SubnetId(i as i64 + 1);
        st.subnets.push(Subnet {
            id: sid,
            spec: s.spec.clone(),
            created: 0,
            updated: 0,
        });
        st.options.extend(
            s.options
                .iter()
                .map(|o| (OptionScope::Subnet(sid), o.clone())),
        );
        for p in &s.pools {
            let id = PoolId(st.pools.len() as i64 + 1);
            st.pools.push(Pool {
                id,
                spec: PoolSpec {
                    subnet_id: sid,
                    ..p.spec.clone()
                },
            });
            st.options
                .extend(p.options.iter().map(|o| (OptionScope::Pool(id), o.clone())));
        }
        for r in &s.reservations {
            let id = ReservationId(st.reservations.len() as i64 + 1);
            st.reservations.push(Reservation {
                id,
                spec: ReservationSpec {
                    subnet_id: sid,
                    ..r.spec.clone()
                },
            });
            st.options.extend(
                r.options
                    .iter()
                    .map(|o| (OptionScope::Reservation(id), o.clone())),
            );
        }
    }
    st
}

/// Each change as `action kind object`.
pub(super) fn summary(p: &[Change]) -> Vec<String> {
    p.iter()
        .map(|c| format!("{} {} {}", c.action(), c.kind(), c.object()))
        .collect()
}
