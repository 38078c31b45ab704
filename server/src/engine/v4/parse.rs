//! Parsing and sanitising a client's datagram. The fixed BOOTP header is
//! decoded by `dhcproto`; options are walked here so a bad length drops the
//! packet (dhcproto stops quietly at the first option it cannot decode) and
//! split options are joined (RFC 3396).

use std::net::Ipv4Addr;

use dhcproto::v4::{Message, Opcode};
use dhcproto::{Decodable, Decoder};

use super::code::{self, relay};
use crate::model::{ClientKey, Mac};

/// The DHCP message types (option 53).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum MessageType {
    /// DHCPDISCOVER.
    Discover = 1,
    /// DHCPOFFER.
    Offer = 2,
    /// DHCPREQUEST.
    Request = 3,
    /// DHCPDECLINE.
    Decline = 4,
    /// DHCPACK.
    Ack = 5,
    /// DHCPNAK.
    Nak = 6,
    /// DHCPRELEASE.
    Release = 7,
    /// DHCPINFORM.
    Inform = 8,
}

impl MessageType {
    /// From the option 53 value.
    pub fn from_u8(v: u8) -> Option<Self> {
        use MessageType::*;
        Some(match v {
            1 => Discover,
            2 => Offer,
            3 => Request,
            4 => Decline,
            5 => Ack,
            6 => Nak,
            7 => Release,
            8 => Inform,
            _ => return None,
        })
    }

    /// Lower-case name for logs and counters.
    pub fn name(self) -> &'static str {
        match self {
            MessageType::Discover => "discover",
            MessageType::Offer => "offer",
            MessageType::Request => "request",
            MessageType::Decline => "decline",
            MessageType::Ack => "ack",
            MessageType::Nak => "nak",
            MessageType::Release => "release",
            MessageType::Inform => "inform",
        }
    }
}

/// The messages a client sends (option 53): what the engine decides about.
/// A datagram carrying a server's message type is dropped by [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientMessage {
    /// DHCPDISCOVER.
    Discover,
    /// DHCPREQUEST.
    Request,
    /// DHCPDECLINE.
    Decline,
    /// DHCPRELEASE.
    Release,
    /// DHCPINFORM.
    Inform,
}

impl ClientMessage {
    /// Lower-case name for logs and counters.
    pub fn name(self) -> &'static str {
        MessageType::from(self).name()
    }
}

impl From<ClientMessage> for MessageType {
    fn from(m: ClientMessage) -> Self {
        match m {
            ClientMessage::Discover => MessageType::Discover,
            ClientMessage::Request => MessageType::Request,
            ClientMessage::Decline => MessageType::Decline,
            ClientMessage::Release => MessageType::Release,
            ClientMessage::Inform => MessageType::Inform,
        }
    }
}

/// Why a datagram was dropped before any decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DropReason {
    /// Shorter than a BOOTP header with the magic cookie.
    Truncated,
    /// `op` is not BOOTREQUEST.
    NotBootRequest,
    /// `hlen` is over 16.
    BadHlen,
    /// The magic cookie is wrong.
    BadMagic,
    /// An option's length runs past the end of the packet.
    BadOptions,
    /// Option 53 is missing or holds an unknown type.
    BadMessageType,
    /// A message type only servers send.
    ServerMessage,
    /// Neither option 61 nor an Ethernet hardware address.
    NoClientIdentity,
}

impl DropReason {
    /// Name for logs and counters.
    pub fn name(self) -> &'static str {
        match self {
            DropReason::Truncated => "truncated",
            DropReason::NotBootRequest => "not_bootrequest",
            DropReason::BadHlen => "bad_hlen",
            DropReason::BadMagic => "bad_magic",
            DropReason::BadOptions => "bad_option_length",
            DropReason::BadMessageType => "bad_message_type",
            DropReason::ServerMessage => "server_message",
            DropReason::NoClientIdentity => "no_client_identity",
        }
    }
}

