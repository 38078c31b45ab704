//! The `dhcplane.v1` gRPC API, generated from `proto/dhcplane/v1/*.proto`.
//!
//! This crate holds generated types only; conversions to the domain model
//! live in the server's `api/` module and in the CLI.

#![allow(missing_docs, unreachable_pub, clippy::all)]

/// Messages and services of package `dhcplane.v1`.
pub mod v1 {
    tonic::include_proto!("dhcplane.v1");

    /// The encoded file descriptor set of the API, for gRPC server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/dhcplane_descriptor.bin"));
}
