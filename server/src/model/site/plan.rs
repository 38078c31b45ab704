//! The planner: the changes that take the store from the state it is in to
//! the state a document asks for, in the order to carry them out. The
//! document is checked first, as a whole; the planner itself reads the
//! state it is given and writes nothing.

use super::change::{Change, Op, Target};
use super::doc::{option_path, pool_path, reservation_path, subnet_path};
use super::matching::{Current, Matched};
use super::{check, SiteDoc, SiteState};
use crate::model::{DhcpOption, Invalid, OptionScope, PoolSpec, ReservationSpec};

/// The changes that bring `state` to `doc`, in the order to carry them out:
/// option removals, reservation, pool and subnet deletions, then subnets,
/// pools, reservations and options created or updated. Without `prune`
/// nothing is deleted.
///
/// # Errors
/// Every problem of the document, each under its path.
pub fn plan(state: &SiteState, doc: &SiteDoc, prune: bool) -> Result<Vec<Change>, Vec<Invalid>> {
    let current = Current::index(state);
    let matched = current.match_doc(doc);
    check::document(&current, doc, &matched, prune)?;
    let mut plan = Plan::default();
    plan.subnets(doc, &matched);
    plan.pools(doc, &matched);
    plan.reservations(doc, &matched);
    plan.options(&current, doc, &matched, prune);
    if prune {
        plan.prunes(&current, doc, &matched);
    }
    plan.defaults(state, doc);
    Ok(plan.in_order())
}

/// The changes of a plan by kind, each kind in document order.
#[derive(Default)]
struct Plan {
    subnets: Vec<Change>,
    pools: Vec<Change>,
    reservations: Vec<Change>,
    option_sets: Vec<Change>,
    option_deletes: Vec<Change>,
    reservation_deletes: Vec<Change>,
    pool_deletes: Vec<Change>,
    subnet_deletes: Vec<Change>,
    defaults: Vec<Change>,
}

impl Plan {
    /// The server-wide defaults, when the document gives them and they differ.
    fn defaults(&mut self, state: &SiteState, doc: &SiteDoc) {
        let Some(boot) = &doc.defaults else { return };
        if *boot == state.defaults.boot {
            return;
        }
        let after = crate::model::Defaults { boot: boot.clone() };
        let op = Op::UpdateDefaults {
            before: state.defaults.clone(),
            after,
        };
        self.defaults.push(Change::at("defaults", op));
    }

