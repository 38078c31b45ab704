//! dhcplane-server: the `dhcplaned` daemon as a library, so tests and tools
//! can reach the model and the store directly.

pub mod api;
pub mod clock;
pub mod config;
pub mod engine;
pub mod events;
pub mod leases;
pub mod metrics;
pub mod model;
pub mod net;
pub mod serve;
pub mod store;
