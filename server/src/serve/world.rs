//! A small server in memory for the engine's tests and the fuzz target: one
//! subnet with a pool, a reservation and options, the lease table, and a
//! way to decide on a datagram and apply the decision, with time stepped
//! by hand. Built only for tests and with the `testkit` feature.

use std::net::{Ipv4Addr, SocketAddrV4};

use super::StateView;
use crate::engine::v4::{decide, parse, Arrival, Config, Decision, DropReason};
use crate::leases::{LeaseTable, Provisioning};
use crate::model::{
    AddrRange, BootFields, ClientId, Defaults, DhcpOption, LeaseTimes, Mac, OptionScope, Pool,
    PoolId, PoolSpec, Reservation, ReservationId, ReservationSpec, Subnet, SubnetId, SubnetSpec,
};

/// The server's address on the subnet: its server identifier.
pub const SERVER: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 1);
/// The relay address the subnet is configured for.
pub const RELAY: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
/// The clock at the start of every test, Unix seconds.
pub const NOW: i64 = 1_000_000;
/// The hardware address of the reservation at [`RESERVED_IP`].
pub const RESERVED_MAC: Mac = Mac([2, 0, 0, 0, 0, 9]);
/// The reserved address.
pub const RESERVED_IP: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 50);

/// Subnet 10.0.0.0/24 on `eth0`, selected by relay [`RELAY`] too, leases
/// of 60 s to 7200 s (3600 by default), changed by `f`.
pub fn subnet(f: impl FnOnce(&mut SubnetSpec)) -> Subnet {
    let mut spec = SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"));
    spec.interface = Some("eth0".into());
    spec.relays = vec![RELAY];
    spec.lease = LeaseTimes {
        min: 60,
        default: 3600,
        max: 7200,
    };
    f(&mut spec);
    Subnet {
        id: SubnetId(1),
        spec,
        created: 0,
        updated: 0,
    }
}

/// A datagram arriving directly on `eth0` at [`SERVER`], broadcast.
pub fn on_eth0() -> Arrival<'static> {
    Arrival {
        src: SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 68),
        local: SERVER,
        iface: Some("eth0"),
        broadcast: true,
    }
}

/// A datagram relayed by [`RELAY`] from its port 67, to [`SERVER`].
pub fn from_relay() -> Arrival<'static> {
    Arrival {
        src: SocketAddrV4::new(RELAY, 67),
        local: SERVER,
        iface: None,
        broadcast: false,
    }
}

/// Provisioning and leases in memory.
#[derive(Debug)]
pub struct World {
    /// The provisioning snapshot.
    pub prov: Provisioning,
    /// The lease table.
    pub table: LeaseTable,
    /// Engine settings.
    pub cfg: Config,
    subnets: Vec<Subnet>,
    pools: Vec<Pool>,
    reservations: Vec<Reservation>,
    options: Vec<(OptionScope, DhcpOption)>,
    defaults: Defaults,
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl World {
    /// [`subnet`] unchanged; see [`World::with`].
    pub fn new() -> Self {
        Self::with(subnet(|_| {}))
    }

    /// Subnet `s` with pool .100-.102 of its network, a reservation of
    /// host .50 (for [`RESERVED_MAC`], client-id 01:02:00:00:00:00:09,
    /// hostname "printer"), routers and DNS servers on the subnet, and a
    /// domain name and NTP server globally.
    pub fn with(s: Subnet) -> Self {
        let sid = s.id;
        let host = |n: u32| Ipv4Addr::from(u32::from(s.spec.cidr.network()) + n);
        let pool = Pool {
            id: PoolId(1),
            spec: PoolSpec {
                subnet_id: sid,
                range: AddrRange::new(host(100), host(102)).expect("range"),
                exclusions: vec![],
                description: String::new(),
            },
        };
        let res = Reservation {
            id: ReservationId(1),
            spec: ReservationSpec {
                subnet_id: sid,
                mac: Some(RESERVED_MAC),
                client_id: Some(ClientId(vec![1, 2, 0, 0, 0, 0, 9])),
                ip: host(50),
                hostname: Some("printer".into()),
                labels: Default::default(),
                boot: BootFields::default(),
            },
        };
        let mut w = World {
            prov: Provisioning::default(),
            table: LeaseTable::default(),
            cfg: Config::default(),
            subnets: vec![s],
            pools: vec![pool],
            reservations: vec![res],
            options: Vec::new(),
            defaults: Defaults::default(),
        };
        w = w
            .option(OptionScope::Subnet(sid), "routers", "10.0.0.1")
            .option(
                OptionScope::Subnet(sid),
                "domain-name-servers",
                "10.0.0.1,10.0.0.2",
            )
            .option(OptionScope::Global, "domain-name", "lab.example")
            .option(OptionScope::Global, "ntp-servers", "10.0.0.3");
        w
    }

    /// With option `name` set to `value` at `scope`.
    ///
    /// # Panics
    /// When the option does not parse.
    pub fn option(mut self, scope: OptionScope, name: &str, value: &str) -> Self {
        let o = DhcpOption::parse("option", name, value, false).expect("option");
        self.options
            .retain(|(s, have)| *s != scope || have.code != o.code);
        self.options.push((scope, o));
        self.rebuild();
        self
    }

    /// With server-wide boot fields `boot`.
    pub fn boot_defaults(mut self, boot: BootFields) -> Self {
        self.defaults.boot = boot;
        self.rebuild();
        self
    }

    /// With the reservation changed by `f`.
    pub fn reservation(mut self, f: impl FnOnce(&mut ReservationSpec)) -> Self {
        f(&mut self.reservations[0].spec);
        self.rebuild();
        self
    }

    /// With the pool's range replaced by `range` (`FIRST-LAST`).
    ///
    /// # Panics
    /// When `range` is not a range.
    pub fn pool(mut self, range: &str) -> Self {
        self.pools[0].spec.range = range.parse().expect("range");
        self.rebuild();
        self
    }

    /// With `ip` excluded from the pool.
    ///
    /// # Panics
    /// When `ip` is not an address.
    pub fn exclude(mut self, ip: &str) -> Self {
        let x = ip.parse().expect("address");
        self.pools[0].spec.exclusions.push(x);
        self.rebuild();
        self
    }

    /// Without the subnet (as when an operator deletes it).
    pub fn without_subnets(mut self) -> Self {
        self.subnets.clear();
        self.pools.clear();
        self.reservations.clear();
        self.rebuild();
        self
    }

    fn rebuild(&mut self) {
        self.prov = Provisioning::build(
            self.subnets.clone(),
            self.pools.clone(),
            self.reservations.clone(),
            self.options.clone(),
        )
        .with_defaults(self.defaults.clone());
        self.table.rebuild_pools(&self.prov, NOW);
    }

    /// Decides on `datagram` arriving as `arrival` at `now`, and applies
    /// the decision's change to the table.
    ///
    /// # Errors
    /// Why the datagram is dropped before any decision.
    pub fn decide(
        &mut self,
        datagram: &[u8],
        arrival: &Arrival<'_>,
        now: i64,
    ) -> Result<Decision, DropReason> {
        let req = parse(datagram)?;
        let view = StateView {
            prov: &self.prov,
            table: &self.table,
        };
        let d = decide(&req, arrival, &view, &self.cfg, now);
        if let Some(c) = d.change.clone() {
            let _ = self.table.apply(&self.prov, c, now);
        }
        Ok(d)
    }
}
