//! DHCPv4 (RFC 2131/2132): parse and sanitise a request, decide, encode the
//! reply. Everything here is a pure function of its inputs.
//!
//! Read in this order: `parse.rs` (what a request is), `view.rs` (what the
//! engine may read), `decide.rs` (DISCOVER, RELEASE, DECLINE, INFORM, BOOTP
//! and what they share), `request.rs` (DHCPREQUEST by client state),
//! `encode.rs` (the reply on the wire).

pub mod code;
mod decide;
mod encode;
mod parse;
mod reason;
mod request;
mod timing;
mod view;

use std::net::{Ipv4Addr, SocketAddrV4};

pub use decide::{decide, Config, Decision, Outcome};
pub use encode::{encode_reply, ReplySpec};
pub use parse::{parse, ClientMessage, DropReason, MessageType, Request};
pub use reason::Reason;
pub use request::{client_state, ClientState};
pub use timing::LeaseTiming;
pub use view::{OptionMap, View};

/// Where a reply goes (RFC 2131 section 4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// To the relay agent (giaddr) at this address and port.
    Relay(SocketAddrV4),
    /// To the client's configured address (ciaddr).
    Client(SocketAddrV4),
    /// To 255.255.255.255 on the arrival interface.
    Broadcast,
    /// To `ip` at hardware address `mac`, which has no ARP entry yet:
    /// the network layer makes one, then sends unicast.
    Hardware {
        /// The address just assigned (yiaddr).
        ip: Ipv4Addr,
        /// The client's hardware address (chaddr).
        mac: crate::model::Mac,
    },
}

/// An encoded reply and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The datagram.
    pub bytes: Vec<u8>,
    /// Destination.
    pub to: Destination,
    /// Message type sent (for logs and counters); `None` for BOOTREPLY.
    pub msg_type: Option<MessageType>,
}

/// Where a packet came from, as the network layer saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival<'a> {
    /// UDP source.
    pub src: SocketAddrV4,
    /// The local address the packet arrived on (IP_PKTINFO `ipi_spec_dst`):
    /// our server identifier.
    pub local: Ipv4Addr,
    /// Name of the arrival interface, when known.
    pub iface: Option<&'a str>,
    /// Sent to a broadcast address (tells REBINDING from RENEWING).
    pub broadcast: bool,
}

#[cfg(test)]
mod tests;
