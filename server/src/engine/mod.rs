//! Sans-IO protocol logic: `(request, view of state, now) -> decision`.
//! No sockets, no database, no async, no clock reads: the network layer
//! and the lease table are adapters around it.

pub mod v4;
