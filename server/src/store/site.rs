//! [`SiteStore`] for every backend: reading the whole provisioning state,
//! and carrying out a site plan ([`crate::model::site::plan`]) in one
//! transaction. The plan is the model's; this file only executes its steps
//! in order, with the rows' SQL of the entity files.

use std::collections::HashMap;
use std::net::Ipv4Addr;

use async_trait::async_trait;
use ipnet::Ipv4Net;

use super::auth::insert_audit;
use super::dialect::Dialect;
use super::query::Run;
use super::{
    defaults, options, pools, reservations, subnets, AuditFn, Result, SiteStore, StoreError,
};
use crate::model::site::{self, Change, Op, Target};
use crate::model::{
    Applied, Invalid, OptionScope, PoolId, PoolSpec, ReservationId, ReservationSpec, SiteDoc,
    SiteState, SubnetId,
};

#[async_trait]
impl<D: Dialect> SiteStore for D {
    async fn site_state(&self) -> Result<SiteState> {
        let mut tx = self.begin().await?;
        let st = read_site(&mut *tx).await?;
        tx.commit().await?;
        Ok(st)
    }

    async fn apply_site(
        &self,
        doc: &SiteDoc,
        prune: bool,
        dry_run: bool,
        audit: &AuditFn<'_>,
    ) -> Result<Vec<Applied>> {
        // A pruned subnet's bound leases must be in `leases` to be counted.
        self.fold_journal().await?;
        let mut tx = self.begin().await?;
        self.lock_provisioning(&mut tx).await?;
        let state = read_site(&mut *tx).await?;
        let changes = site::plan(&state, doc, prune).map_err(StoreError::Rejected)?;
        let audit = (!dry_run).then_some(audit);
        let mut applied = apply(&mut *tx, changes, &state, audit).await?;
        if dry_run {
            tx.rollback().await?;
            for a in &mut applied {
                if a.change.action() == "create" {
                    a.id = 0;
                }
            }
        } else {
            tx.commit().await?;
        }
        Ok(applied)
    }
}

/// The whole provisioning state.
async fn read_site(c: &mut impl Run) -> Result<SiteState> {
    Ok(SiteState {
        subnets: subnets::all(c).await?,
        pools: pools::all(c).await?,
        reservations: reservations::all(c).await?,
        options: options::all_in(c).await?,
        defaults: defaults::read(c).await?,
    })
}

/// Carries out a plan made against `state`, in order; records each change
/// in the audit log when `audit` is given.
async fn apply(
    c: &mut impl Run,
    changes: Vec<Change>,
    state: &SiteState,
    audit: Option<&AuditFn<'_>>,
) -> Result<Vec<Applied>> {
    let mut ids = Ids::new(state);
    let mut out = Vec::with_capacity(changes.len());
    for change in changes {
        let (id, subnet_id) = step(c, &mut ids, &change.op)
            .await
            .map_err(|e| refusal(&change, e))?;
        let subnet = ids.networks.get(&subnet_id).copied();
        let mut applied = Applied {
            change,
            id,
            subnet_id,
            subnet,
            audit: None,
        };
        if let Some(audit) = audit {
            let mut entry = audit(&applied);
            entry.id = insert_audit(c, &entry).await?;
            applied.audit = Some(entry);
        }
        out.push(applied);
    }
    Ok(out)
}

