//! Any datagram through parse -> decide -> apply -> encode: must never
//! panic, and every reply must be a well-formed BOOTREPLY.

#![no_main]

use std::net::{Ipv4Addr, SocketAddrV4};

use dhcplane_server::engine::v4::{decide, parse, Arrival, Config};
use dhcplane_server::leases::{LeaseTable, Provisioning, StateView};
use dhcplane_server::model::*;
use libfuzzer_sys::fuzz_target;

fn world() -> Provisioning {
    let mut spec = SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"));
    spec.interface = Some("eth0".into());
    spec.relays = vec![Ipv4Addr::new(192, 0, 2, 1)];
    spec.rapid_commit = true;
    spec.bootp = true;
    let subnet = Subnet { id: SubnetId(1), spec, created: 0, updated: 0 };
    let pool = Pool {
        id: PoolId(1),
        spec: PoolSpec {
            subnet_id: SubnetId(1),
            range: "10.0.0.100-10.0.0.103".parse().expect("range"),
            exclusions: vec!["10.0.0.101".parse().expect("x")],
            description: String::new(),
        },
    };
    let res = Reservation {
        id: ReservationId(1),
        spec: ReservationSpec {
            subnet_id: SubnetId(1),
            mac: Some(Mac([2, 0, 0, 0, 0, 9])),
            client_id: Some(ClientId(vec![1, 2, 0, 0, 0, 0, 9])),
            ip: Ipv4Addr::new(10, 0, 0, 50),
            hostname: Some("h".into()),
            labels: Default::default(),
        },
    };
    let opts = vec![
        (OptionScope::Subnet(SubnetId(1)), DhcpOption::parse("o", "routers", "10.0.0.1", false).expect("o")),
        (OptionScope::Global, DhcpOption::parse("o", "vendor-specific", &"ab".repeat(400), false).expect("o")),
    ];
    Provisioning::build(vec![subnet], vec![pool], vec![res], opts)
}

fuzz_target!(|data: &[u8]| {
    let prov = world();
    let mut table = LeaseTable::default();
    table.rebuild_pools(&prov, 1000);
    // Two passes so the second decision sees state the first one made.
    for now in [1000, 1010] {
        let Ok(req) = parse(data) else { return };
        let arrival = Arrival { src: SocketAddrV4::new(Ipv4Addr::new(192, 0, 2, 1), 67), local: Ipv4Addr::new(10, 0, 0, 1), iface: Some("eth0"), broadcast: true };
        let d = decide(&req, &arrival, &StateView { prov: &prov, table: &table }, &Config::default(), now);
        if let Some(r) = &d.reply {
            assert_eq!(r.bytes[0], 2, "BOOTREPLY");
            assert!(r.bytes.len() >= 300 && r.bytes[236..240] == [99, 130, 83, 99]);
            let limit = usize::from(req.max_size.unwrap_or(0)).max(576) - 28;
            assert!(r.bytes.len() <= limit.max(300), "reply {} over the client's limit {limit}", r.bytes.len());
        }
        if let Some(c) = d.change {
            let _ = table.apply(&prov, c, now);
        }
        let _ = table.expire(now + 100_000);
    }
});