/// A sanitised client request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Transaction id.
    pub xid: u32,
    /// Option 53; `None` for a plain BOOTP request.
    pub msg_type: Option<ClientMessage>,
    /// Hardware type and the raw 16-byte chaddr field, echoed in replies.
    pub htype: u8,
    /// Hardware address length.
    pub hlen: u8,
    /// Raw chaddr.
    pub chaddr: [u8; 16],
    /// chaddr as an Ethernet address (htype 1, hlen 6).
    pub mac: Option<Mac>,
    /// Broadcast flag.
    pub broadcast: bool,
    /// Raw flags, echoed.
    pub flags: u16,
    /// Client address (renewing/rebinding/inform).
    pub ciaddr: Ipv4Addr,
    /// Relay address.
    pub giaddr: Ipv4Addr,
    /// Option 61.
    pub client_id: Option<Vec<u8>>,
    /// Option 50.
    pub requested_ip: Option<Ipv4Addr>,
    /// Option 54.
    pub server_id: Option<Ipv4Addr>,
    /// Option 51.
    pub lease_time: Option<u32>,
    /// Option 55, in the client's order.
    pub prl: Vec<u8>,
    /// Option 57.
    pub max_size: Option<u16>,
    /// Option 12.
    pub hostname: Option<String>,
    /// Option 81's domain name.
    pub fqdn: Option<String>,
    /// Option 82, raw, echoed unchanged.
    pub relay_info: Option<Vec<u8>>,
    /// Link selection: option 82 sub-option 5 (RFC 3527) or option 118 (RFC 3011).
    pub link_selection: Option<Ipv4Addr>,
    /// Option 82 sub-option 19 (RFC 8357): reply to the relay's source port.
    pub relay_port: bool,
    /// Option 82 sub-option 11 (RFC 5107): the server identifier the
    /// relay asks replies to carry.
    pub server_id_override: Option<Ipv4Addr>,
    /// Option 82 sub-option 10 (RFC 5010): whether the relay got the
    /// client's message by unicast; `None` when the relay does not say.
    pub relay_unicast: Option<bool>,
    /// Option 80 (RFC 4039).
    pub rapid_commit: bool,
}

impl Request {
    /// The client's identity.
    pub fn key(&self) -> ClientKey {
        match (&self.client_id, self.mac) {
            (Some(id), _) => ClientKey::Id(id.clone()),
            (None, Some(m)) => ClientKey::Hw(m),
            // parse() refuses requests with neither.
            (None, None) => ClientKey::Id(self.chaddr[..usize::from(self.hlen)].to_vec()),
        }
    }
}

const MAGIC: [u8; 4] = [99, 130, 83, 99];
const HEADER: usize = 236;

/// Walks the options area: `(code, data)` with split options joined.
fn walk(opts: &[u8]) -> Result<Vec<(u8, Vec<u8>)>, DropReason> {
    let mut out: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut i = 0;
    while i < opts.len() {
        let code = opts[i];
        match code {
            code::PAD => i += 1,
            code::END => break,
            _ => {
                let len = usize::from(*opts.get(i + 1).ok_or(DropReason::BadOptions)?);
                let data = opts.get(i + 2..i + 2 + len).ok_or(DropReason::BadOptions)?;
                match out.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, d)) => d.extend_from_slice(data),
                    None => out.push((code, data.to_vec())),
                }
                i += 2 + len;
            }
        }
    }
    Ok(out)
}

fn ipv4(d: &[u8]) -> Option<Ipv4Addr> {
    <[u8; 4]>::try_from(d).ok().map(Ipv4Addr::from)
}

fn text(d: &[u8]) -> Option<String> {
    let s: String = String::from_utf8_lossy(d)
        .trim_end_matches('\0')
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    (!s.is_empty()).then_some(s)
}

/// Option 81 (RFC 4702): flags, two obsolete rcodes, then the name in
/// wire format (E flag) or ASCII.
fn fqdn(d: &[u8]) -> Option<String> {
    let (&flags, rest) = d.split_first()?;
    let name = rest.get(2..)?;
    if flags & 0x04 == 0 {
        return text(name);
    }
    let mut labels = Vec::new();
    let mut i = 0;
    while let Some(&n) = name.get(i) {
        if n == 0 || n > 63 {
            break;
        }
        labels.push(String::from_utf8_lossy(name.get(i + 1..i + 1 + usize::from(n))?).into_owned());
        i += 1 + usize::from(n);
    }
    (!labels.is_empty()).then(|| labels.join("."))
}

/// The relay agent sub-options the engine acts on.
#[derive(Debug, Default)]
struct RelaySuboptions {
    link_selection: Option<Ipv4Addr>,
    relay_port: bool,
    server_id_override: Option<Ipv4Addr>,
    unicast: Option<bool>,
}

/// Reads the sub-options of option 82; a malformed tail is ignored (the
/// option is still echoed unchanged).
fn relay_suboptions(d: &[u8]) -> RelaySuboptions {
    let mut out = RelaySuboptions::default();
    let mut i = 0;
    while i + 1 < d.len() {
        let (code, len) = (d[i], usize::from(d[i + 1]));
        let Some(data) = d.get(i + 2..i + 2 + len) else {
            break;
        };
        match code {
            relay::LINK_SELECTION => out.link_selection = ipv4(data),
            relay::RELAY_PORT => out.relay_port = true,
            relay::SERVER_ID_OVERRIDE => out.server_id_override = ipv4(data),
            relay::FLAGS => out.unicast = data.first().map(|f| f & 0x80 != 0),
            _ => {}
        }
        i += 2 + len;
    }
    out
}