/// Carries out one step; returns the id of its object (its owner's, for an
/// option) and the id of the subnet it is in.
async fn step(c: &mut impl Run, ids: &mut Ids, op: &Op) -> Result<(i64, i64)> {
    Ok(match op {
        Op::DeleteOption { target, option, .. } => {
            let (scope, s) = ids.owner(target)?;
            options::delete_one(c, scope, option.code).await?;
            (scope.owner(), s)
        }
        Op::SetOption { target, option, .. } => {
            let (scope, s) = ids.owner(target)?;
            options::write_options(c, scope, std::slice::from_ref(option)).await?;
            (scope.owner(), s)
        }
        Op::DeleteReservation(r) => {
            options::delete_with_options(c, "reservation", "reservations", r.id.0).await?;
            ids.reservations.remove(&r.spec.ip);
            (r.id.0, r.spec.subnet_id.0)
        }
        Op::DeletePool(p) => {
            options::delete_with_options(c, "pool", "pools", p.id.0).await?;
            ids.pools.remove(&(p.spec.range.start, p.spec.range.end));
            (p.id.0, p.spec.subnet_id.0)
        }
        Op::DeleteSubnet(s) => {
            let bound = subnets::bound_leases(c, s.id.0).await?;
            if bound > 0 {
                return Err(StoreError::Conflict(format!(
                    "has {bound} bound lease(s); release them (dhcpctl lease release) or keep the subnet in the document"
                )));
            }
            subnets::delete_rows(c, s.id.0).await?;
            ids.subnets.remove(&s.spec.cidr);
            (s.id.0, s.id.0)
        }
        Op::CreateSubnet(spec) => {
            let id = subnets::insert(c, spec).await?;
            ids.subnets.insert(spec.cidr, id);
            ids.networks.insert(id, spec.cidr);
            (id, id)
        }
        Op::UpdateSubnet { before, after } => {
            let relays = after.relays != before.spec.relays;
            subnets::update_row(c, before.id.0, after, relays).await?;
            (before.id.0, before.id.0)
        }
        Op::CreatePool { subnet, spec } => {
            let s = ids.subnet(subnet)?;
            let spec = PoolSpec {
                subnet_id: SubnetId(s),
                ..spec.clone()
            };
            let id = pools::insert(c, &spec).await?;
            ids.pools
                .insert((spec.range.start, spec.range.end), (id, s));
            (id, s)
        }
        Op::UpdatePool { before, after } => {
            pools::update_row(c, before.id.0, after).await?;
            (before.id.0, before.spec.subnet_id.0)
        }
        Op::CreateReservation { subnet, spec } => {
            let s = ids.subnet(subnet)?;
            let spec = ReservationSpec {
                subnet_id: SubnetId(s),
                ..spec.clone()
            };
            let id = reservations::insert(c, &spec).await?;
            ids.reservations.insert(spec.ip, (id, s));
            (id, s)
        }
        Op::UpdateDefaults { after, .. } => {
            defaults::write(c, after).await?;
            (0, 0)
        }
        Op::UpdateReservation { before, after } => {
            let labels = after.labels != before.spec.labels;
            reservations::update_row(c, before.id.0, after, labels).await?;
            let id = (before.id.0, before.spec.subnet_id.0);
            ids.reservations.remove(&before.spec.ip);
            ids.reservations.insert(after.ip, id);
            id
        }
    })
}

/// The ids of the objects by natural key as the plan runs: what a later
/// step (a pool in a subnet created earlier, an option on it) refers to.
struct Ids {
    /// Subnet id by network.
    subnets: HashMap<Ipv4Net, i64>,
    /// Every subnet's network by id, deleted ones included (for `Applied`).
    networks: HashMap<i64, Ipv4Net>,
    /// (pool id, subnet id) by range.
    pools: HashMap<(Ipv4Addr, Ipv4Addr), (i64, i64)>,
    /// (reservation id, subnet id) by address.
    reservations: HashMap<Ipv4Addr, (i64, i64)>,
}

impl Ids {
    fn new(state: &SiteState) -> Self {
        let subnets: HashMap<_, _> = state
            .subnets
            .iter()
            .map(|s| (s.spec.cidr, s.id.0))
            .collect();
        Self {
            networks: subnets.iter().map(|(n, i)| (*i, *n)).collect(),
            subnets,
            pools: state
                .pools
                .iter()
                .map(|p| {
                    (
                        (p.spec.range.start, p.spec.range.end),
                        (p.id.0, p.spec.subnet_id.0),
                    )
                })
                .collect(),
            reservations: state
                .reservations
                .iter()
                .map(|r| (r.spec.ip, (r.id.0, r.spec.subnet_id.0)))
                .collect(),
        }
    }

    /// The id of the subnet with this network.
    fn subnet(&self, n: &Ipv4Net) -> Result<i64> {
        self.subnets
            .get(n)
            .copied()
            .ok_or_else(|| vanished(format!("subnet {n}")))
    }

    /// The scope an option target names, and its subnet's id (0: global).
    fn owner(&self, t: &Target) -> Result<(OptionScope, i64)> {
        let found = match t {
            Target::Global => Some((OptionScope::Global, 0)),
            Target::Subnet(n) => self
                .subnets
                .get(n)
                .map(|&s| (OptionScope::Subnet(SubnetId(s)), s)),
            Target::Pool(r) => self
                .pools
                .get(&(r.start, r.end))
                .map(|&(p, s)| (OptionScope::Pool(PoolId(p)), s)),
            Target::Reservation(ip) => self
                .reservations
                .get(ip)
                .map(|&(r, s)| (OptionScope::Reservation(ReservationId(r)), s)),
        };
        found.ok_or_else(|| vanished(t.to_string()))
    }
}

/// An object the plan counted on is gone: the state changed under it,
/// which the provisioning lock is there to prevent.
fn vanished(what: String) -> StoreError {
    StoreError::Internal(format!("{what} vanished while the plan ran"))
}

/// A store error met while carrying out `c`, as a refusal naming the
/// object.
fn refusal(c: &Change, e: StoreError) -> StoreError {
    let field = if c.path.is_empty() {
        format!("{} {}", c.kind(), c.object())
    } else {
        c.path.clone()
    };
    match e {
        StoreError::Invalid(i) => StoreError::Rejected(vec![Invalid::new(field, i.to_string())]),
        StoreError::NotFound(m) | StoreError::AlreadyExists(m) | StoreError::Conflict(m) => {
            StoreError::Rejected(vec![Invalid::new(field, m)])
        }
        other => other,
    }
}
