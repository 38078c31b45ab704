//! DHCPv4 option codes the engine reads or writes, by their RFC names
//! (RFC 2132 unless noted). Options an operator configures are carried by
//! code and need no name here.

/// Subnet Mask.
pub const SUBNET_MASK: u8 = 1;
/// Host Name.
pub const HOST_NAME: u8 = 12;
/// Requested IP Address.
pub const REQUESTED_IP: u8 = 50;
/// IP Address Lease Time.
pub const LEASE_TIME: u8 = 51;
/// Option Overload: options continue in `file` (1), `sname` (2) or both (3).
pub const OVERLOAD: u8 = 52;
/// DHCP Message Type.
pub const MESSAGE_TYPE: u8 = 53;
/// Server Identifier.
pub const SERVER_ID: u8 = 54;
/// Parameter Request List.
pub const PARAMETER_REQUEST_LIST: u8 = 55;
/// Message: the text a DHCPNAK carries.
pub const MESSAGE: u8 = 56;
/// Maximum DHCP Message Size.
pub const MAX_MESSAGE_SIZE: u8 = 57;
/// Renewal (T1) Time Value.
pub const RENEWAL_TIME: u8 = 58;
/// Rebinding (T2) Time Value.
pub const REBINDING_TIME: u8 = 59;
/// Client-identifier.
pub const CLIENT_ID: u8 = 61;
/// TFTP server name (the `sname` field's value as an option).
pub const TFTP_SERVER_NAME: u8 = 66;
/// Bootfile name (the `file` field's value as an option).
pub const BOOTFILE_NAME: u8 = 67;
/// Rapid Commit (RFC 4039).
pub const RAPID_COMMIT: u8 = 80;
/// Client FQDN (RFC 4702).
pub const CLIENT_FQDN: u8 = 81;
/// Relay Agent Information (RFC 3046).
pub const RELAY_AGENT_INFO: u8 = 82;
/// Subnet Selection (RFC 3011).
pub const SUBNET_SELECTION: u8 = 118;
/// Pad.
pub const PAD: u8 = 0;
/// End.
pub const END: u8 = 255;

/// Sub-options of Relay Agent Information (option 82).
pub mod relay {
    /// Link Selection (RFC 3527): the client's link, when giaddr is not on it.
    pub const LINK_SELECTION: u8 = 5;
    /// Relay Agent Flags (RFC 5010): bit 7 set when the relay got the
    /// client's message by unicast.
    pub const FLAGS: u8 = 10;
    /// Server Identifier Override (RFC 5107): the address the server puts
    /// in option 54, so renewals reach the relay.
    pub const SERVER_ID_OVERRIDE: u8 = 11;
    /// Relay Source Port (RFC 8357): reply to the relay's source port.
    pub const RELAY_PORT: u8 = 19;
}
