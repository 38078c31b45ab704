//! Why the engine stayed silent, made no offer or sent a DHCPNAK: one name
//! per reason, for the counters (`silent.<reason>`, `nak.<reason>`,
//! `no_offer.<reason>`), the log line and the NAK's message option.

/// Why a request got no reply, no address or a DHCPNAK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// No subnet serves the interface, relay or address the request came from.
    NoSubnet,
    /// The client's reservation holds an address someone else has.
    ReservedAddressInUse,
    /// Every pool address of the subnet is taken.
    NoFreeAddress,
    /// A SELECTING request named another server: our offer is dropped.
    SelectedOtherServer,
    /// A SELECTING request for an address other than the one offered.
    AddressNotOffered,
    /// A SELECTING request naming this server but no address, from a
    /// client that has no offer here.
    NothingOffered,
    /// The requested address is not on the client's network.
    WrongNetwork,
    /// The client has a reservation for another address.
    ReservedElsewhere,
    /// The client's binding here is for another address.
    WrongAddress,
    /// INIT-REBOOT from a client this server has no record of.
    NoRecord,
    /// The address is not this client's to extend.
    AddressNotAvailable,
    /// A DHCPREQUEST with no server identifier, requested address or ciaddr.
    RequestWithoutAddress,
    /// A DHCPRELEASE for a lease the sender does not hold.
    ReleaseNotOwner,
    /// A DHCPDECLINE without a requested address.
    DeclineWithoutAddress,
    /// A DHCPDECLINE for a lease the sender does not hold.
    DeclineNotOwner,
    /// A DHCPINFORM arriving directly with ciaddr 0.
    InformWithoutCiaddr,
    /// A BOOTP request on a subnet that does not serve BOOTP.
    BootpDisabled,
    /// A BOOTP request without a reservation on a subnet that serves BOOTP
    /// from reservations only.
    BootpWithoutReservation,
}

impl Reason {
    /// Every reason, for tests that must cover them all.
    pub const ALL: [Reason; 18] = [
        Reason::NoSubnet,
        Reason::ReservedAddressInUse,
        Reason::NoFreeAddress,
        Reason::SelectedOtherServer,
        Reason::AddressNotOffered,
        Reason::NothingOffered,
        Reason::WrongNetwork,
        Reason::ReservedElsewhere,
        Reason::WrongAddress,
        Reason::NoRecord,
        Reason::AddressNotAvailable,
        Reason::RequestWithoutAddress,
        Reason::ReleaseNotOwner,
        Reason::DeclineWithoutAddress,
        Reason::DeclineNotOwner,
        Reason::InformWithoutCiaddr,
        Reason::BootpDisabled,
        Reason::BootpWithoutReservation,
    ];

    /// The snake_case name counters and logs use.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoSubnet => "no_subnet",
            Reason::ReservedAddressInUse => "reserved_address_in_use",
            Reason::NoFreeAddress => "no_free_address",
            Reason::SelectedOtherServer => "selected_other_server",
            Reason::AddressNotOffered => "address_not_offered",
            Reason::NothingOffered => "nothing_offered",
            Reason::WrongNetwork => "wrong_network",
            Reason::ReservedElsewhere => "reserved_elsewhere",
            Reason::WrongAddress => "wrong_address",
            Reason::NoRecord => "no_record",
            Reason::AddressNotAvailable => "address_not_available",
            Reason::RequestWithoutAddress => "request_without_address",
            Reason::ReleaseNotOwner => "release_not_owner",
            Reason::DeclineWithoutAddress => "decline_without_address",
            Reason::DeclineNotOwner => "decline_not_owner",
            Reason::InformWithoutCiaddr => "inform_without_ciaddr",
            Reason::BootpDisabled => "bootp_disabled",
            Reason::BootpWithoutReservation => "bootp_without_reservation",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
