//! The in-memory lease table: leases by address and by client, an expiry
//! index, and per-pool allocators that find a free address in O(1)
//! amortised: a cursor over never-used addresses plus a queue of returned
//! ones, both kept pointing at usable addresses after every change.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::net::Ipv4Addr;

use super::Provisioning;
use crate::model::{AddrRange, ClientKey, Lease, LeaseChange, LeaseState, Mac, SubnetId};

/// Allocation state of one pool.
#[derive(Debug)]
struct PoolAlloc {
    range: AddrRange,
    /// Next never-handed-out address; `None` once past the end.
    cursor: Option<u32>,
    /// Addresses handed back (released, expired, dropped offers).
    recycled: VecDeque<Ipv4Addr>,
}

/// Leases stored densely and found through a small index: at a million
/// leases a hash slot costs 8 bytes instead of a whole lease (the table
/// runs under half full after it doubles).
#[derive(Debug, Default)]
struct Slab {
    index: HashMap<Ipv4Addr, u32>,
    items: Vec<Lease>,
}

impl Slab {
    fn get(&self, ip: &Ipv4Addr) -> Option<&Lease> {
        self.index.get(ip).map(|i| &self.items[*i as usize])
    }

    fn insert(&mut self, ip: Ipv4Addr, l: Lease) -> Option<Lease> {
        match self.index.get(&ip) {
            Some(&i) => Some(std::mem::replace(&mut self.items[i as usize], l)),
            None => {
                let i = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
                self.index.insert(ip, i);
                self.items.push(l);
                None
            }
        }
    }

    fn remove(&mut self, ip: &Ipv4Addr) -> Option<Lease> {
        let i = self.index.remove(ip)? as usize;
        let old = self.items.swap_remove(i);
        // The last lease moved into the hole: point its index there.
        if let Some(moved) = self.items.get(i) {
            self.index.insert(moved.ip, i as u32);
        }
        Some(old)
    }

