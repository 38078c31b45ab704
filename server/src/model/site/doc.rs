//! The site document: the whole provisioning state as one value (what a
//! site file asks for, or what a store holds), matched by natural keys
//! rather than ids. Pure data; the planner compares two of them.

use crate::model::{
    BootFields, Defaults, DhcpOption, OptionScope, Pool, PoolSpec, Reservation, ReservationSpec,
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
    /// The server-wide boot fields, exactly (unset ones cleared); `None`
    /// leaves the stored ones alone.
    pub defaults: Option<BootFields>,
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
    /// The server-wide defaults.
    pub defaults: Defaults,
}

impl SiteState {
    /// The state as a document: applying it to an empty store reproduces
    /// this state. Subnets by network, pools by range, reservations by
    /// address, options by code.
    pub fn to_doc(&self) -> SiteDoc {
        let mut subnets: Vec<&Subnet> = self.subnets.iter().collect();
        subnets.sort_by_key(|s| s.spec.cidr);
        SiteDoc {
            options: self.options_at(OptionScope::Global),
            options_listed: true,
            subnets_listed: true,
            subnets: subnets.into_iter().map(|s| self.site_subnet(s)).collect(),
            defaults: (!self.defaults.boot.is_empty()).then(|| self.defaults.boot.clone()),
        }
    }

    /// A subnet with its options, its pools by range and its reservations
    /// by address, each with their options.
    fn site_subnet(&self, s: &Subnet) -> SiteSubnet {
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
        // A document names its subnet by nesting, not by id.
        let unowned = SubnetId(0);
        SiteSubnet {
            spec: s.spec.clone(),
            options: self.options_at(OptionScope::Subnet(s.id)),
            pools: pools
                .into_iter()
                .map(|p| SitePool {
                    spec: PoolSpec {
                        subnet_id: unowned,
                        ..p.spec.clone()
                    },
                    options: self.options_at(OptionScope::Pool(p.id)),
                })
                .collect(),
            reservations: res
                .into_iter()
                .map(|r| SiteReservation {
                    spec: ReservationSpec {
                        subnet_id: unowned,
                        ..r.spec.clone()
                    },
                    options: self.options_at(OptionScope::Reservation(r.id)),
                })
                .collect(),
        }
    }

    /// The options set at `scope`, by code.
    fn options_at(&self, scope: OptionScope) -> Vec<DhcpOption> {
        let mut v: Vec<DhcpOption> = self
            .options
            .iter()
            .filter(|(s, _)| *s == scope)
            .map(|(_, o)| o.clone())
            .collect();
        v.sort_by_key(|o| o.code);
        v
    }
}

/// Where the `i`th subnet is in a document: `subnets[i]`.
pub(super) fn subnet_path(i: usize) -> String {
    format!("subnets[{i}]")
}

/// Where the `j`th pool of the subnet at `subnet` is.
pub(super) fn pool_path(subnet: &str, j: usize) -> String {
    format!("{subnet}.pools[{j}]")
}

/// Where the `j`th reservation of the subnet at `subnet` is.
pub(super) fn reservation_path(subnet: &str, j: usize) -> String {
    format!("{subnet}.reservations[{j}]")
}

/// Where option `o` of the owner at `owner` is; a global option's owner
/// is the document itself (`""`).
pub(super) fn option_path(owner: &str, o: &DhcpOption) -> String {
    if owner.is_empty() {
        format!("options.{}", o.name())
    } else {
        format!("{owner}.options.{}", o.name())
    }
}
