//! Leases at run time: the provisioning snapshot and the lease table the
//! packet path reads, the engine adapter, counters, expiry, and the commit
//! pipeline that makes bindings durable before they are acknowledged.

mod commit;
mod counters;
mod provisioning;
mod service;
mod table;

pub use commit::{run_committer, CommitItem, CommitLanes};
pub use counters::Counters;
pub use provisioning::Provisioning;
pub use service::{Handled, LeaseService, StateView};
pub use table::LeaseTable;
