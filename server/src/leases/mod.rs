//! Leases at run time: the provisioning snapshot and the lease table the
//! packet path reads, the lease service that applies the engine's
//! decisions, the DHCPv4 handler the sockets call, the commit pipeline
//! that makes bindings durable before they are acknowledged, and lease
//! expiry and store housekeeping.

mod commit;
mod handler;
mod lifecycle;
mod provisioning;
mod service;
mod table;
mod view;
#[cfg(any(test, feature = "testkit"))]
pub mod world;

pub use commit::{run_committer, CommitItem, CommitLanes};
pub use handler::DhcpV4;
pub use lifecycle::{start, Running};
pub use provisioning::Provisioning;
pub use service::{Handled, LeaseService};
pub use table::LeaseTable;
pub use view::StateView;
