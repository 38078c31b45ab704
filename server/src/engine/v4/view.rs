//! What the engine may read of the server's state: provisioning and leases,
//! behind a trait so the engine needs no lock, store or table of its own.

use std::net::Ipv4Addr;

pub use crate::model::OptionMap;
use crate::model::{
    BootFields, ClientKey, Lease, Mac, Reservation, ReservationId, Subnet, SubnetId,
};

/// The server's state as the engine reads it.
pub trait View {
    /// The subnet serving clients attached to `iface`, whose address here is `local`.
    fn subnet_for_iface(&self, iface: Option<&str>, local: Ipv4Addr) -> Option<&Subnet>;
    /// The subnet a relay address selects.
    fn subnet_for_relay(&self, giaddr: Ipv4Addr) -> Option<&Subnet>;
    /// The subnet whose network contains `ip`.
    fn subnet_containing(&self, ip: Ipv4Addr) -> Option<&Subnet>;
    /// The reservation of a client in a subnet: by MAC first, then client-id.
    fn reservation(
        &self,
        subnet: SubnetId,
        mac: Option<Mac>,
        client_id: Option<&[u8]>,
    ) -> Option<&Reservation>;
    /// The reservation holding `ip`.
    fn reservation_at(&self, ip: Ipv4Addr) -> Option<&Reservation>;
    /// Options for a client at `ip` (its pool's) or of a reservation, after inheritance.
    fn options(
        &self,
        subnet: SubnetId,
        ip: Ipv4Addr,
        reservation: Option<ReservationId>,
    ) -> &OptionMap;
    /// The lease of an address.
    fn lease_at(&self, ip: Ipv4Addr) -> Option<&Lease>;
    /// The current or previous lease of a client in a subnet.
    fn lease_of(&self, subnet: SubnetId, key: &ClientKey) -> Option<&Lease>;
    /// The current or previous lease made for a hardware address in a
    /// subnet, whatever client identifier it was made under.
    fn lease_of_mac(&self, subnet: SubnetId, mac: Mac) -> Option<&Lease>;
    /// The server-wide boot fields (next server, server name, boot file).
    fn boot_defaults(&self) -> &BootFields;
    /// Whether `ip` is in one of the subnet's pools and not excluded.
    fn allocatable(&self, subnet: SubnetId, ip: Ipv4Addr) -> bool;
    /// A free pool address of the subnet.
    fn next_free(&self, subnet: SubnetId, now: i64) -> Option<Ipv4Addr>;
}
