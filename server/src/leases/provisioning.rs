//! The provisioning snapshot the packet path reads: subnets, pools,
//! reservations and inherited options, indexed for hash lookups. Rebuilt
//! from the store after every provisioning change and swapped in whole.

use std::collections::{BTreeMap, HashMap};
use std::net::Ipv4Addr;

use crate::model::{
    options, Defaults, DhcpOption, Mac, OptionMap, OptionScope, Page, Pool, PoolId, Reservation,
    ReservationFilter, ReservationId, Subnet, SubnetId,
};
use crate::store::{Result, Store};

/// Everything provisioned, indexed.
#[derive(Debug, Default)]
pub struct Provisioning {
    subnets: Vec<Subnet>,
    by_id: HashMap<SubnetId, usize>,
    by_network: BTreeMap<u32, usize>,
    by_iface: HashMap<String, Vec<usize>>,
    by_relay: HashMap<Ipv4Addr, usize>,
    pools: HashMap<SubnetId, Vec<Pool>>,
    reservations: Vec<Reservation>,
    res_by_ip: HashMap<Ipv4Addr, usize>,
    res_by_mac: HashMap<(SubnetId, Mac), usize>,
    res_by_cid: HashMap<(SubnetId, Vec<u8>), usize>,
    global_opts: OptionMap,
    subnet_opts: HashMap<SubnetId, OptionMap>,
    pool_opts: HashMap<PoolId, OptionMap>,
    res_opts: HashMap<ReservationId, OptionMap>,
    empty: OptionMap,
    defaults: Defaults,
}

const ALL: Page = Page {
    after: 0,
    limit: 10_000,
};

/// Every item of a listing, page by page; `key` is the listing key.
async fn all<T, F, Fut>(mut list: F, key: impl Fn(&T) -> i64) -> Result<Vec<T>>
where
    F: FnMut(Page) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<T>>>,
{
    let mut out: Vec<T> = Vec::new();
    loop {
        let page = Page {
            after: out.last().map_or(0, &key),
            ..ALL
        };
        let batch = list(page).await?;
        let done = batch.len() < ALL.limit as usize;
        out.extend(batch);
        if done {
            return Ok(out);
        }
    }
}

