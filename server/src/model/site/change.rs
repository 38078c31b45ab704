//! The changes a plan is made of: what is created, updated or deleted
//! (objects named by natural key, since an object may not exist yet when
//! the plan is made), how each is named in words, and the event each one
//! publishes once carried out.

use std::fmt::Write as _;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::{
    AddrRange, AuditEntry, BootFields, Defaults, DhcpOption, EventKind, OptionScope, Pool,
    PoolSpec, Reservation, ReservationSpec, Subnet, SubnetSpec,
};

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
    /// Change the server-wide defaults.
    UpdateDefaults {
        /// As they are.
        before: Defaults,
        /// As they will be.
        after: Defaults,
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
    /// The change at `path`.
    pub(super) fn at(path: &str, op: Op) -> Self {
        Self {
            op,
            path: path.to_string(),
        }
    }

    /// A deletion: its object is not in the document, so it has no path.
    pub(super) fn delete(op: Op) -> Self {
        Self {
            op,
            path: String::new(),
        }
    }

    /// The event this change publishes once carried out; its name is also
    /// the change's audit action (`subnet_created`, `option_deleted`, ...).
    /// Every change has one: the match names every step, so a new step
    /// does not compile until it is given its event.
    pub fn event_kind(&self) -> EventKind {
        match &self.op {
            Op::DeleteOption { .. } => EventKind::OptionDeleted,
            Op::DeleteReservation(_) => EventKind::ReservationDeleted,
            Op::DeletePool(_) => EventKind::PoolDeleted,
            Op::DeleteSubnet(_) => EventKind::SubnetDeleted,
            Op::CreateSubnet(_) => EventKind::SubnetCreated,
            Op::UpdateSubnet { .. } => EventKind::SubnetUpdated,
            Op::CreatePool { .. } => EventKind::PoolCreated,
            Op::UpdatePool { .. } => EventKind::PoolUpdated,
            Op::CreateReservation { .. } => EventKind::ReservationCreated,
            Op::UpdateReservation { .. } => EventKind::ReservationUpdated,
            Op::UpdateDefaults { .. } => EventKind::DefaultsUpdated,
            Op::SetOption { before: None, .. } => EventKind::OptionCreated,
            Op::SetOption {
                before: Some(_), ..
            } => EventKind::OptionUpdated,
        }
    }

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
            | Op::UpdateDefaults { .. }
            | Op::SetOption { .. } => "update",
        }
    }

    /// `subnet`, `pool`, `reservation`, `option` or `defaults`.
    pub fn kind(&self) -> &'static str {
        match &self.op {
            Op::DeleteSubnet(_) | Op::CreateSubnet(_) | Op::UpdateSubnet { .. } => "subnet",
            Op::DeletePool(_) | Op::CreatePool { .. } | Op::UpdatePool { .. } => "pool",
            Op::DeleteReservation(_)
            | Op::CreateReservation { .. }
            | Op::UpdateReservation { .. } => "reservation",
            Op::DeleteOption { .. } | Op::SetOption { .. } => "option",
            Op::UpdateDefaults { .. } => "defaults",
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
            Op::UpdateDefaults { .. } => "server-wide".into(),
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
                d.field("bootp_dynamic", &b.bootp_dynamic, &after.bootp_dynamic);
                d.field(
                    "bootp_lease_time",
                    &b.bootp_lease_time,
                    &after.bootp_lease_time,
                );
                d.boot(&b.boot, &after.boot);
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
                d.boot(&b.boot, &after.boot);
            }
            Op::UpdateDefaults { before, after } => d.boot(&before.boot, &after.boot),
            Op::SetOption { option, before, .. } => match before {
                Some(b) => d.field("value", &b.value_text(), &option.value_text()),
                None => d.0.push_str(&option.value_text()),
            },
            Op::DeleteOption { .. }
            | Op::DeleteReservation(_)
            | Op::DeletePool(_)
            | Op::DeleteSubnet(_)
            | Op::CreateSubnet(_)
            | Op::CreatePool { .. }
            | Op::CreateReservation { .. } => {}
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
    pub audit: Option<AuditEntry>,
}

/// `10.0.1.10 (02:00:00:00:0e:01)`.
fn who(r: &ReservationSpec) -> String {
    match (&r.mac, &r.client_id) {
        (Some(m), _) => format!("{} ({m})", r.ip),
        (None, Some(c)) => format!("{} (client-id {c})", r.ip),
        (None, None) => r.ip.to_string(),
    }
}

