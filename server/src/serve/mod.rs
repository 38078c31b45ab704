//! The DHCP server proper: the engine run against the lease layer's state,
//! behind the sockets' packet-handler trait. `v4.rs` is DHCPv4: parse,
//! decide, apply, count, log, publish, and hand bindings to the commit
//! lanes; `view.rs` is what the engine reads. This is the one place where
//! the engine, the lease layer and the sockets meet.

mod v4;
mod view;
#[cfg(any(test, feature = "testkit"))]
pub mod world;

use std::sync::Arc;

use tokio::sync::watch;

use crate::engine::v4::Config;
use crate::leases::{self, LeaseService, Running};
use crate::net::{Outgoing, Replies};

pub use v4::{DhcpV4, Handled};
pub use view::StateView;

/// Starts the lease layer's tasks for `service` (`lanes` commit lanes whose
/// replies leave through `replies`, expiry, housekeeping, all stopping when
/// `shutdown` turns true) and returns the DHCPv4 server for the sockets,
/// deciding with `cfg`.
pub fn start(
    service: &Arc<LeaseService>,
    cfg: Config,
    replies: Replies,
    lanes: usize,
    shutdown: &watch::Receiver<bool>,
) -> (DhcpV4, Running) {
    let (commits, running) = leases::start(
        service,
        move |outs: Vec<Outgoing>| replies.send(&outs),
        lanes,
        shutdown,
    );
    (DhcpV4::new(service.clone(), commits, cfg), running)
}