impl Provisioning {
    /// Reads everything from the store.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn load(store: &dyn Store) -> Result<Self> {
        let subnets = all(|page| store.list_subnets(None, page), |s: &Subnet| s.id.0).await?;
        let pools = all(|page| store.list_pools(None, page), |p: &Pool| p.id.0).await?;
        let filter = ReservationFilter::default();
        let reservations = all(
            |page| store.list_reservations(&filter, page),
            |r: &Reservation| r.id.0,
        )
        .await?;
        let opts = store.all_options().await?;
        let defaults = store.get_defaults().await?;
        Ok(Self::build(subnets, pools, reservations, opts).with_defaults(defaults))
    }

    /// Indexes the given data.
    pub fn build(
        subnets: Vec<Subnet>,
        pools: Vec<Pool>,
        reservations: Vec<Reservation>,
        opts: Vec<(OptionScope, DhcpOption)>,
    ) -> Self {
        let mut p = Provisioning::default();
        let mut scoped: HashMap<OptionScope, Vec<DhcpOption>> = HashMap::new();
        for (scope, o) in opts {
            scoped.entry(scope).or_default().push(o);
        }
        let layer = |s: OptionScope| scoped.get(&s).map_or(&[][..], Vec::as_slice);
        p.global_opts = options::inherit([layer(OptionScope::Global)]);
        for (i, s) in subnets.iter().enumerate() {
            p.by_id.insert(s.id, i);
            p.by_network.insert(u32::from(s.spec.cidr.network()), i);
            if let Some(ifc) = &s.spec.interface {
                p.by_iface.entry(ifc.clone()).or_default().push(i);
            }
            for r in &s.spec.relays {
                p.by_relay.insert(*r, i);
            }
            p.subnet_opts.insert(
                s.id,
                options::inherit([layer(OptionScope::Global), layer(OptionScope::Subnet(s.id))]),
            );
        }
        for pool in pools {
            let sid = pool.spec.subnet_id;
            p.pool_opts.insert(
                pool.id,
                options::inherit([
                    layer(OptionScope::Global),
                    layer(OptionScope::Subnet(sid)),
                    layer(OptionScope::Pool(pool.id)),
                ]),
            );
            p.pools.entry(sid).or_default().push(pool);
        }
        for (i, r) in reservations.iter().enumerate() {
            let sid = r.spec.subnet_id;
            p.res_by_ip.insert(r.spec.ip, i);
            if let Some(m) = r.spec.mac {
                p.res_by_mac.insert((sid, m), i);
            }
            if let Some(c) = &r.spec.client_id {
                p.res_by_cid.insert((sid, c.0.clone()), i);
            }
            let pool = p.pool_of(sid, r.spec.ip).map(|pl| OptionScope::Pool(pl.id));
            let mut layers = vec![layer(OptionScope::Global), layer(OptionScope::Subnet(sid))];
            if let Some(ps) = pool {
                layers.push(layer(ps));
            }
            layers.push(layer(OptionScope::Reservation(r.id)));
            p.res_opts.insert(r.id, options::inherit(layers));
        }
        p.subnets = subnets;
        p.reservations = reservations;
        p
    }

    /// With server-wide `defaults` (boot fields).
    #[must_use]
    pub fn with_defaults(mut self, defaults: Defaults) -> Self {
        self.defaults = defaults;
        self
    }

    /// The server-wide defaults.
    pub fn defaults(&self) -> &Defaults {
        &self.defaults
    }

    /// All subnets.
    pub fn subnets(&self) -> &[Subnet] {
        &self.subnets
    }

    /// A subnet by id.
    pub fn subnet(&self, id: SubnetId) -> Option<&Subnet> {
        self.by_id.get(&id).map(|i| &self.subnets[*i])
    }

    /// The pools of a subnet.
    pub fn pools(&self, id: SubnetId) -> &[Pool] {
        self.pools.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The pool of `subnet` whose range holds `ip`.
    pub fn pool_of(&self, subnet: SubnetId, ip: Ipv4Addr) -> Option<&Pool> {
        self.pools(subnet)
            .iter()
            .find(|p| p.spec.range.contains(ip))
    }

    /// Whether `ip` may be handed out dynamically: in a pool, not excluded.
    pub fn allocatable(&self, subnet: SubnetId, ip: Ipv4Addr) -> bool {
        self.pool_of(subnet, ip)
            .is_some_and(|p| !p.spec.exclusions.iter().any(|x| x.contains(ip)))
    }

    /// The subnet of directly attached clients on `iface` with local address `local`.
    pub fn subnet_for_iface(&self, iface: Option<&str>, local: Ipv4Addr) -> Option<&Subnet> {
        let on_iface = iface.and_then(|i| self.by_iface.get(i));
        if let Some(list) = on_iface {
            let pick = list
                .iter()
                .find(|i| self.subnets[**i].spec.cidr.contains(&local))
                .or_else(|| list.first());
            if let Some(i) = pick {
                return Some(&self.subnets[*i]);
            }
        }
        self.subnet_containing(local)
    }

    /// The subnet a relay address selects.
    pub fn subnet_for_relay(&self, giaddr: Ipv4Addr) -> Option<&Subnet> {
        self.by_relay.get(&giaddr).map(|i| &self.subnets[*i])
    }

    /// The subnet whose network holds `ip`.
    pub fn subnet_containing(&self, ip: Ipv4Addr) -> Option<&Subnet> {
        let (_, i) = self.by_network.range(..=u32::from(ip)).next_back()?;
        let s = &self.subnets[*i];
        s.spec.cidr.contains(&ip).then_some(s)
    }

    /// A client's reservation in a subnet, by MAC first.
    pub fn reservation(
        &self,
        subnet: SubnetId,
        mac: Option<Mac>,
        client_id: Option<&[u8]>,
    ) -> Option<&Reservation> {
        mac.and_then(|m| self.res_by_mac.get(&(subnet, m)))
            .or_else(|| client_id.and_then(|c| self.res_by_cid.get(&(subnet, c.to_vec()))))
            .map(|i| &self.reservations[*i])
    }

    /// The reservation of an address.
    pub fn reservation_at(&self, ip: Ipv4Addr) -> Option<&Reservation> {
        self.res_by_ip.get(&ip).map(|i| &self.reservations[*i])
    }

    /// The options a client at `scope` receives after inheritance, exactly
    /// as the packet path sends them; `None` when the scope does not exist.
    pub fn resolved(&self, scope: OptionScope) -> Option<&OptionMap> {
        match scope {
            OptionScope::Global => Some(&self.global_opts),
            OptionScope::Subnet(id) => self.subnet_opts.get(&id),
            OptionScope::Pool(id) => self.pool_opts.get(&id),
            OptionScope::Reservation(id) => self.res_opts.get(&id),
        }
    }

    /// Inherited options for a reservation, or for `ip`'s pool, or the subnet.
    pub fn options(
        &self,
        subnet: SubnetId,
        ip: Ipv4Addr,
        reservation: Option<ReservationId>,
    ) -> &OptionMap {
        if let Some(m) = reservation.and_then(|r| self.res_opts.get(&r)) {
            return m;
        }
        if let Some(m) = self
            .pool_of(subnet, ip)
            .and_then(|p| self.pool_opts.get(&p.id))
        {
            return m;
        }
        self.subnet_opts.get(&subnet).unwrap_or(&self.empty)
    }
}
