//! Lease timing: how long a binding lasts and when the client renews
//! (T1) and rebinds (T2).

use crate::model::SubnetSpec;

/// The lease time and renewal times a reply announces, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaseTiming {
    /// IP address lease time (option 51).
    pub lease: u32,
    /// Renewal time T1 (option 58).
    pub t1: u32,
    /// Rebinding time T2 (option 59).
    pub t2: u32,
}

impl LeaseTiming {
    /// The subnet's timing for a client that asked for `requested` seconds:
    /// the lease clamped to the subnet's bounds; "T1 defaults to (0.5 *
    /// duration_of_lease). T2 defaults to (0.875 * duration_of_lease)"
    /// (RFC 2131 section 4.4.5), each no later than the next.
    pub fn of(subnet: &SubnetSpec, requested: Option<u32>) -> Self {
        let lease = subnet.lease.grant(requested);
        let t2 = subnet
            .t2
            .unwrap_or((u64::from(lease) * 7 / 8) as u32)
            .min(lease);
        let t1 = subnet.t1.unwrap_or(lease / 2).min(t2);
        Self { lease, t1, t2 }
    }
}
