//! The DHCPv4 server behind the sockets: the lease service as the
//! sockets' [`PacketHandler`]. A reply whose binding must be durable goes
//! to the commit lanes with its binding and leaves from there once the
//! binding is in the store; every other reply leaves at once.

use std::sync::Arc;

use tracing::debug;

use super::{CommitItem, CommitLanes, LeaseService};
use crate::engine::v4::{Arrival, Reply};
use crate::net::{Outgoing, PacketHandler, Via};

/// The lease service and the commit lanes its bindings go through.
#[derive(Debug)]
pub struct DhcpV4 {
    service: Arc<LeaseService>,
    commits: CommitLanes<Outgoing>,
}

impl DhcpV4 {
    /// A handler deciding with `service` and committing through `commits`.
    pub fn new(service: Arc<LeaseService>, commits: CommitLanes<Outgoing>) -> Self {
        Self { service, commits }
    }
}

impl PacketHandler for DhcpV4 {
    fn handle(&self, datagram: &[u8], arrival: &Arrival<'_>, via: &Via, now: i64) -> Option<Reply> {
        let handled = self.service.handle(datagram, arrival, now);
        if handled.durable.is_empty() {
            if let Some(e) = handled.event {
                self.service.events.emit(e);
            }
            return handled.reply;
        }
        let item = CommitItem {
            leases: handled.durable,
            events: handled.event.into_iter().collect(),
            then: handled.reply.map(|reply| Outgoing {
                via: via.clone(),
                reply,
            }),
            span: handled.span,
        };
        if let Err(item) = self.commits.try_send(item) {
            item.span
                .in_scope(|| debug!("commit queue full; request dropped"));
            self.service.counters.add("drop.commit_queue_full", 1);
        }
        None
    }
}
