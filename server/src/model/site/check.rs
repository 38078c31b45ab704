//! The check of a whole document before anything is planned: each object
//! valid on its own, and no two subnets, relay addresses, pools or
//! reservations colliding with each other or with what stays in the
//! store. Every problem is reported, each under its document path, in
//! document order.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::doc::{pool_path, reservation_path, subnet_path};
use super::matching::{Current, Matched};
use super::{SiteDoc, SiteSubnet};
use crate::model::{AddrRange, Invalid};

/// Every problem of `doc` against the store's state `current`, given what
/// the store has of each of its subnets.
///
/// # Errors
/// Every problem found, each under its path.
pub(super) fn document(
    current: &Current<'_>,
    doc: &SiteDoc,
    matched: &[Matched<'_>],
    prune: bool,
) -> Result<(), Vec<Invalid>> {
    let mut taken = Taken::of_untouched(current, doc, prune);
    for (i, (s, m)) in doc.subnets.iter().zip(matched).enumerate() {
        let path = subnet_path(i);
        taken.subnet(&path, s);
        taken.pools(&path, s, m, prune);
        taken.reservations(&path, s, m, prune);
    }
    if let Some(Err(e)) = doc.defaults.as_ref().map(|d| d.validate("defaults")) {
        taken.problems.push(e);
    }
    if taken.problems.is_empty() {
        Ok(())
    } else {
        Err(taken.problems)
    }
}

/// What is taken so far, each by whom: a document path, or `... in the
/// store`; and the problems found.
struct Taken {
    /// Networks.
    nets: Vec<(Ipv4Net, String)>,
    /// Relay addresses, each selecting one subnet.
    relays: HashMap<Ipv4Addr, String>,
    /// Pool ranges.
    ranges: Vec<(AddrRange, String)>,
    /// Reserved addresses.
    ips: HashMap<Ipv4Addr, String>,
    /// The problems found, in document order.
    problems: Vec<Invalid>,
}

impl Taken {
    /// What the subnets the plan leaves alone hold, with everything in
    /// them.
    fn of_untouched(current: &Current<'_>, doc: &SiteDoc, prune: bool) -> Self {
        let untouched = current.untouched(doc, prune);
        let in_store = |s: &Ipv4Net| format!("subnet {s} in the store");
        let untouched_ids: HashSet<i64> = untouched.iter().map(|s| s.id.0).collect();
        let state = current.state;
        Self {
            nets: untouched
                .iter()
                .map(|s| (s.spec.cidr, in_store(&s.spec.cidr)))
                .collect(),
            relays: untouched
                .iter()
                .flat_map(|s| s.spec.relays.iter().map(|r| (*r, in_store(&s.spec.cidr))))
                .collect(),
            ranges: state
                .pools
                .iter()
                .filter(|p| untouched_ids.contains(&p.spec.subnet_id.0))
                .map(|p| (p.spec.range, format!("pool {} in the store", p.spec.range)))
                .collect(),
            ips: state
                .reservations
                .iter()
                .filter(|r| untouched_ids.contains(&r.spec.subnet_id.0))
                .map(|r| (r.spec.ip, format!("reservation {} in the store", r.spec.ip)))
                .collect(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, field: String, reason: String) {
        self.problems.push(Invalid::new(field, reason));
    }

    /// The subnet at `path`: valid, not overlapping another, and its relay
    /// addresses selecting no other subnet.
    fn subnet(&mut self, path: &str, s: &SiteSubnet) {
        let cidr = s.spec.cidr;
        if let Err(e) = s.spec.validate() {
            self.problems.push(at(path, e));
        }
        match self
            .nets
            .iter()
            .find(|(n, _)| overlaps(net_range(*n), net_range(cidr)))
        {
            Some((n, what)) if *n == cidr => {
                let reason = format!("{cidr} is given twice (also {what}); list each subnet once");
                self.problem(format!("{path}.cidr"), reason);
            }
            Some((_, what)) => {
                let hint = if what.ends_with("store") {
                    " (add it to the document and apply with --prune to replace it)"
                } else {
                    ""
                };
                let reason = format!("{cidr} overlaps {what}; subnets may not overlap{hint}");
                self.problem(format!("{path}.cidr"), reason);
            }
            None => self.nets.push((cidr, path.to_string())),
        }
        for (j, r) in s.spec.relays.iter().enumerate() {
            if let Some(what) = self.relays.insert(*r, path.to_string()) {
                // The same subnet may list an address twice.
                if what != path {
                    self.problem(
                        format!("{path}.relay_addresses[{j}]"),
                        format!("{r} already selects {what}; a relay address selects one subnet"),
                    );
                }
            }
        }
    }

    /// The pools of the subnet at `path`: each valid in its subnet and
    /// overlapping no other pool, the store's unlisted ones included
    /// unless they are pruned.
    fn pools(&mut self, path: &str, s: &SiteSubnet, m: &Matched<'_>, prune: bool) {
        if !prune {
            for c in &m.unlisted_pools {
                let what = format!("pool {} in the store", c.spec.range);
                self.ranges.push((c.spec.range, what));
            }
        }
        for (j, p) in s.pools.iter().enumerate() {
            let ppath = pool_path(path, j);
            if let Err(e) = p.spec.validate(&s.spec) {
                self.problems.push(at(&ppath, e));
            }
            let range = p.spec.range;
            let Some((r, what)) = self.ranges.iter().find(|(r, _)| overlaps(*r, range)) else {
                self.ranges.push((range, ppath));
                continue;
            };
            let hint = if what.ends_with("store") && !prune {
                " (apply with --prune to replace it)"
            } else {
                ""
            };
            let what = if *r == range && !what.ends_with("store") {
                format!("{what}, which has the same range")
            } else {
                what.clone()
            };
            self.problem(
                format!("{ppath}.range"),
                format!("{range} overlaps {what}; pools may not overlap{hint}"),
            );
        }
    }

    /// The reservations of the subnet at `path`: each valid in its subnet,
    /// its address reserved once in the whole document and its MAC and
    /// client-id once in the subnet, the store's unlisted ones included
    /// unless they are pruned.
    fn reservations(&mut self, path: &str, s: &SiteSubnet, m: &Matched<'_>, prune: bool) {
        let cidr = s.spec.cidr;
        let mut macs: BTreeMap<[u8; 6], String> = BTreeMap::new();
        let mut cids: BTreeMap<Vec<u8>, String> = BTreeMap::new();
        if !prune {
            for c in &m.unlisted_reservations {
                let what = format!("reservation {} in the store", c.spec.ip);
                self.ips.insert(c.spec.ip, what.clone());
                if let Some(mac) = c.spec.mac {
                    macs.insert(mac.0, what.clone());
                }
                if let Some(cid) = &c.spec.client_id {
                    cids.insert(cid.0.clone(), what);
                }
            }
        }
        let hint = |what: &str| {
            if what.ends_with("store") {
                " (apply with --prune to replace it)"
            } else {
                ""
            }
        };
        for (j, r) in s.reservations.iter().enumerate() {
            let rpath = reservation_path(path, j);
            if let Err(e) = r.spec.validate(&s.spec) {
                self.problems.push(at(&rpath, e));
            }
            let ip = r.spec.ip;
            if let Some(what) = self.ips.insert(ip, rpath.clone()) {
                let reason = format!("{ip} is already reserved by {what}{}", hint(&what));
                self.problem(format!("{rpath}.ip"), reason);
            }
            if let Some(mac) = r.spec.mac {
                if let Some(what) = macs.insert(mac.0, rpath.clone()) {
                    let reason = format!("{mac} already has {what} in {cidr}{}", hint(&what));
                    self.problem(format!("{rpath}.mac"), reason);
                }
            }
            if let Some(cid) = &r.spec.client_id {
                if let Some(what) = cids.insert(cid.0.clone(), rpath.clone()) {
                    let reason = format!("{cid} already has {what} in {cidr}{}", hint(&what));
                    self.problem(format!("{rpath}.client_id"), reason);
                }
            }
        }
    }
}

/// `e` reported under `path`: its own first component (`reservation.` in
/// `reservation.ip`) is replaced by the path.
fn at(path: &str, e: Invalid) -> Invalid {
    let field = match e.field.split_once('.') {
        Some((_, rest)) => format!("{path}.{rest}"),
        None => path.to_string(),
    };
    Invalid::new(field, e.reason)
}

fn overlaps(a: AddrRange, b: AddrRange) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn net_range(n: Ipv4Net) -> AddrRange {
    AddrRange {
        start: n.network(),
        end: n.broadcast(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::site::fixtures::{doc, net, res, state_of, summary};
    use crate::model::site::{plan, SiteState, SiteSubnet};
    use crate::model::SubnetSpec;

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let mut d = doc();
        d.subnets[0].reservations.push(res("10.0.2.5", 1));
        d.subnets[0].reservations.push(res("10.0.1.10", 3));
        d.subnets[0].pools[0].spec.range = "10.0.1.0-10.0.1.20".parse().expect("range");
        d.subnets.push(SiteSubnet {
            spec: SubnetSpec::new(net("10.0.0.0/16")),
            options: vec![],
            pools: vec![],
            reservations: vec![],
        });
        let errs = plan(&SiteState::default(), &d, false).expect_err("invalid");
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "subnets[0].pools[0].range",
                "subnets[0].reservations[1].ip",
                "subnets[0].reservations[1].mac",
                "subnets[0].reservations[2].ip",
                "subnets[1].cidr",
            ],
            "{errs:?}"
        );
        assert!(
            errs[1].reason.contains("outside subnet 10.0.1.0/24"),
            "{errs:?}"
        );
        assert!(
            errs[3].reason.contains("subnets[0].reservations[0]"),
            "{errs:?}"
        );
    }

    #[test]
    fn a_store_object_in_the_way_suggests_prune() {
        let mut other = doc();
        other.subnets[0].pools[0].spec.range = "10.0.1.140-10.0.1.160".parse().expect("range");
        let st = state_of(&other);
        let errs = plan(&st, &doc(), false).expect_err("overlap");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].reason.contains("--prune"), "{errs:?}");
        let p = plan(&st, &doc(), true).expect("prune replaces");
        assert_eq!(
            summary(&p),
            [
                "delete pool 10.0.1.140-10.0.1.160",
                "create pool 10.0.1.100-10.0.1.150 in 10.0.1.0/24"
            ]
        );
    }
}