    fn values(&self) -> impl Iterator<Item = &Lease> {
        self.items.iter()
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Leases in memory, a cache of the store.
#[derive(Debug, Default)]
pub struct LeaseTable {
    by_ip: Slab,
    by_client: HashMap<(SubnetId, ClientKey), Ipv4Addr>,
    /// Leases made under a client identifier, by the hardware address they
    /// came with: a BOOTP client (which sends no identifier) finds the
    /// address it had under DHCP.
    by_mac: HashMap<(SubnetId, Mac), Ipv4Addr>,
    expiry: BTreeSet<(i64, Ipv4Addr)>,
    alloc: HashMap<SubnetId, Vec<PoolAlloc>>,
}

/// The `by_mac` key of a lease: only leases keyed by a client identifier
/// need one (the others are found by MAC through `by_client`).
fn mac_key(l: &Lease) -> Option<(SubnetId, Mac)> {
    l.client_id.as_ref()?;
    l.mac.map(|m| (l.subnet_id, m))
}

fn timed(state: LeaseState) -> bool {
    matches!(
        state,
        LeaseState::Offered | LeaseState::Bound | LeaseState::Declined
    )
}

impl LeaseTable {
    /// The lease of an address.
    pub fn get(&self, ip: Ipv4Addr) -> Option<&Lease> {
        self.by_ip.get(&ip)
    }

    /// A client's current or previous lease in a subnet.
    pub fn of_client(&self, subnet: SubnetId, key: &ClientKey) -> Option<&Lease> {
        self.by_client
            .get(&(subnet, key.clone()))
            .and_then(|ip| self.by_ip.get(ip))
    }

    /// A lease made for hardware address `mac` in a subnet, under its MAC
    /// or under a client identifier.
    pub fn of_mac(&self, subnet: SubnetId, mac: Mac) -> Option<&Lease> {
        self.of_client(subnet, &ClientKey::Hw(mac)).or_else(|| {
            self.by_mac
                .get(&(subnet, mac))
                .and_then(|ip| self.by_ip.get(ip))
        })
    }

    /// Number of leases held.
    pub fn len(&self) -> usize {
        self.by_ip.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_ip.is_empty()
    }

    /// Puts a lease in, replacing whatever the address had.
    pub fn insert(&mut self, l: Lease) {
        if let Some(old) = self.by_ip.remove(&l.ip) {
            self.expiry.remove(&(old.ends, old.ip));
            self.unindex_mac(&old);
            if let Some(k) = ClientKey::of(&old) {
                if ClientKey::of(&l).as_ref() != Some(&k)
                    && self.by_client.get(&(old.subnet_id, k.clone())) == Some(&old.ip)
                {
                    self.by_client.remove(&(old.subnet_id, k));
                }
            }
        }
        if let Some(k) = ClientKey::of(&l) {
            self.by_client.insert((l.subnet_id, k), l.ip);
        }
        if let Some(k) = mac_key(&l) {
            self.by_mac.insert(k, l.ip);
        }
        if timed(l.state) {
            self.expiry.insert((l.ends, l.ip));
        }
        self.by_ip.insert(l.ip, l);
    }

    fn unindex_mac(&mut self, old: &Lease) {
        if let Some(k) = mac_key(old) {
            if self.by_mac.get(&k) == Some(&old.ip) {
                self.by_mac.remove(&k);
            }
        }
    }

    fn remove(&mut self, ip: Ipv4Addr) -> Option<Lease> {
        let old = self.by_ip.remove(&ip)?;
        self.expiry.remove(&(old.ends, ip));
        self.unindex_mac(&old);
        if let Some(k) = ClientKey::of(&old) {
            if self.by_client.get(&(old.subnet_id, k.clone())) == Some(&ip) {
                self.by_client.remove(&(old.subnet_id, k));
            }
        }
        Some(old)
    }

    /// Whether `ip` can be handed to a new client: no live lease, not
    /// reserved, not excluded.
    pub fn is_free(&self, prov: &Provisioning, subnet: SubnetId, ip: Ipv4Addr, now: i64) -> bool {
        let leased = self.by_ip.get(&ip).is_some_and(|l| l.holds_address(now));
        !leased && prov.reservation_at(ip).is_none() && prov.allocatable(subnet, ip)
    }

    /// Rebuilds the allocators after a provisioning change, and forgets the
    /// leases of subnets that are gone (the store deleted them with the
    /// subnet; writing them again would fail the whole commit batch).
    pub fn rebuild_pools(&mut self, prov: &Provisioning, now: i64) {
        let gone: Vec<Ipv4Addr> = self
            .by_ip
            .values()
            .filter(|l| prov.subnet(l.subnet_id).is_none())
            .map(|l| l.ip)
            .collect();
        for ip in gone {
            self.remove(ip);
        }
        self.alloc.clear();
        for s in prov.subnets() {
            let pools = prov
                .pools(s.id)
                .iter()
                .map(|p| PoolAlloc {
                    range: p.spec.range,
                    cursor: Some(u32::from(p.spec.range.start)),
                    recycled: VecDeque::new(),
                })
                .collect();
            self.alloc.insert(s.id, pools);
            self.settle(prov, s.id, now);
        }
    }

    /// Moves every allocator head of `subnet` onto a usable address.
    fn settle(&mut self, prov: &Provisioning, subnet: SubnetId, now: i64) {
        let Some(mut pools) = self.alloc.remove(&subnet) else {
            return;
        };
        for p in &mut pools {
            while let Some(ip) = p.recycled.front().copied() {
                if self.is_free(prov, subnet, ip, now) {
                    break;
                }
                p.recycled.pop_front();
            }
            while let Some(c) = p.cursor {
                if self.is_free(prov, subnet, Ipv4Addr::from(c), now) {
                    break;
                }
                p.cursor = (c < u32::from(p.range.end)).then(|| c + 1);
            }
        }
        self.alloc.insert(subnet, pools);
    }

    /// A free address of the subnet: a returned one first, else the next never used.
    pub fn next_free(&self, prov: &Provisioning, subnet: SubnetId, now: i64) -> Option<Ipv4Addr> {
        let pools = self.alloc.get(&subnet)?;
        for p in pools {
            // Heads are settled after every change; a few more candidates
            // cover what time has changed since (offers that lapsed).
            let recycled = p.recycled.iter().take(8).copied();
            let fresh = p
                .cursor
                .into_iter()
                .flat_map(|c| (c..=u32::from(p.range.end)).take(8))
                .map(Ipv4Addr::from);
            if let Some(ip) = recycled
                .chain(fresh)
                .find(|ip| self.is_free(prov, subnet, *ip, now))
            {
                return Some(ip);
            }
        }
        None
    }

    fn recycle(&mut self, subnet: SubnetId, ip: Ipv4Addr) {
        if let Some(p) = self
            .alloc
            .get_mut(&subnet)
            .and_then(|ps| ps.iter_mut().find(|p| p.range.contains(ip)))
        {
            p.recycled.push_back(ip);
        }
    }

    /// Applies a decision's change; returns the leases to make durable.
    pub fn apply(&mut self, prov: &Provisioning, change: LeaseChange, now: i64) -> Vec<Lease> {
        match change {
            LeaseChange::Offer(l) => {
                let s = l.subnet_id;
                self.insert(l);
                self.settle(prov, s, now);
                Vec::new()
            }
            LeaseChange::Bind(l, _) => {
                let s = l.subnet_id;
                self.insert(l.clone());
                self.settle(prov, s, now);
                vec![l]
            }
            LeaseChange::DropOffer(subnet, key) => {
                let offered = self
                    .of_client(subnet, &key)
                    .filter(|l| l.state == LeaseState::Offered)
                    .map(|l| l.ip);
                if let Some(ip) = offered {
                    self.remove(ip);
                    self.recycle(subnet, ip);
                }
                Vec::new()
            }
            LeaseChange::Release(ip) => self
                .end(ip, LeaseState::Released, now)
                .into_iter()
                .collect(),
            LeaseChange::Decline(ip, until) => {
                let Some(mut l) = self.by_ip.get(&ip).cloned() else {
                    return Vec::new();
                };
                l.state = LeaseState::Declined;
                l.ends = until;
                self.insert(l.clone());
                vec![l]
            }
        }
    }

    /// Ends a lease now in `state`, returning its address to the pool.
    pub fn end(&mut self, ip: Ipv4Addr, state: LeaseState, now: i64) -> Option<Lease> {
        let mut l = self.by_ip.get(&ip).cloned()?;
        l.state = state;
        l.ends = l.ends.min(now);
        let subnet = l.subnet_id;
        self.insert(l.clone());
        self.recycle(subnet, ip);
        Some(l)
    }

    /// Ends what has run out by `now`: offers vanish, bindings expire,
    /// declined addresses leave probation. Returns the leases to persist.
    pub fn expire(&mut self, now: i64) -> Vec<Lease> {
        let mut out = Vec::new();
        while let Some(&(ends, ip)) = self.expiry.first() {
            if ends > now {
                break;
            }
            self.expiry.pop_first();
            let Some(l) = self.by_ip.get(&ip).cloned() else {
                continue;
            };
            match l.state {
                LeaseState::Offered => {
                    self.remove(ip);
                    self.recycle(l.subnet_id, ip);
                }
                LeaseState::Bound | LeaseState::Declined => {
                    let mut e = l;
                    e.state = LeaseState::Expired;
                    let subnet = e.subnet_id;
                    self.by_ip.insert(ip, e.clone());
                    self.recycle(subnet, ip);
                    out.push(e);
                }
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lease(last: u8) -> Lease {
        Lease {
            ip: Ipv4Addr::new(10, 0, 0, last),
            subnet_id: SubnetId(1),
            mac: Some(Mac([2, 0, 0, 0, 0, last])),
            client_id: None,
            hostname: None,
            state: LeaseState::Bound,
            starts: 0,
            ends: 100,
        }
    }

    #[test]
    fn slab_keeps_every_lease_findable_after_removals() {
        let mut t = LeaseTable::default();
        for n in 1..=5 {
            t.insert(lease(n));
        }
        assert!(t.remove(Ipv4Addr::new(10, 0, 0, 1)).is_some());
        assert!(t.remove(Ipv4Addr::new(10, 0, 0, 3)).is_some());
        assert!(t.remove(Ipv4Addr::new(10, 0, 0, 9)).is_none());
        for n in [2, 4, 5] {
            let ip = Ipv4Addr::new(10, 0, 0, n);
            assert_eq!(t.get(ip).map(|l| l.ip), Some(ip), "lease {n} still found");
            let key = ClientKey::Hw(Mac([2, 0, 0, 0, 0, n]));
            assert_eq!(t.of_client(SubnetId(1), &key).map(|l| l.ip), Some(ip));
        }
        assert_eq!(t.len(), 3);
        t.insert(lease(2));
        assert_eq!(t.len(), 3, "replacing keeps one lease per address");
    }
}
