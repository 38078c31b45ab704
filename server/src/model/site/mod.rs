//! A site: the whole provisioning state as one document, and the plan that
//! brings the store from the state it is in to the state a document names.
//!
//! Objects are matched by their natural keys: a subnet by its network, a
//! pool by its range, a reservation by its address (then MAC, then
//! client-id), an option by its code at its scope. The plan is checked as a
//! whole before anything is written, so every problem of a document is
//! reported at once, each under its path (`subnets[0].pools[1].range`).
//!
//! - `doc`: the document and the store's state, as data;
//! - `change`: the steps of a plan and the event each one publishes;
//! - `matching`: the store's objects a document names, by natural key;
//! - `check`: the rules a whole document must keep;
//! - `plan`: the planner, which puts these together.

mod change;
mod check;
mod doc;
mod matching;
mod plan;

#[cfg(test)]
mod fixtures;

pub use change::{Applied, Change, Op, Target};
pub use doc::{SiteDoc, SitePool, SiteReservation, SiteState, SiteSubnet};
pub use plan::plan;
