//! The engine's view of the server: a provisioning snapshot and the lease
//! table, read under the table's lock for one decision.

use std::net::Ipv4Addr;

use crate::engine::v4::{OptionMap, View};
use crate::leases::{LeaseTable, Provisioning};
use crate::model::{
    BootFields, ClientKey, Lease, Mac, Reservation, ReservationId, Subnet, SubnetId,
};

/// The engine's view of the server: a provisioning snapshot and the lease table.
#[derive(Debug, Clone, Copy)]
pub struct StateView<'a> {
    /// Provisioning.
    pub prov: &'a Provisioning,
    /// Leases.
    pub table: &'a LeaseTable,
}

impl View for StateView<'_> {
    fn subnet_for_iface(&self, iface: Option<&str>, local: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_for_iface(iface, local)
    }
    fn subnet_for_relay(&self, giaddr: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_for_relay(giaddr)
    }
    fn subnet_containing(&self, ip: Ipv4Addr) -> Option<&Subnet> {
        self.prov.subnet_containing(ip)
    }
    fn reservation(
        &self,
        subnet: SubnetId,
        mac: Option<Mac>,
        client_id: Option<&[u8]>,
    ) -> Option<&Reservation> {
        self.prov.reservation(subnet, mac, client_id)
    }
    fn reservation_at(&self, ip: Ipv4Addr) -> Option<&Reservation> {
        self.prov.reservation_at(ip)
    }
    fn options(
        &self,
        subnet: SubnetId,
        ip: Ipv4Addr,
        reservation: Option<ReservationId>,
    ) -> &OptionMap {
        self.prov.options(subnet, ip, reservation)
    }
    fn lease_at(&self, ip: Ipv4Addr) -> Option<&Lease> {
        self.table.get(ip)
    }
    fn lease_of(&self, subnet: SubnetId, key: &ClientKey) -> Option<&Lease> {
        self.table.of_client(subnet, key)
    }
    fn lease_of_mac(&self, subnet: SubnetId, mac: Mac) -> Option<&Lease> {
        self.table.of_mac(subnet, mac)
    }
    fn boot_defaults(&self) -> &BootFields {
        &self.prov.defaults().boot
    }
    fn allocatable(&self, subnet: SubnetId, ip: Ipv4Addr) -> bool {
        self.prov.allocatable(subnet, ip)
    }
    fn next_free(&self, subnet: SubnetId, now: i64) -> Option<Ipv4Addr> {
        self.table.next_free(self.prov, subnet, now)
    }
}
