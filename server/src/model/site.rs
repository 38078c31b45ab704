//! A site: the whole provisioning state as one document, and the plan that
//! brings the store from the state it is in to the state a document names.
//!
//! Objects are matched by their natural keys: a subnet by its network, a
//! pool by its range, a reservation by its address (then MAC, then
//! client-id), an option by its code at its scope. The plan is checked as a
//! whole before anything is written, so every problem of a document is
//! reported at once, each under its path (`subnets[0].pools[1].range`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::{
    AddrRange, DhcpOption, Invalid, OptionScope, Pool, PoolSpec, Reservation, ReservationSpec,
    Subnet, SubnetId, SubnetSpec,
};

/// The state a document asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteDoc {
    /// Global options.
    pub options: Vec<DhcpOption>,
    /// Whether the document lists global options at all (prune scope).
    pub options_listed: bool,
    /// Subnets with their contents.
    pub subnets: Vec<SiteSubnet>,
    /// Whether the document lists subnets at all (prune scope).
    pub subnets_listed: bool,
}

/// A subnet with everything in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteSubnet {
    /// The subnet itself.
    pub spec: SubnetSpec,
    /// Options at subnet scope.
    pub options: Vec<DhcpOption>,
    /// Pools (their `subnet_id` is ignored).
    pub pools: Vec<SitePool>,
    /// Reservations (their `subnet_id` is ignored).
    pub reservations: Vec<SiteReservation>,
}

/// A pool with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePool {
    /// The pool.
    pub spec: PoolSpec,
    /// Options at pool scope.
    pub options: Vec<DhcpOption>,
}

/// A reservation with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteReservation {
    /// The reservation.
    pub spec: ReservationSpec,
    /// Options at reservation scope.
    pub options: Vec<DhcpOption>,
}

/// The provisioning state of a store.
#[derive(Debug, Clone, Default)]
pub struct SiteState {
    /// Every subnet.
    pub subnets: Vec<Subnet>,
    /// Every pool.
    pub pools: Vec<Pool>,
    /// Every reservation.
    pub reservations: Vec<Reservation>,
    /// Every option at every scope.
    pub options: Vec<(OptionScope, DhcpOption)>,
}