/// The fields an update changes, as `name old -> new; ...`.
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

    fn boot(&mut self, a: &BootFields, b: &BootFields) {
        let text = |ip: Option<Ipv4Addr>| ip.map(|i| i.to_string());
        self.field("next_server", &text(a.next_server), &text(b.next_server));
        self.field("server_name", &a.server_name, &b.server_name);
        self.field("boot_file", &a.boot_file, &b.boot_file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    use crate::model::{Mac, PoolId, ReservationId, SubnetId};

    fn net() -> Ipv4Net {
        "10.0.1.0/24".parse().expect("test network")
    }

    fn range() -> AddrRange {
        "10.0.1.100-10.0.1.150".parse().expect("test range")
    }

    fn option() -> DhcpOption {
        DhcpOption::parse("o", "routers", "10.0.1.1", false).expect("test option")
    }

    fn subnet() -> Subnet {
        Subnet {
            id: SubnetId(1),
            spec: SubnetSpec::new(net()),
            created: 0,
            updated: 0,
        }
    }

    fn pool() -> Pool {
        Pool {
            id: PoolId(1),
            spec: PoolSpec {
                subnet_id: SubnetId(1),
                range: range(),
                exclusions: vec![],
                description: String::new(),
            },
        }
    }

    fn reservation() -> Reservation {
        Reservation {
            id: ReservationId(1),
            spec: ReservationSpec {
                subnet_id: SubnetId(1),
                mac: Some(Mac([2, 0, 0, 0, 0, 1])),
                client_id: None,
                ip: "10.0.1.10".parse().expect("test address"),
                hostname: None,
                labels: BTreeMap::new(),
                boot: Default::default(),
            },
        }
    }

    /// One of every step, options at every kind of owner, each with the
    /// event name it has always been published and audited under.
    fn every_step() -> Vec<(Op, &'static str)> {
        let targets = [
            Target::Global,
            Target::Subnet(net()),
            Target::Pool(range()),
            Target::Reservation(reservation().spec.ip),
        ];
        let mut steps = vec![
            (Op::DeleteReservation(reservation()), "reservation_deleted"),
            (Op::DeletePool(pool()), "pool_deleted"),
            (Op::DeleteSubnet(subnet()), "subnet_deleted"),
            (Op::CreateSubnet(subnet().spec), "subnet_created"),
            (
                Op::UpdateSubnet {
                    before: subnet(),
                    after: subnet().spec,
                },
                "subnet_updated",
            ),
            (
                Op::CreatePool {
                    subnet: net(),
                    spec: pool().spec,
                },
                "pool_created",
            ),
            (
                Op::UpdatePool {
                    before: pool(),
                    after: pool().spec,
                },
                "pool_updated",
            ),
            (
                Op::CreateReservation {
                    subnet: net(),
                    spec: reservation().spec,
                },
                "reservation_created",
            ),
            (
                Op::UpdateReservation {
                    before: reservation(),
                    after: reservation().spec,
                },
                "reservation_updated",
            ),
            (
                Op::UpdateDefaults {
                    before: Defaults::default(),
                    after: Defaults::default(),
                },
                "defaults_updated",
            ),
        ];
        for target in targets {
            steps.push((
                Op::DeleteOption {
                    target,
                    scope: OptionScope::Global,
                    option: option(),
                },
                "option_deleted",
            ));
            steps.push((
                Op::SetOption {
                    target,
                    option: option(),
                    before: None,
                },
                "option_created",
            ));
            steps.push((
                Op::SetOption {
                    target,
                    option: option(),
                    before: Some(option()),
                },
                "option_updated",
            ));
        }
        steps
    }

    /// Which step `op` is. It names every step, so a new one does not
    /// compile here until `every_step` is given one of it.
    fn step_number(op: &Op) -> usize {
        match op {
            Op::DeleteOption { .. } => 0,
            Op::DeleteReservation(_) => 1,
            Op::DeletePool(_) => 2,
            Op::DeleteSubnet(_) => 3,
            Op::CreateSubnet(_) => 4,
            Op::UpdateSubnet { .. } => 5,
            Op::CreatePool { .. } => 6,
            Op::UpdatePool { .. } => 7,
            Op::CreateReservation { .. } => 8,
            Op::UpdateReservation { .. } => 9,
            Op::SetOption { before: None, .. } => 10,
            Op::SetOption {
                before: Some(_), ..
            } => 11,
            Op::UpdateDefaults { .. } => 12,
        }
    }

    #[test]
    fn every_step_publishes_the_event_it_always_has() {
        let steps = every_step();
        let mut seen: Vec<usize> = steps.iter().map(|(op, _)| step_number(op)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..13).collect::<Vec<_>>(), "a step is missing");
        for (op, name) in steps {
            let c = Change::delete(op);
            let kind = c.event_kind();
            assert_eq!(kind.as_str(), name, "{c:?}");
            // The name a change was published under before its kind was a
            // type: its object kind and action, in the past tense.
            assert_eq!(
                kind.as_str(),
                format!("{}_{}d", c.kind(), c.action()),
                "{c:?}"
            );
            assert_eq!(name.parse::<EventKind>(), Ok(kind));
        }
    }
}
