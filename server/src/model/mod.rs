//! Domain types of dhcplane: subnets, pools, reservations, leases, DHCP
//! options, events, API tokens and audit entries. Pure data and
//! validation; no I/O, no clock reads.

mod addr;
mod audit;
mod boot;
mod event;
mod lease;
pub mod options;
mod pool;
mod reservation;
pub mod site;
mod subnet;
mod token;

pub use addr::{AddrRange, ClientId, Mac};
pub use audit::AuditEntry;
pub use boot::{BootFields, BootUpdate, Defaults};
pub use event::{Event, EventFilter, EventKind};
pub use lease::{Binding, ClientKey, Lease, LeaseChange, LeaseFilter, LeaseState};
pub use options::{DhcpOption, OptionMap, OptionScope};
pub use pool::{Pool, PoolId, PoolSpec, PoolUpdate};
pub use reservation::{
    Reservation, ReservationFilter, ReservationId, ReservationSpec, ReservationUpdate,
};
pub use site::{Applied, SiteDoc, SitePool, SiteReservation, SiteState, SiteSubnet};
pub use subnet::{LeaseTimes, Subnet, SubnetId, SubnetSpec, SubnetUpdate};
pub use token::{check_token_name, Role, Token};

/// A value that failed validation: names the field and says what is wrong
/// and, where it helps, how to fix it. Displays as `"{field} {reason}"`, e.g.
/// `reservation.ip 10.9.0.5 is outside subnet 10.0.0.0/24`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} {reason}")]
pub struct Invalid {
    /// Dotted path of the offending field, e.g. `pool.start`.
    pub field: String,
    /// What is wrong with it, and the fix.
    pub reason: String,
}

impl Invalid {
    /// An error for `field`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// A page of a listing: items with a key greater than `after`, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Exclusive lower bound of the listing key (0: from the start).
    pub after: i64,
    /// Maximum number of items.
    pub limit: u32,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            after: 0,
            limit: 100,
        }
    }
}