impl SiteState {
    /// The state as a document: applying it to an empty store reproduces
    /// this state. Subnets by network, pools by range, reservations by
    /// address, options by code.
    pub fn to_doc(&self) -> SiteDoc {
        let opts = |scope: OptionScope| -> Vec<DhcpOption> {
            let mut v: Vec<DhcpOption> = self
                .options
                .iter()
                .filter(|(s, _)| *s == scope)
                .map(|(_, o)| o.clone())
                .collect();
            v.sort_by_key(|o| o.code);
            v
        };
        let mut subnets: Vec<&Subnet> = self.subnets.iter().collect();
        subnets.sort_by_key(|s| s.spec.cidr);
        SiteDoc {
            options: opts(OptionScope::Global),
            options_listed: true,
            subnets_listed: true,
            subnets: subnets
                .into_iter()
                .map(|s| {
                    let mut pools: Vec<&Pool> = self
                        .pools
                        .iter()
                        .filter(|p| p.spec.subnet_id == s.id)
                        .collect();
                    pools.sort_by_key(|p| p.spec.range.start);
                    let mut res: Vec<&Reservation> = self
                        .reservations
                        .iter()
                        .filter(|r| r.spec.subnet_id == s.id)
                        .collect();
                    res.sort_by_key(|r| r.spec.ip);
                    SiteSubnet {
                        spec: s.spec.clone(),
                        options: opts(OptionScope::Subnet(s.id)),
                        pools: pools
                            .into_iter()
                            .map(|p| SitePool {
                                spec: PoolSpec {
                                    subnet_id: SubnetId(0),
                                    ..p.spec.clone()
                                },
                                options: opts(OptionScope::Pool(p.id)),
                            })
                            .collect(),
                        reservations: res
                            .into_iter()
                            .map(|r| SiteReservation {
                                spec: ReservationSpec {
                                    subnet_id: SubnetId(0),
                                    ..r.spec.clone()
                                },
                                options: opts(OptionScope::Reservation(r.id)),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

/// What an option is set on, by natural key (the owner may not exist yet
/// when the plan is made).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Global scope.
    Global,
    /// The subnet with this network.
    Subnet(Ipv4Net),
    /// The pool with this range.
    Pool(AddrRange),
    /// The reservation of this address.
    Reservation(Ipv4Addr),
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Global => f.write_str("global"),
            Target::Subnet(n) => write!(f, "subnet {n}"),
            Target::Pool(r) => write!(f, "pool {r}"),
            Target::Reservation(ip) => write!(f, "reservation {ip}"),
        }
    }
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Remove an option from an object that stays.
    DeleteOption {
        /// Its owner.
        target: Target,
        /// Its owner, as stored.
        scope: OptionScope,
        /// The option as it is.
        option: DhcpOption,
    },
    /// Delete a reservation (its options and labels go with it).
    DeleteReservation(Reservation),
    /// Delete a pool (its options go with it).
    DeletePool(Pool),
    /// Delete a subnet with everything in it.
    DeleteSubnet(Subnet),
    /// Create a subnet.
    CreateSubnet(SubnetSpec),
    /// Change a subnet's settings.
    UpdateSubnet {
        /// As it is.
        before: Subnet,
        /// As it will be.
        after: SubnetSpec,
    },
    /// Create a pool in the subnet with this network.
    CreatePool {
        /// The subnet.
        subnet: Ipv4Net,
        /// The pool (`subnet_id` set at execution).
        spec: PoolSpec,
    },
    /// Change a pool's exclusions or description.
    UpdatePool {
        /// As it is.
        before: Pool,
        /// As it will be.
        after: PoolSpec,
    },
    /// Create a reservation in the subnet with this network.
    CreateReservation {
        /// The subnet.
        subnet: Ipv4Net,
        /// The reservation (`subnet_id` set at execution).
        spec: ReservationSpec,
    },
    /// Change a reservation.
    UpdateReservation {
        /// As it is.
        before: Reservation,
        /// As it will be.
        after: ReservationSpec,
    },
    /// Set an option (create, or replace its value).
    SetOption {
        /// Its owner.
        target: Target,
        /// The option.
        option: DhcpOption,
        /// Its value before, if it was set.
        before: Option<DhcpOption>,
    },
}

/// A step of a plan and where its object is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What to do.
    pub op: Op,
    /// Path of the object in the document; empty for deletes.
    pub path: String,
}

impl Change {
    /// `create`, `update` or `delete`.
    pub fn action(&self) -> &'static str {
        match &self.op {
            Op::DeleteOption { .. }
            | Op::DeleteReservation(_)
            | Op::DeletePool(_)
            | Op::DeleteSubnet(_) => "delete",
            Op::CreateSubnet(_) | Op::CreatePool { .. } | Op::CreateReservation { .. } => "create",
            Op::SetOption { before: None, .. } => "create",
            Op::UpdateSubnet { .. }
            | Op::UpdatePool { .. }
            | Op::UpdateReservation { .. }
            | Op::SetOption { .. } => "update",
        }
    }

    /// The name of the change as an event kind and audit action:
    /// `subnet_created`, `option_deleted`, ...
    pub fn event_name(&self) -> String {
        format!("{}_{}d", self.kind(), self.action())
    }

    /// `subnet`, `pool`, `reservation` or `option`.
    pub fn kind(&self) -> &'static str {
        match &self.op {
            Op::DeleteSubnet(_) | Op::CreateSubnet(_) | Op::UpdateSubnet { .. } => "subnet",
            Op::DeletePool(_) | Op::CreatePool { .. } | Op::UpdatePool { .. } => "pool",
            Op::DeleteReservation(_)
            | Op::CreateReservation { .. }
            | Op::UpdateReservation { .. } => "reservation",
            Op::DeleteOption { .. } | Op::SetOption { .. } => "option",
        }
    }

    /// The object in words.
    pub fn object(&self) -> String {
        match &self.op {
            Op::DeleteSubnet(s) | Op::UpdateSubnet { before: s, .. } => s.spec.cidr.to_string(),
            Op::CreateSubnet(s) => s.cidr.to_string(),
            Op::DeletePool(p) | Op::UpdatePool { before: p, .. } => p.spec.range.to_string(),
            Op::CreatePool { subnet, spec } => format!("{} in {subnet}", spec.range),
            Op::DeleteReservation(r) | Op::UpdateReservation { before: r, .. } => who(&r.spec),
            Op::CreateReservation { spec, .. } => who(spec),
            Op::DeleteOption { target, option, .. } | Op::SetOption { target, option, .. } => {
                format!("{} at {target}", option.name())
            }
        }
    }

    /// What an update changes, `field old -> new` separated by `; `; for a
    /// created option its value.
    pub fn detail(&self) -> String {
        let mut d = Diff::default();
        match &self.op {
            Op::UpdateSubnet { before, after } => {
                let b = &before.spec;
                d.field("interface", &b.interface, &after.interface);
                d.field("relay_addresses", &b.relays, &after.relays);
                d.field("lease_time_min", &b.lease.min, &after.lease.min);
                d.field("lease_time_default", &b.lease.default, &after.lease.default);
                d.field("lease_time_max", &b.lease.max, &after.lease.max);
                d.field("t1", &b.t1, &after.t1);
                d.field("t2", &b.t2, &after.t2);
                d.field("authoritative", &b.authoritative, &after.authoritative);
                d.field("rapid_commit", &b.rapid_commit, &after.rapid_commit);
                d.field("bootp", &b.bootp, &after.bootp);
                d.field("description", &b.description, &after.description);
            }
            Op::UpdatePool { before, after } => {
                let b = &before.spec;
                let list = |v: &[AddrRange]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
                d.field("exclusions", &list(&b.exclusions), &list(&after.exclusions));
                d.field("description", &b.description, &after.description);
            }
            Op::UpdateReservation { before, after } => {
                let b = &before.spec;
                d.field("ip", &b.ip, &after.ip);
                d.field(
                    "mac",
                    &b.mac.map(|m| m.to_string()),
                    &after.mac.map(|m| m.to_string()),
                );
                d.field(
                    "client_id",
                    &b.client_id.as_ref().map(ToString::to_string),
                    &after.client_id.as_ref().map(ToString::to_string),
                );
                d.field("hostname", &b.hostname, &after.hostname);
                d.field("labels", &b.labels, &after.labels);
            }
            Op::SetOption { option, before, .. } => match before {
                Some(b) => d.field("value", &b.value_text(), &option.value_text()),
                None => d.0.push_str(&option.value_text()),
            },
            _ => {}
        }
        d.0
    }
}

/// A change as carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The change.
    pub change: Change,
    /// The object's id after the change (before it, for a delete); for an
    /// option, its owner's (0: global); 0 for anything created in a dry run.
    pub id: i64,
    /// The subnet the object is in (0 for a global option).
    pub subnet_id: i64,
    /// That subnet's network.
    pub subnet: Option<Ipv4Net>,
    /// Its audit log entry as written, with its id (`None` in a dry run).
    pub audit: Option<super::AuditEntry>,
}

/// `10.0.1.10 (02:00:00:00:0e:01)`.
fn who(r: &ReservationSpec) -> String {
    match (&r.mac, &r.client_id) {
        (Some(m), _) => format!("{} ({m})", r.ip),
        (None, Some(c)) => format!("{} (client-id {c})", r.ip),
        (None, None) => r.ip.to_string(),
    }
}

#[derive(Default)]
struct Diff(String);

impl Diff {
    fn field<T: PartialEq + std::fmt::Debug>(&mut self, name: &str, a: &T, b: &T) {
        if a != b {
            if !self.0.is_empty() {
                self.0.push_str("; ");
            }
            let _ = write!(self.0, "{name} {a:?} -> {b:?}");
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

/// Option settings and removals of a plan.
#[derive(Default)]
struct OptionSteps {
    sets: Vec<Change>,
    deletes: Vec<Change>,
}

impl OptionSteps {
    /// Options sets and removals that take `have` to `want` at one scope.
    fn add(
        &mut self,
        target: Target,
        scope: Option<OptionScope>,
        have: &[DhcpOption],
        want: &[DhcpOption],
        prune: bool,
        path: &str,
    ) {
        let (sets, deletes) = (&mut self.sets, &mut self.deletes);
        for o in want {
            let before = have.iter().find(|h| h.code == o.code);
            if before.is_some_and(|b| b.data == o.data) {
                continue;
            }
            sets.push(Change {
                op: Op::SetOption {
                    target,
                    option: o.clone(),
                    before: before.cloned(),
                },
                path: format!("{path}.options.{}", o.name()),
            });
        }
        if let (true, Some(scope)) = (prune, scope) {
            for h in have
                .iter()
                .filter(|h| !want.iter().any(|o| o.code == h.code))
            {
                deletes.push(Change {
                    op: Op::DeleteOption {
                        target,
                        scope,
                        option: h.clone(),
                    },
                    path: String::new(),
                });
            }
        }
    }
}

/// The changes that bring `state` to `doc`, in the order to carry them out:
/// option removals, reservation, pool and subnet deletions, then subnets,
/// pools, reservations and options created or updated. Without `prune`
/// nothing is deleted.
///
/// # Errors
/// Every problem of the document, each under its path.
pub fn plan(state: &SiteState, doc: &SiteDoc, prune: bool) -> Result<Vec<Change>, Vec<Invalid>> {
    let mut errors = Vec::new();
    let mut deletes = Vec::new();
    let mut subnet_ops = Vec::new();
    let mut pool_ops = Vec::new();
    let mut res_ops = Vec::new();
    let mut opts = OptionSteps::default();

    let mut by_scope: HashMap<OptionScope, Vec<DhcpOption>> = HashMap::new();
    for (scope, o) in &state.options {
        by_scope.entry(*scope).or_default().push(o.clone());
    }
    let options_of = |scope: OptionScope| -> Vec<DhcpOption> {
        by_scope.get(&scope).cloned().unwrap_or_default()
    };
    let mut res_of: HashMap<i64, Vec<&Reservation>> = HashMap::new();
    for r in &state.reservations {
        res_of.entry(r.spec.subnet_id.0).or_default().push(r);
    }
    let by_cidr: HashMap<Ipv4Net, &Subnet> =
        state.subnets.iter().map(|s| (s.spec.cidr, s)).collect();
    let named: HashSet<Ipv4Net> = doc.subnets.iter().map(|s| s.spec.cidr).collect();
    let prune_subnets = prune && doc.subnets_listed;
    // Current subnets that stay as they are whatever the document says.
    let untouched: Vec<&Subnet> = state
        .subnets
        .iter()
        .filter(|s| !named.contains(&s.spec.cidr) && !prune_subnets)
        .collect();
    let untouched_ids: HashSet<i64> = untouched.iter().map(|s| s.id.0).collect();

    // Whole-document rules: subnets, relays, pools and reservations that
    // would collide with each other or with what stays in the store.
    let mut seen_nets: Vec<(Ipv4Net, String)> = untouched
        .iter()
        .map(|s| (s.spec.cidr, format!("subnet {} in the store", s.spec.cidr)))
        .collect();
    let mut relays: HashMap<Ipv4Addr, String> = untouched
        .iter()
        .flat_map(|s| {
            s.spec
                .relays
                .iter()
                .map(move |r| (*r, format!("subnet {} in the store", s.spec.cidr)))
        })
        .collect();
    let mut ranges: Vec<(AddrRange, String)> = state
        .pools
        .iter()
        .filter(|p| untouched_ids.contains(&p.spec.subnet_id.0))
        .map(|p| (p.spec.range, format!("pool {} in the store", p.spec.range)))
        .collect();
    let mut ips: HashMap<Ipv4Addr, String> = state
        .reservations
        .iter()
        .filter(|r| untouched_ids.contains(&r.spec.subnet_id.0))
        .map(|r| (r.spec.ip, format!("reservation {} in the store", r.spec.ip)))
        .collect();

    for (i, s) in doc.subnets.iter().enumerate() {
        let path = format!("subnets[{i}]");
        let cidr = s.spec.cidr;
        if let Err(e) = s.spec.validate() {
            errors.push(at(&path, e));
        }
        match seen_nets
            .iter()
            .find(|(n, _)| overlaps(net_range(*n), net_range(cidr)))
        {
            Some((n, what)) if *n == cidr => errors.push(Invalid::new(
                format!("{path}.cidr"),
                format!("{cidr} is given twice (also {what}); list each subnet once"),
            )),
            Some((_, what)) => errors.push(Invalid::new(
                format!("{path}.cidr"),
                format!(
                    "{cidr} overlaps {what}; subnets may not overlap{}",
                    if what.ends_with("store") {
                        " (add it to the document and apply with --prune to replace it)"
                    } else {
                        ""
                    }
                ),
            )),
            None => seen_nets.push((cidr, path.clone())),
        }
        for (j, r) in s.spec.relays.iter().enumerate() {
            if let Some(what) = relays.insert(*r, path.clone()) {
                if what != path {
                    errors.push(Invalid::new(
                        format!("{path}.relay_addresses[{j}]"),
                        format!("{r} already selects {what}; a relay address selects one subnet"),
                    ));
                }
            }
        }

        let current = by_cidr.get(&cidr).copied();
        let target = Target::Subnet(cidr);
        match current {
            Some(c) if c.spec != s.spec => subnet_ops.push(Change {
                op: Op::UpdateSubnet {
                    before: c.clone(),
                    after: s.spec.clone(),
                },
                path: path.clone(),
            }),
            Some(_) => {}
            None => subnet_ops.push(Change {
                op: Op::CreateSubnet(s.spec.clone()),
                path: path.clone(),
            }),
        }
        let have = current.map_or_else(Vec::new, |c| options_of(OptionScope::Subnet(c.id)));
        opts.add(
            target,
            current.map(|c| OptionScope::Subnet(c.id)),
            &have,
            &s.options,
            prune,
            &path,
        );

        // Pools, matched by range.
        let cur_pools: Vec<&Pool> = current.map_or_else(Vec::new, |c| {
            state
                .pools
                .iter()
                .filter(|p| p.spec.subnet_id == c.id)
                .collect()
        });
        for c in &cur_pools {
            if s.pools.iter().any(|p| p.spec.range == c.spec.range) {
                continue;
            }
            if prune {
                deletes.push(Change {
                    op: Op::DeletePool((*c).clone()),
                    path: String::new(),
                });
            } else {
                ranges.push((c.spec.range, format!("pool {} in the store", c.spec.range)));
            }
        }
        for (j, p) in s.pools.iter().enumerate() {
            let ppath = format!("{path}.pools[{j}]");
            if let Err(e) = p.spec.validate(&s.spec) {
                errors.push(at(&ppath, e));
            }
            if let Some((r, what)) = ranges.iter().find(|(r, _)| overlaps(*r, p.spec.range)) {
                let hint = if what.ends_with("store") && !prune {
                    " (apply with --prune to replace it)"
                } else {
                    ""
                };
                let what = if *r == p.spec.range && !what.ends_with("store") {
                    format!("{what}, which has the same range")
                } else {
                    what.clone()
                };
                errors.push(Invalid::new(
                    format!("{ppath}.range"),
                    format!(
                        "{} overlaps {what}; pools may not overlap{hint}",
                        p.spec.range
                    ),
                ));
            } else {
                ranges.push((p.spec.range, ppath.clone()));
            }
            let before = cur_pools.iter().find(|c| c.spec.range == p.spec.range);
            let pool_target = Target::Pool(p.spec.range);
            match before {
                Some(b)
                    if b.spec.exclusions != p.spec.exclusions
                        || b.spec.description != p.spec.description =>
                {
                    pool_ops.push(Change {
                        op: Op::UpdatePool {
                            before: (*b).clone(),
                            after: PoolSpec {
                                subnet_id: b.spec.subnet_id,
                                ..p.spec.clone()
                            },
                        },
                        path: ppath.clone(),
                    });
                }
                Some(_) => {}
                None => pool_ops.push(Change {
                    op: Op::CreatePool {
                        subnet: cidr,
                        spec: p.spec.clone(),
                    },
                    path: ppath.clone(),
                }),
            }
            let have = before.map_or_else(Vec::new, |b| options_of(OptionScope::Pool(b.id)));
            opts.add(
                pool_target,
                before.map(|b| OptionScope::Pool(b.id)),
                &have,
                &p.options,
                prune,
                &ppath,
            );
        }

        // Reservations, matched by address, then MAC, then client-id.
        let cur_res: Vec<&Reservation> = current
            .and_then(|c| res_of.get(&c.id.0).cloned())
            .unwrap_or_default();
        let mut matched: Vec<Option<&Reservation>> = vec![None; s.reservations.len()];
        let mut taken: HashSet<i64> = HashSet::new();
        let by_ip: HashMap<Ipv4Addr, &Reservation> =
            cur_res.iter().map(|c| (c.spec.ip, *c)).collect();
        let by_mac: HashMap<[u8; 6], &Reservation> = cur_res
            .iter()
            .filter_map(|c| Some((c.spec.mac?.0, *c)))
            .collect();
        let by_cid: HashMap<&[u8], &Reservation> = cur_res
            .iter()
            .filter_map(|c| Some((c.spec.client_id.as_ref()?.0.as_slice(), *c)))
            .collect();
        for pass in 0..3 {
            for (j, r) in s.reservations.iter().enumerate() {
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
        let kept: Vec<&Reservation> = cur_res
            .iter()
            .filter(|c| !taken.contains(&c.id.0))
            .copied()
            .collect();
        let mut macs: BTreeMap<[u8; 6], String> = BTreeMap::new();
        let mut cids: BTreeMap<Vec<u8>, String> = BTreeMap::new();
        if !prune {
            for c in &kept {
                let what = format!("reservation {} in the store", c.spec.ip);
                ips.insert(c.spec.ip, what.clone());
                if let Some(m) = c.spec.mac {
                    macs.insert(m.0, what.clone());
                }
                if let Some(cid) = &c.spec.client_id {
                    cids.insert(cid.0.clone(), what);
                }
            }
        }
        for (j, r) in s.reservations.iter().enumerate() {
            let rpath = format!("{path}.reservations[{j}]");
            if let Err(e) = r.spec.validate(&s.spec) {
                errors.push(at(&rpath, e));
            }
            let hint = |what: &str| {
                if what.ends_with("store") {
                    " (apply with --prune to replace it)"
                } else {
                    ""
                }
            };
            if let Some(what) = ips.insert(r.spec.ip, rpath.clone()) {
                errors.push(Invalid::new(
                    format!("{rpath}.ip"),
                    format!("{} is already reserved by {what}{}", r.spec.ip, hint(&what)),
                ));
            }
            if let Some(m) = r.spec.mac {
                if let Some(what) = macs.insert(m.0, rpath.clone()) {
                    errors.push(Invalid::new(
                        format!("{rpath}.mac"),
                        format!("{m} already has {what} in {cidr}{}", hint(&what)),
                    ));
                }
            }
            if let Some(cid) = &r.spec.client_id {
                if let Some(what) = cids.insert(cid.0.clone(), rpath.clone()) {
                    errors.push(Invalid::new(
                        format!("{rpath}.client_id"),
                        format!("{cid} already has {what} in {cidr}{}", hint(&what)),
                    ));
                }
            }
            let before = matched[j];
            match before {
                Some(b) => {
                    let after = ReservationSpec {
                        subnet_id: b.spec.subnet_id,
                        ..r.spec.clone()
                    };
                    if after != b.spec {
                        res_ops.push(Change {
                            op: Op::UpdateReservation {
                                before: b.clone(),
                                after,
                            },
                            path: rpath.clone(),
                        });
                    }
                }
                None => res_ops.push(Change {
                    op: Op::CreateReservation {
                        subnet: cidr,
                        spec: r.spec.clone(),
                    },
                    path: rpath.clone(),
                }),
            }
            let have = before.map_or_else(Vec::new, |b| options_of(OptionScope::Reservation(b.id)));
            opts.add(
                Target::Reservation(r.spec.ip),
                before.map(|b| OptionScope::Reservation(b.id)),
                &have,
                &r.options,
                prune,
                &rpath,
            );
        }
        if prune {
            for c in kept {
                deletes.push(Change {
                    op: Op::DeleteReservation(c.clone()),
                    path: String::new(),
                });
            }
        }
    }

    if prune_subnets {
        for s in state
            .subnets
            .iter()
            .filter(|s| !named.contains(&s.spec.cidr))
        {
            deletes.push(Change {
                op: Op::DeleteSubnet(s.clone()),
                path: String::new(),
            });
        }
    }
    opts.add(
        Target::Global,
        Some(OptionScope::Global),
        &options_of(OptionScope::Global),
        &doc.options,
        prune && doc.options_listed,
        "",
    );
    deletes.append(&mut opts.deletes);
    let mut option_sets = opts.sets;
    for c in &mut option_sets {
        if let Some(p) = c.path.strip_prefix('.') {
            c.path = p.to_string();
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Removals first, narrowest first, so nothing a later step needs is in
    // the way; then creations and updates, widest first.
    deletes.sort_by_key(|c| match c.op {
        Op::DeleteOption { .. } => 0,
        Op::DeleteReservation(_) => 1,
        Op::DeletePool(_) => 2,
        _ => 3,
    });
    let mut out = deletes;
    out.extend(subnet_ops);
    out.extend(pool_ops);
    out.extend(res_ops);
    out.extend(option_sets);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mac, PoolId, ReservationId};

    fn net(s: &str) -> Ipv4Net {
        s.parse().expect("test network")
    }

    fn ip(s: &str) -> Ipv4Addr {
        s.parse().expect("test address")
    }

    fn opt(name: &str, v: &str) -> DhcpOption {
        DhcpOption::parse("o", name, v, false).expect("test option")
    }

    fn res(a: &str, mac: u8) -> SiteReservation {
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

    fn doc() -> SiteDoc {
        SiteDoc {
            options: vec![opt("domain-name", "example.net")],
            options_listed: true,
            subnets_listed: true,
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
    fn state_of(d: &SiteDoc) -> SiteState {
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

    fn summary(p: &[Change]) -> Vec<String> {
        p.iter()
            .map(|c| format!("{} {} {}", c.action(), c.kind(), c.object()))
            .collect()
    }

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
