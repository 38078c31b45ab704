//! [`ProvisioningStore`] for every backend: each method is the operation of
//! its entity file (`subnets.rs`, `pools.rs`, `reservations.rs`,
//! `options.rs`).

use std::net::Ipv4Addr;

use async_trait::async_trait;
use ipnet::Ipv4Net;

use super::dialect::Dialect;
use super::{defaults, options, pools, reservations, subnets, ProvisioningStore, Result};
use crate::model::{
    BootUpdate, Defaults, DhcpOption, OptionScope, Page, Pool, PoolId, PoolSpec, PoolUpdate,
    Reservation, ReservationFilter, ReservationId, ReservationSpec, ReservationUpdate, Subnet,
    SubnetId, SubnetSpec, SubnetUpdate,
};

#[async_trait]
impl<D: Dialect> ProvisioningStore for D {
    async fn create_subnet(&self, spec: &SubnetSpec, options: &[DhcpOption]) -> Result<Subnet> {
        subnets::create(self, spec, options).await
    }

    async fn get_subnet(&self, id: SubnetId) -> Result<Subnet> {
        subnets::get(self, id).await
    }

    async fn find_subnet(&self, cidr: Ipv4Net) -> Result<Subnet> {
        subnets::find(self, cidr).await
    }

    async fn subnet_containing(&self, ip: Ipv4Addr) -> Result<Subnet> {
        subnets::containing(self, ip).await
    }

    async fn list_subnets(&self, interface: Option<&str>, page: Page) -> Result<Vec<Subnet>> {
        subnets::list(self, interface, page).await
    }

    async fn update_subnet(&self, id: SubnetId, update: &SubnetUpdate) -> Result<Subnet> {
        subnets::update(self, id, update).await
    }

    async fn delete_subnet(&self, id: SubnetId, force: bool) -> Result<()> {
        subnets::delete(self, id, force).await
    }

    async fn create_pool(&self, spec: &PoolSpec) -> Result<Pool> {
        pools::create(self, spec).await
    }

    async fn get_pool(&self, id: PoolId) -> Result<Pool> {
        pools::get(self, id).await
    }

    async fn list_pools(&self, subnet: Option<SubnetId>, page: Page) -> Result<Vec<Pool>> {
        pools::list(self, subnet, page).await
    }

    async fn update_pool(&self, id: PoolId, update: &PoolUpdate) -> Result<Pool> {
        pools::update(self, id, update).await
    }

    async fn delete_pool(&self, id: PoolId) -> Result<()> {
        pools::delete(self, id).await
    }

    async fn create_reservation(
        &self,
        spec: &ReservationSpec,
        options: &[DhcpOption],
    ) -> Result<Reservation> {
        reservations::create(self, spec, options).await
    }

    async fn get_reservation(&self, id: ReservationId) -> Result<Reservation> {
        reservations::get(self, id).await
    }

    async fn list_reservations(
        &self,
        filter: &ReservationFilter,
        page: Page,
    ) -> Result<Vec<Reservation>> {
        reservations::list(self, filter, page).await
    }

    async fn update_reservation(
        &self,
        id: ReservationId,
        update: &ReservationUpdate,
    ) -> Result<Reservation> {
        reservations::update(self, id, update).await
    }

    async fn delete_reservation(&self, id: ReservationId) -> Result<Reservation> {
        reservations::delete(self, id).await
    }

    async fn set_option(&self, scope: OptionScope, option: &DhcpOption) -> Result<()> {
        options::set(self, scope, option).await
    }

    async fn list_options(&self, scope: OptionScope) -> Result<Vec<DhcpOption>> {
        options::list(self, scope).await
    }

    async fn delete_option(&self, scope: OptionScope, code: u8) -> Result<()> {
        options::delete(self, scope, code).await
    }

    async fn all_options(&self) -> Result<Vec<(OptionScope, DhcpOption)>> {
        options::all(self).await
    }

    async fn get_defaults(&self) -> Result<Defaults> {
        defaults::get(self).await
    }

    async fn update_defaults(&self, update: &BootUpdate) -> Result<(Defaults, Defaults)> {
        defaults::update(self, update).await
    }
}
