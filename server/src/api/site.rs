//! `dhcplane.v1.Site`: the whole provisioning state as one document, applied
//! in one transaction and exported in the same shape.

use std::net::Ipv4Addr;
use std::str::FromStr;

use dhcplane_proto::v1 as pb;
use serde_json::Value;
use tonic::{Request, Response, Status};
use tracing::info;

use super::convert::{self as cv, lease_times};
use super::{audit, change, principal, status, Api, ApiResult};
use crate::clock::{now_micros, now_unix};
use crate::model::site::{self, Op, Target};
use crate::model::{
    AddrRange, Applied, AuditEntry, BootFields, ClientId, Defaults, DhcpOption, Event, Invalid,
    Mac, OptionScope, Pool, PoolId, PoolSpec, Reservation, ReservationId, ReservationSpec, SiteDoc,
    SitePool, SiteReservation, SiteState, SiteSubnet, Subnet, SubnetId, SubnetSpec,
};
use crate::store::StoreError;

/// Every problem found while reading a document, each under its path.
#[derive(Default)]
struct Problems(Vec<Invalid>);

impl Problems {
    fn note<T>(&mut self, r: Result<T, Invalid>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }

    fn ip(&mut self, field: String, s: &str) -> Option<Ipv4Addr> {
        self.note(s.trim().parse().map_err(|_| {
            Invalid::new(
                field,
                format!("{s:?} is not an IPv4 address; write it like 10.0.0.10"),
            )
        }))
    }

    /// Boot fields of the object at `path`, empty meaning unset; a bad
    /// next server is noted and left unset.
    fn boot(
        &mut self,
        path: &str,
        next_server: &str,
        server_name: &str,
        boot_file: &str,
    ) -> BootFields {
        let next_server = if next_server.trim().is_empty() {
            None
        } else {
            self.ip(format!("{path}.next_server"), next_server)
        };
        BootFields {
            next_server,
            server_name: cv::blank(server_name),
            boot_file: cv::blank(boot_file),
        }
    }

    fn parsed<T: FromStr<Err = String>>(&mut self, field: String, s: &str) -> Option<Option<T>> {
        if s.is_empty() {
            return Some(None);
        }
        self.note(s.parse::<T>().map(Some).map_err(|e| Invalid::new(field, e)))
    }

    fn options(&mut self, path: &str, list: &[pb::OptionSetting]) -> Vec<DhcpOption> {
        let mut out: Vec<DhcpOption> = Vec::with_capacity(list.len());
        for o in list {
            let field = if path.is_empty() {
                format!("options.{}", o.name)
            } else {
                format!("{path}.options.{}", o.name)
            };
            let Some(opt) = self.note(DhcpOption::parse(&field, &o.name, &o.value, o.hex)) else {
                continue;
            };
            if out.iter().any(|x| x.code == opt.code) {
                self.0.push(Invalid::new(
                    field,
                    format!("{} is given twice; give each option once", opt.name()),
                ));
            } else {
                out.push(opt);
            }
        }
        out
    }
}