/// Parses and sanitises a datagram received on the server port.
///
/// # Errors
/// The reason the datagram must be dropped.
pub fn parse(bytes: &[u8]) -> Result<Request, DropReason> {
    if bytes.len() < HEADER + MAGIC.len() {
        return Err(DropReason::Truncated);
    }
    if bytes[HEADER..HEADER + 4] != MAGIC {
        return Err(DropReason::BadMagic);
    }
    let opts = walk(&bytes[HEADER + 4..])?;
    // dhcproto decodes the fixed header; its option decoder is not given
    // untrusted options (it panics on some, e.g. a short option 81).
    let mut header = [0u8; HEADER + 5];
    header[..HEADER + 4].copy_from_slice(&bytes[..HEADER + 4]);
    header[HEADER + 4] = 255;
    let msg = Message::decode(&mut Decoder::new(&header)).map_err(|_| DropReason::Truncated)?;
    if msg.opcode() != Opcode::BootRequest {
        return Err(DropReason::NotBootRequest);
    }
    if msg.hlen() > 16 {
        return Err(DropReason::BadHlen);
    }
    let get = |code: u8| {
        opts.iter()
            .find(|(c, _)| *c == code)
            .map(|(_, d)| d.as_slice())
    };
    let msg_type = match get(code::MESSAGE_TYPE) {
        None => None,
        Some([t]) => Some(
            match MessageType::from_u8(*t).ok_or(DropReason::BadMessageType)? {
                MessageType::Discover => ClientMessage::Discover,
                MessageType::Request => ClientMessage::Request,
                MessageType::Decline => ClientMessage::Decline,
                MessageType::Release => ClientMessage::Release,
                MessageType::Inform => ClientMessage::Inform,
                MessageType::Offer | MessageType::Ack | MessageType::Nak => {
                    return Err(DropReason::ServerMessage)
                }
            },
        ),
        Some(_) => return Err(DropReason::BadMessageType),
    };
    let mut chaddr = [0u8; 16];
    chaddr.copy_from_slice(&bytes[28..44]);
    let htype = bytes[1];
    let mac = (htype == 1 && msg.hlen() == 6).then(|| {
        let mut m = [0u8; 6];
        m.copy_from_slice(&chaddr[..6]);
        Mac(m)
    });
    let client_id = get(code::CLIENT_ID)
        .filter(|d| d.len() >= 2)
        .map(<[u8]>::to_vec);
    if client_id.is_none() && mac.is_none() {
        return Err(DropReason::NoClientIdentity);
    }
    let relay_info = get(code::RELAY_AGENT_INFO).map(<[u8]>::to_vec);
    let sub = relay_info
        .as_deref()
        .map(relay_suboptions)
        .unwrap_or_default();
    let flags = u16::from_be_bytes([bytes[10], bytes[11]]);
    Ok(Request {
        xid: msg.xid(),
        msg_type,
        htype,
        hlen: msg.hlen(),
        chaddr,
        mac,
        broadcast: flags & 0x8000 != 0,
        flags,
        ciaddr: msg.ciaddr(),
        giaddr: msg.giaddr(),
        client_id,
        requested_ip: get(code::REQUESTED_IP).and_then(ipv4),
        server_id: get(code::SERVER_ID).and_then(ipv4),
        lease_time: get(code::LEASE_TIME)
            .and_then(|d| <[u8; 4]>::try_from(d).ok())
            .map(u32::from_be_bytes),
        prl: get(code::PARAMETER_REQUEST_LIST)
            .map(<[u8]>::to_vec)
            .unwrap_or_default(),
        max_size: get(code::MAX_MESSAGE_SIZE)
            .and_then(|d| <[u8; 2]>::try_from(d).ok())
            .map(u16::from_be_bytes),
        hostname: get(code::HOST_NAME).and_then(text),
        fqdn: get(code::CLIENT_FQDN).and_then(fqdn),
        link_selection: sub
            .link_selection
            .or_else(|| get(code::SUBNET_SELECTION).and_then(ipv4)),
        relay_info,
        relay_port: sub.relay_port,
        server_id_override: sub.server_id_override,
        relay_unicast: sub.unicast,
        rapid_commit: get(code::RAPID_COMMIT).is_some(),
    })
}
