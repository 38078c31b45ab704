//! Leases at run time, for any protocol: the provisioning snapshot and the
//! lease table the packet path reads (with the per-pool allocators), the
//! lease service that loads and keeps them current, the commit pipeline
//! that makes bindings durable before they are acknowledged, lease expiry
//! and store housekeeping. No DHCPv4 type is spoken here: the engine's
//! decisions arrive as model types (`LeaseChange`, `ClientKey`).

mod commit;
mod lifecycle;
mod provisioning;
mod service;
mod table;

pub use commit::{run_committer, CommitItem, CommitLanes};
pub use lifecycle::{start, Running};
pub use provisioning::Provisioning;
pub use service::LeaseService;
pub use table::LeaseTable;