/// The document a request carries; or the problems reading it, with the
/// part of it that did read.
fn site_doc(d: pb::SiteDocument) -> Result<SiteDoc, (Vec<Invalid>, Box<SiteDoc>)> {
    let mut p = Problems::default();
    let mut doc = SiteDoc {
        options: p.options("", &d.options),
        options_listed: d.options_listed,
        subnets: Vec::with_capacity(d.subnets.len()),
        subnets_listed: d.subnets_listed,
        defaults: d
            .defaults
            .map(|x| p.boot("defaults", &x.next_server, &x.server_name, &x.boot_file)),
    };
    for (i, s) in d.subnets.into_iter().enumerate() {
        let path = format!("subnets[{i}]");
        let cidr = if s.cidr.is_empty() {
            p.0.push(Invalid::new(
                format!("{path}.cidr"),
                "is missing; give the network as CIDR like 10.0.1.0/24",
            ));
            None
        } else {
            p.note(SubnetSpec::parse_cidr(&format!("{path}.cidr"), &s.cidr))
        };
        let relays: Vec<Ipv4Addr> = s
            .relay_addresses
            .iter()
            .enumerate()
            .filter_map(|(j, r)| p.ip(format!("{path}.relay_addresses[{j}]"), r))
            .collect();
        let options = p.options(&path, &s.options);
        let Some(cidr) = cidr else { continue };
        let spec = SubnetSpec {
            cidr,
            interface: cv::blank(&s.interface),
            relays,
            lease: lease_times(s.lease_time_min, s.lease_time_default, s.lease_time_max),
            t1: (s.t1 != 0).then_some(s.t1),
            t2: (s.t2 != 0).then_some(s.t2),
            authoritative: s.authoritative.unwrap_or(true),
            rapid_commit: s.rapid_commit,
            bootp: s.bootp,
            bootp_dynamic: s.bootp_dynamic,
            bootp_lease_time: (s.bootp_lease_time != 0).then_some(s.bootp_lease_time),
            boot: p.boot(&path, &s.next_server, &s.server_name, &s.boot_file),
            description: s.description,
        };
        let mut subnet = SiteSubnet {
            spec,
            options,
            pools: Vec::with_capacity(s.pools.len()),
            reservations: Vec::with_capacity(s.reservations.len()),
        };
        for (j, pool) in s.pools.into_iter().enumerate() {
            let pp = format!("{path}.pools[{j}]");
            let start = p.ip(format!("{pp}.start"), &pool.start);
            let end = p.ip(format!("{pp}.end"), &pool.end);
            let exclusions: Vec<AddrRange> = pool
                .exclusions
                .iter()
                .enumerate()
                .filter_map(|(k, x)| {
                    p.note(
                        x.parse::<AddrRange>()
                            .map_err(|e| Invalid::new(format!("{pp}.exclusions[{k}]"), e)),
                    )
                })
                .collect();
            let options = p.options(&pp, &pool.options);
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            let Some(range) = p.note(
                AddrRange::new(start, end).map_err(|why| Invalid::new(format!("{pp}.range"), why)),
            ) else {
                continue;
            };
            subnet.pools.push(SitePool {
                spec: PoolSpec {
                    subnet_id: SubnetId(0),
                    range,
                    exclusions,
                    description: pool.description,
                },
                options,
            });
        }
        for (j, r) in s.reservations.into_iter().enumerate() {
            let rp = format!("{path}.reservations[{j}]");
            let mac = p.parsed::<Mac>(format!("{rp}.mac"), &r.mac);
            let client_id = p.parsed::<ClientId>(format!("{rp}.client_id"), &r.client_id);
            let ip = if r.ip.is_empty() {
                p.0.push(Invalid::new(
                    format!("{rp}.ip"),
                    "is missing; give the reserved address",
                ));
                None
            } else {
                p.ip(format!("{rp}.ip"), &r.ip)
            };
            let options = p.options(&rp, &r.options);
            let (Some(mac), Some(client_id), Some(ip)) = (mac, client_id, ip) else {
                continue;
            };
            subnet.reservations.push(SiteReservation {
                spec: ReservationSpec {
                    subnet_id: SubnetId(0),
                    mac,
                    client_id,
                    ip,
                    hostname: cv::blank(&r.hostname),
                    labels: r.labels.into_iter().collect(),
                    boot: p.boot(&rp, &r.next_server, &r.server_name, &r.boot_file),
                },
                options,
            });
        }
        doc.subnets.push(subnet);
    }
    if p.0.is_empty() {
        Ok(doc)
    } else {
        Err((p.0, Box::new(doc)))
    }
}

fn settings(list: &[DhcpOption]) -> Vec<pb::OptionSetting> {
    list.iter()
        .map(|o| pb::OptionSetting {
            name: o.name(),
            value: o.value_text(),
            hex: o.value_is_hex(),
        })
        .collect()
}