    /// Each subnet created, or updated where its settings differ.
    fn subnets(&mut self, doc: &SiteDoc, matched: &[Matched<'_>]) {
        for (i, (s, m)) in doc.subnets.iter().zip(matched).enumerate() {
            let op = match m.subnet {
                Some(c) if c.spec != s.spec => Op::UpdateSubnet {
                    before: c.clone(),
                    after: s.spec.clone(),
                },
                Some(_) => continue,
                None => Op::CreateSubnet(s.spec.clone()),
            };
            self.subnets.push(Change::at(&subnet_path(i), op));
        }
    }

    /// Each pool created in its subnet, or updated where its exclusions or
    /// description differ. A pool is its range: another range is another
    /// pool.
    fn pools(&mut self, doc: &SiteDoc, matched: &[Matched<'_>]) {
        for (i, (s, m)) in doc.subnets.iter().zip(matched).enumerate() {
            for (j, (p, before)) in s.pools.iter().zip(&m.pools).enumerate() {
                let op = match before {
                    Some(b)
                        if b.spec.exclusions != p.spec.exclusions
                            || b.spec.description != p.spec.description =>
                    {
                        Op::UpdatePool {
                            before: (*b).clone(),
                            after: PoolSpec {
                                subnet_id: b.spec.subnet_id,
                                ..p.spec.clone()
                            },
                        }
                    }
                    Some(_) => continue,
                    None => Op::CreatePool {
                        subnet: s.spec.cidr,
                        spec: p.spec.clone(),
                    },
                };
                self.pools
                    .push(Change::at(&pool_path(&subnet_path(i), j), op));
            }
        }
    }

    /// Each reservation created in its subnet, or updated where it differs
    /// from the one it matched.
    fn reservations(&mut self, doc: &SiteDoc, matched: &[Matched<'_>]) {
        for (i, (s, m)) in doc.subnets.iter().zip(matched).enumerate() {
            for (j, (r, before)) in s.reservations.iter().zip(&m.reservations).enumerate() {
                let op = match before {
                    Some(b) => {
                        let after = ReservationSpec {
                            subnet_id: b.spec.subnet_id,
                            ..r.spec.clone()
                        };
                        if after == b.spec {
                            continue;
                        }
                        Op::UpdateReservation {
                            before: (*b).clone(),
                            after,
                        }
                    }
                    None => Op::CreateReservation {
                        subnet: s.spec.cidr,
                        spec: r.spec.clone(),
                    },
                };
                let path = reservation_path(&subnet_path(i), j);
                self.reservations.push(Change::at(&path, op));
            }
        }
    }

    /// The options of every owner the document names: each subnet, its
    /// pools and its reservations, then the global ones (removed only when
    /// the document lists global options at all).
    fn options(
        &mut self,
        current: &Current<'_>,
        doc: &SiteDoc,
        matched: &[Matched<'_>],
        prune: bool,
    ) {
        for (i, (s, m)) in doc.subnets.iter().zip(matched).enumerate() {
            let path = subnet_path(i);
            let owner = Owner {
                target: Target::Subnet(s.spec.cidr),
                scope: m.subnet.map(|c| OptionScope::Subnet(c.id)),
                path: &path,
            };
            self.options_of(owner, current, &s.options, prune);
            for (j, (p, before)) in s.pools.iter().zip(&m.pools).enumerate() {
                let owner = Owner {
                    target: Target::Pool(p.spec.range),
                    scope: before.map(|b| OptionScope::Pool(b.id)),
                    path: &pool_path(&path, j),
                };
                self.options_of(owner, current, &p.options, prune);
            }
            for (j, (r, before)) in s.reservations.iter().zip(&m.reservations).enumerate() {
                let owner = Owner {
                    target: Target::Reservation(r.spec.ip),
                    scope: before.map(|b| OptionScope::Reservation(b.id)),
                    path: &reservation_path(&path, j),
                };
                self.options_of(owner, current, &r.options, prune);
            }
        }
        let global = Owner {
            target: Target::Global,
            scope: Some(OptionScope::Global),
            path: "",
        };
        self.options_of(global, current, &doc.options, prune && doc.options_listed);
    }

    /// Option sets (new or changed values) and, with `prune`, removals
    /// that take one owner's stored options to `want`.
    fn options_of(
        &mut self,
        owner: Owner<'_>,
        current: &Current<'_>,
        want: &[DhcpOption],
        prune: bool,
    ) {
        let have = current.options(owner.scope);
        for o in want {
            let before = have.iter().find(|h| h.code == o.code);
            if before.is_some_and(|b| b.data == o.data) {
                continue;
            }
            let op = Op::SetOption {
                target: owner.target,
                option: o.clone(),
                before: before.cloned(),
            };
            self.option_sets
                .push(Change::at(&option_path(owner.path, o), op));
        }
        // An owner not stored yet has nothing to remove.
        let (true, Some(scope)) = (prune, owner.scope) else {
            return;
        };
        for h in have
            .iter()
            .filter(|h| !want.iter().any(|o| o.code == h.code))
        {
            self.option_deletes.push(Change::delete(Op::DeleteOption {
                target: owner.target,
                scope,
                option: h.clone(),
            }));
        }
    }

    /// Deletions of what a pruning document leaves out: the unlisted pools
    /// and reservations of each subnet it lists, then the subnets it does
    /// not name.
    fn prunes(&mut self, current: &Current<'_>, doc: &SiteDoc, matched: &[Matched<'_>]) {
        for m in matched {
            self.pool_deletes.extend(
                m.unlisted_pools
                    .iter()
                    .map(|p| Change::delete(Op::DeletePool((*p).clone()))),
            );
            self.reservation_deletes.extend(
                m.unlisted_reservations
                    .iter()
                    .map(|r| Change::delete(Op::DeleteReservation((*r).clone()))),
            );
        }
        self.subnet_deletes.extend(
            current
                .unnamed(doc)
                .into_iter()
                .map(|s| Change::delete(Op::DeleteSubnet(s.clone()))),
        );
    }

    /// Removals first, narrowest first, so nothing a later step needs is in
    /// the way; then creations and updates, widest first.
    fn in_order(self) -> Vec<Change> {
        [
            self.option_deletes,
            self.reservation_deletes,
            self.pool_deletes,
            self.subnet_deletes,
            self.subnets,
            self.pools,
            self.reservations,
            self.option_sets,
            self.defaults,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// An owner of options: by natural key, as stored (`None` until it is
/// created), and where it is in the document.
#[derive(Clone, Copy)]
struct Owner<'p> {
    target: Target,
    scope: Option<OptionScope>,
    path: &'p str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::site::fixtures::{doc, net, opt, res, state_of, summary};
    use crate::model::site::SiteSubnet;
    use crate::model::SubnetSpec;

    #[test]
    fn an_empty_store_gets_everything_widest_first() {
        let p = plan(&SiteState::default(), &doc(), false).expect("plan");
        assert_eq!(
            summary(&p),
            [
                "create subnet 10.0.1.0/24",
                "create pool 10.0.1.100-10.0.1.150 in 10.0.1.0/24",
                "create reservation 10.0.1.10 (02:00:00:00:00:01)",
                "create option routers at subnet 10.0.1.0/24",
                "create option domain-name at global",
            ]
        );
        assert_eq!(p[2].path, "subnets[0].reservations[0]");
        assert_eq!(p[4].path, "options.domain-name");
    }

    #[test]
    fn the_state_a_document_leaves_needs_no_change_and_exports_back() {
        let d = doc();
        let st = state_of(&d);
        assert_eq!(plan(&st, &d, true).expect("plan"), vec![]);
        assert_eq!(st.to_doc(), d);
    }

    #[test]
    fn updates_name_what_changes_and_keep_ids() {
        let st = state_of(&doc());
        let mut d = doc();
        d.subnets[0].spec.lease.default = 600;
        d.subnets[0].reservations[0].spec.hostname = Some("printer".into());
        d.subnets[0].options[0] = opt("routers", "10.0.1.254");
        let p = plan(&st, &d, false).expect("plan");
        assert_eq!(
            summary(&p),
            [
                "update subnet 10.0.1.0/24",
                "update reservation 10.0.1.10 (02:00:00:00:00:01)",
                "update option routers at subnet 10.0.1.0/24",
            ]
        );
        assert_eq!(p[0].detail(), "lease_time_default 3600 -> 600");
        assert_eq!(p[1].detail(), "hostname None -> Some(\"printer\")");
        assert_eq!(p[2].detail(), "value \"10.0.1.1\" -> \"10.0.1.254\"");
    }

    #[test]
    fn boot_fields_and_defaults_are_planned_and_named() {
        let st = state_of(&doc());
        let mut d = doc();
        d.subnets[0].spec.boot.boot_file = Some("pxelinux.0".into());
        d.subnets[0].spec.bootp_dynamic = true;
        d.subnets[0].reservations[0].spec.boot.next_server = Some("192.0.2.9".parse().expect("ip"));
        d.defaults = Some(crate::model::BootFields {
            server_name: Some("boot1".into()),
            ..Default::default()
        });
        let p = plan(&st, &d, false).expect("plan");
        assert_eq!(
            summary(&p),
            [
                "update subnet 10.0.1.0/24",
                "update reservation 10.0.1.10 (02:00:00:00:00:01)",
                "update defaults server-wide",
            ]
        );
        assert_eq!(
            p[0].detail(),
            "bootp_dynamic false -> true; boot_file None -> Some(\"pxelinux.0\")"
        );
        assert_eq!(p[1].detail(), "next_server None -> Some(\"192.0.2.9\")");
        assert_eq!(p[2].detail(), "server_name None -> Some(\"boot1\")");
        // Without `defaults` the stored ones stay; equal ones need nothing.
        let mut st = state_of(&doc());
        st.defaults.boot.server_name = Some("boot1".into());
        assert_eq!(plan(&st, &doc(), false).expect("plan"), vec![]);
        let mut same = doc();
        same.defaults = Some(st.defaults.boot.clone());
        assert_eq!(plan(&st, &same, false).expect("plan"), vec![]);
        assert_eq!(st.to_doc().defaults, Some(st.defaults.boot.clone()));
        // A bad value is a problem of the document, under its path.
        let mut bad = doc();
        bad.defaults = Some(crate::model::BootFields {
            boot_file: Some("a b".into()),
            ..Default::default()
        });
        let problems = plan(&st, &bad, false).expect_err("refused");
        assert_eq!(problems[0].field, "defaults.boot_file");
    }

    #[test]
    fn prune_deletes_only_within_named_scopes() {
        let mut extra = doc();
        extra.subnets[0].reservations.push(res("10.0.1.11", 2));
        extra.subnets.push(SiteSubnet {
            spec: SubnetSpec::new(net("10.0.2.0/24")),
            options: vec![],
            pools: vec![],
            reservations: vec![],
        });
        let st = state_of(&extra);
        assert_eq!(plan(&st, &doc(), false).expect("plan"), vec![]);
        assert_eq!(
            summary(&plan(&st, &doc(), true).expect("plan")),
            [
                "delete reservation 10.0.1.11 (02:00:00:00:00:02)",
                "delete subnet 10.0.2.0/24"
            ]
        );
        let mut no_subnets = doc();
        no_subnets.subnets_listed = false;
        no_subnets.subnets.truncate(0);
        no_subnets.options_listed = false;
        no_subnets.options.clear();
        assert_eq!(plan(&st, &no_subnets, true).expect("plan"), vec![]);
    }
}
