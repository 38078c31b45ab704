//! The store's state looked up by natural key, and each subnet of a
//! document matched to what the store has of it: the subnet by network,
//! its pools by range, its reservations by address, then MAC, then
//! client-id. Both the check and the planner work from these matches.

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{SiteDoc, SiteReservation, SiteState, SiteSubnet};
use crate::model::{DhcpOption, OptionScope, Pool, Reservation, Subnet};

/// The store's state, indexed by what a document names things by.
pub(super) struct Current<'a> {
    /// The state itself.
    pub(super) state: &'a SiteState,
    /// Subnets by network.
    by_cidr: HashMap<Ipv4Net, &'a Subnet>,
    /// Options by owner.
    options: HashMap<OptionScope, Vec<DhcpOption>>,
    /// Reservations by subnet id, in store order.
    reservations: HashMap<i64, Vec<&'a Reservation>>,
}

/// What the store has of one subnet of a document.
pub(super) struct Matched<'a> {
    /// The subnet with the same network, if there is one.
    pub(super) subnet: Option<&'a Subnet>,
    /// For each pool of the document's subnet, the stored pool with the
    /// same range.
    pub(super) pools: Vec<Option<&'a Pool>>,
    /// The stored pools of the subnet whose range the document does not
    /// list: in the way unless pruned.
    pub(super) unlisted_pools: Vec<&'a Pool>,
    /// For each reservation of the document's subnet, the stored one it is.
    pub(super) reservations: Vec<Option<&'a Reservation>>,
    /// The stored reservations of the subnet the document does not name:
    /// in the way unless pruned.
    pub(super) unlisted_reservations: Vec<&'a Reservation>,
}

impl<'a> Current<'a> {
    /// Indexes `state`.
    pub(super) fn index(state: &'a SiteState) -> Self {
        let mut options: HashMap<OptionScope, Vec<DhcpOption>> = HashMap::new();
        for (scope, o) in &state.options {
            options.entry(*scope).or_default().push(o.clone());
        }
        let mut reservations: HashMap<i64, Vec<&Reservation>> = HashMap::new();
        for r in &state.reservations {
            reservations.entry(r.spec.subnet_id.0).or_default().push(r);
        }
        Self {
            state,
            by_cidr: state.subnets.iter().map(|s| (s.spec.cidr, s)).collect(),
            options,
            reservations,
        }
    }

    /// The options stored at `scope`; none for an owner not yet stored.
    pub(super) fn options(&self, scope: Option<OptionScope>) -> Vec<DhcpOption> {
        scope
            .and_then(|s| self.options.get(&s).cloned())
            .unwrap_or_default()
    }

    /// The stored subnets that a plan for `doc` leaves as they are: those
    /// the document does not name, unless it prunes them.
    pub(super) fn untouched(&self, doc: &SiteDoc, prune: bool) -> Vec<&'a Subnet> {
        let named = named(doc);
        let prune_subnets = prune && doc.subnets_listed;
        self.state
            .subnets
            .iter()
            .filter(|s| !named.contains(&s.spec.cidr) && !prune_subnets)
            .collect()
    }

    /// The stored subnets a pruning plan for `doc` deletes: those it does
    /// not name, when it lists subnets at all.
    pub(super) fn unnamed(&self, doc: &SiteDoc) -> Vec<&'a Subnet> {
        let named = named(doc);
        self.state
            .subnets
            .iter()
            .filter(|s| doc.subnets_listed && !named.contains(&s.spec.cidr))
            .collect()
    }

    /// What the store has of each subnet of `doc`, in document order.
    pub(super) fn match_doc(&self, doc: &SiteDoc) -> Vec<Matched<'a>> {
        doc.subnets.iter().map(|s| self.match_subnet(s)).collect()
    }

    /// What the store has of `s`.
    fn match_subnet(&self, s: &SiteSubnet) -> Matched<'a> {
        let Some(current) = self.by_cidr.get(&s.spec.cidr).copied() else {
            return Matched {
                subnet: None,
                pools: vec![None; s.pools.len()],
                unlisted_pools: Vec::new(),
                reservations: vec![None; s.reservations.len()],
                unlisted_reservations: Vec::new(),
            };
        };
        let stored: Vec<&Pool> = self
            .state
            .pools
            .iter()
            .filter(|p| p.spec.subnet_id == current.id)
            .collect();
        let pools = s
            .pools
            .iter()
            .map(|p| {
                stored
                    .iter()
                    .copied()
                    .find(|c| c.spec.range == p.spec.range)
            })
            .collect();
        let unlisted_pools = stored
            .into_iter()
            .filter(|c| !s.pools.iter().any(|p| p.spec.range == c.spec.range))
            .collect();
        let stored = self
            .reservations
            .get(&current.id.0)
            .map_or(&[][..], Vec::as_slice);
        let (reservations, unlisted_reservations) = match_reservations(stored, &s.reservations);
        Matched {
            subnet: Some(current),
            pools,
            unlisted_pools,
            reservations,
            unlisted_reservations,
        }
    }
}

/// The networks `doc` names.
fn named(doc: &SiteDoc) -> HashSet<Ipv4Net> {
    doc.subnets.iter().map(|s| s.spec.cidr).collect()
}

/// Each wanted reservation's stored one, and the stored ones left over. A
/// stored reservation matches once: every wanted one is tried by address
/// first, then the rest by MAC, then by client-id, so a client that moves
/// to a new address keeps its reservation (and its id).
fn match_reservations<'a>(
    stored: &[&'a Reservation],
    wanted: &[SiteReservation],
) -> (Vec<Option<&'a Reservation>>, Vec<&'a Reservation>) {
    let by_ip: HashMap<Ipv4Addr, &Reservation> = stored.iter().map(|c| (c.spec.ip, *c)).collect();
    let by_mac: HashMap<[u8; 6], &Reservation> = stored
        .iter()
        .filter_map(|c| Some((c.spec.mac?.0, *c)))
        .collect();
    let by_cid: HashMap<&[u8], &Reservation> = stored
        .iter()
        .filter_map(|c| Some((c.spec.client_id.as_ref()?.0.as_slice(), *c)))
        .collect();
    let mut matched: Vec<Option<&Reservation>> = vec![None; wanted.len()];
    let mut taken: HashSet<i64> = HashSet::new();
    for pass in 0..3 {
        for (j, r) in wanted.iter().enumerate() {
            if matched[j].is_some() {
                continue;
            }
            let hit = match pass {
                0 => by_ip.get(&r.spec.ip),
                1 => r.spec.mac.and_then(|m| by_mac.get(&m.0)),
                _ => r
                    .spec
                    .client_id
                    .as_ref()
                    .and_then(|c| by_cid.get(c.0.as_slice())),
            };
            if let Some(c) = hit.filter(|c| !taken.contains(&c.id.0)) {
                taken.insert(c.id.0);
                matched[j] = Some(*c);
            }
        }
    }
    let unlisted = stored
        .iter()
        .filter(|c| !taken.contains(&c.id.0))
        .copied()
        .collect();
    (matched, unlisted)
}