/// A document as the proto carries it.
fn site_document(d: SiteDoc) -> pb::SiteDocument {
    pb::SiteDocument {
        options: settings(&d.options),
        options_listed: d.options_listed,
        subnets_listed: d.subnets_listed,
        defaults: d.defaults.map(|boot| cv::defaults(Defaults { boot })),
        subnets: d
            .subnets
            .into_iter()
            .map(|s| {
                let spec = s.spec;
                pb::SiteSubnet {
                    cidr: spec.cidr.to_string(),
                    interface: spec.interface.unwrap_or_default(),
                    relay_addresses: spec.relays.iter().map(ToString::to_string).collect(),
                    lease_time_min: spec.lease.min,
                    lease_time_default: spec.lease.default,
                    lease_time_max: spec.lease.max,
                    t1: spec.t1.unwrap_or(0),
                    t2: spec.t2.unwrap_or(0),
                    authoritative: Some(spec.authoritative),
                    rapid_commit: spec.rapid_commit,
                    bootp: spec.bootp,
                    bootp_dynamic: spec.bootp_dynamic,
                    bootp_lease_time: spec.bootp_lease_time.unwrap_or(0),
                    next_server: cv::text_of(spec.boot.next_server),
                    server_name: spec.boot.server_name.unwrap_or_default(),
                    boot_file: spec.boot.boot_file.unwrap_or_default(),
                    description: spec.description,
                    options: settings(&s.options),
                    pools: s
                        .pools
                        .into_iter()
                        .map(|p| pb::SitePool {
                            start: p.spec.range.start.to_string(),
                            end: p.spec.range.end.to_string(),
                            exclusions: p.spec.exclusions.iter().map(ToString::to_string).collect(),
                            description: p.spec.description,
                            options: settings(&p.options),
                        })
                        .collect(),
                    reservations: s
                        .reservations
                        .into_iter()
                        .map(|r| {
                            let pb::Reservation {
                                mac,
                                client_id,
                                ip,
                                hostname,
                                labels,
                                next_server,
                                server_name,
                                boot_file,
                                ..
                            } = cv::reservation(Reservation {
                                id: ReservationId(0),
                                spec: r.spec,
                            });
                            pb::SiteReservation {
                                mac,
                                client_id,
                                ip,
                                hostname,
                                labels,
                                options: settings(&r.options),
                                next_server,
                                server_name,
                                boot_file,
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

/// The audit record of an applied change: its object and the JSON before
/// and after, as the per-object RPCs record them.
fn audit_entry(who: &str, a: &Applied) -> AuditEntry {
    let (id, sid) = (a.id, SubnetId(a.subnet_id));
    let option_scope = |t: &Target| match t {
        Target::Global => OptionScope::Global,
        Target::Subnet(_) => OptionScope::Subnet(SubnetId(id)),
        Target::Pool(_) => OptionScope::Pool(PoolId(id)),
        Target::Reservation(_) => OptionScope::Reservation(ReservationId(id)),
    };
    let subnet = |spec: &SubnetSpec| {
        audit::subnet(&Subnet {
            id: sid,
            spec: spec.clone(),
            created: 0,
            updated: 0,
        })
    };
    let pool = |spec: &PoolSpec| {
        audit::pool(&Pool {
            id: PoolId(id),
            spec: PoolSpec {
                subnet_id: sid,
                ..spec.clone()
            },
        })
    };
    let reservation = |spec: &ReservationSpec| {
        audit::reservation(&Reservation {
            id: ReservationId(id),
            spec: ReservationSpec {
                subnet_id: sid,
                ..spec.clone()
            },
        })
    };
    let (before, after): (Option<Value>, Option<Value>) = match &a.change.op {
        Op::DeleteSubnet(s) => (Some(audit::subnet(s)), None),
        Op::CreateSubnet(s) => (None, Some(subnet(s))),
        Op::UpdateSubnet { before, after } => (Some(audit::subnet(before)), Some(subnet(after))),
        Op::DeletePool(p) => (Some(audit::pool(p)), None),
        Op::CreatePool { spec, .. } => (None, Some(pool(spec))),
        Op::UpdatePool { before, after } => (Some(audit::pool(before)), Some(pool(after))),
        Op::DeleteReservation(r) => (Some(audit::reservation(r)), None),
        Op::CreateReservation { spec, .. } => (None, Some(reservation(spec))),
        Op::UpdateReservation { before, after } => {
            (Some(audit::reservation(before)), Some(reservation(after)))
        }
        Op::DeleteOption { scope, option, .. } => (Some(audit::option(*scope, option)), None),
        Op::UpdateDefaults { before, after } => {
            (Some(audit::defaults(before)), Some(audit::defaults(after)))
        }
        Op::SetOption {
            target,
            option,
            before,
        } => {
            let scope = option_scope(target);
            (
                before.as_ref().map(|b| audit::option(scope, b)),
                Some(audit::option(scope, option)),
            )
        }
    };
    AuditEntry {
        id: 0,
        time: now_micros(),
        principal: who.to_string(),
        action: a.change.event_kind().as_str().to_string(),
        object: format!("{} {}", a.change.kind(), a.change.object()),
        before: before.map(|v| v.to_string()),
        after: after.map(|v| v.to_string()),
    }
}

/// The event an applied change publishes: its kind (every change has one),
/// its subnet, the client of a reservation, and its audit entry's id with
/// the JSON before and after.
fn applied_event(who: &str, a: &Applied) -> Event {
    let mut e = change(a.change.event_kind(), who, None);
    if let Some(n) = a.subnet {
        e.subnet_id = Some(SubnetId(a.subnet_id));
        e.subnet = Some(n);
    }
    match &a.change.op {
        Op::CreateReservation { spec, .. }
        | Op::UpdateReservation { after: spec, .. }
        | Op::DeleteReservation(Reservation { spec, .. }) => {
            e.mac = spec.mac;
            e.client_id = spec.client_id.clone();
            e.ip = Some(spec.ip);
            e.hostname = spec.hostname.clone();
        }
        _ => {}
    }
    if let Some(entry) = &a.audit {
        e.details.insert("audit_id".into(), entry.id.to_string());
        for (k, v) in [("before", &entry.before), ("after", &entry.after)] {
            if let Some(v) = v {
                e.details.insert(k.into(), v.clone());
            }
        }
    }
    e
}

#[tonic::async_trait]
impl pb::site_server::Site for Api {
    async fn apply_site(
        &self,
        req: Request<pb::ApplySiteRequest>,
    ) -> ApiResult<pb::ApplySiteResponse> {
        let who = principal(&req);
        let r = req.into_inner();
        let doc = site_doc(r.site.unwrap_or_default()).map_err(|(mut problems, readable)| {
            // List the document's other problems too (those that need no
            // store state), so one round of fixes can clear them all.
            if let Err(more) = site::plan(&SiteState::default(), &readable, false) {
                problems.extend(more);
            }
            status(StoreError::Rejected(problems))
        })?;
        let audit_of = |a: &Applied| audit_entry(&who, a);
        let applied = self
            .store
            .apply_site(&doc, r.prune, r.dry_run, &audit_of)
            .await
            .map_err(status)?;
        if !r.dry_run && !applied.is_empty() {
            info!(changes = applied.len(), principal = %who, "site applied");
            if let Err(e) = self.leases.reload(now_unix()).await {
                tracing::warn!(error = %e, "site applied but could not be reloaded; the next change retries");
            }
            for a in &applied {
                self.leases.events.emit(applied_event(&who, a));
            }
        }
        Ok(Response::new(pb::ApplySiteResponse {
            changes: applied
                .into_iter()
                .map(|a| pb::PlannedChange {
                    action: a.change.action().into(),
                    kind: a.change.kind().into(),
                    object: a.change.object(),
                    detail: a.change.detail(),
                    path: a.change.path.clone(),
                    id: cv::uid(a.id),
                })
                .collect(),
            applied: !r.dry_run,
        }))
    }

    async fn export_site(
        &self,
        _req: Request<pb::ExportSiteRequest>,
    ) -> ApiResult<pb::SiteDocument> {
        let state = self.store.site_state().await.map_err(status)?;
        Ok(Response::new(site_document(state.to_doc())))
    }
}

/// Rejected documents keep every problem on a line of its own.
pub(super) fn rejected(list: &[Invalid]) -> Status {
    Status::invalid_argument(format!(
        "{} problem(s); nothing was changed:\n{}",
        list.len(),
        list.iter()
            .map(|i| format!("{}: {}", i.field, i.reason))
            .collect::<Vec<_>>()
            .join("\n")
    ))
}
