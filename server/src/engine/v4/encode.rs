//! Encoding replies. Options go in the order given (the decision puts them
//! in the client's option 55 order), values over 255 bytes are split
//! (RFC 3396), the packet fits the client's option 57 limit (not counting
//! the relay's option 82, which the relay strips), and when the
//! options area is full the `file` then `sname` fields carry the rest
//! (option 52, RFC 2132 section 9.3) unless they carry a server host name
//! or boot file of their own. Option 82 goes last (RFC 3046).

use std::net::Ipv4Addr;

use super::code;
use super::{MessageType, Request};

/// The fields of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplySpec<'a> {
    /// The request answered.
    pub req: &'a Request,
    /// Option 53; `None` for a BOOTREPLY.
    pub msg_type: Option<MessageType>,
    /// Client address field (echoed for ACKs to INFORM and renewals).
    pub ciaddr: Ipv4Addr,
    /// Your address.
    pub yiaddr: Ipv4Addr,
    /// Server address for the next boot stage (next-server).
    pub siaddr: Ipv4Addr,
    /// Server host name for the `sname` field; empty leaves the field to
    /// option overload. Longer than 63 bytes is cut.
    pub sname: &'a [u8],
    /// Boot file name for the `file` field; empty leaves the field to
    /// option overload. Longer than 127 bytes is cut.
    pub file: &'a [u8],
    /// Option 54.
    pub server_id: Ipv4Addr,
    /// Options after 53 and 54, in sending order.
    pub options: Vec<(u8, Vec<u8>)>,
}

/// Smallest datagram every client must accept (RFC 2131 section 2).
const MIN_DATAGRAM: usize = 576;
/// IPv4 and UDP headers.
const IP_UDP: usize = 28;
const HEADER: usize = 236;
const MAGIC: [u8; 4] = [99, 130, 83, 99];

/// An option as TLVs, split into 255-byte pieces.
fn tlv(code: u8, data: &[u8], out: &mut Vec<u8>) {
    if data.is_empty() {
        out.extend_from_slice(&[code, 0]);
    }
    for chunk in data.chunks(255) {
        out.push(code);
        out.push(chunk.len() as u8);
        out.extend_from_slice(chunk);
    }
}

/// Encodes the reply.
pub fn encode_reply(spec: &ReplySpec<'_>) -> Vec<u8> {
    let req = spec.req;
    let limit = usize::from(req.max_size.unwrap_or(0)).max(MIN_DATAGRAM) - IP_UDP;
    let room = limit - HEADER - MAGIC.len();

    let mut head = Vec::with_capacity(16);
    if let Some(t) = spec.msg_type {
        tlv(code::MESSAGE_TYPE, &[t as u8], &mut head);
        tlv(code::SERVER_ID, &spec.server_id.octets(), &mut head);
    }
    let mut tail = Vec::new();
    if let Some(r) = &req.relay_info {
        tlv(code::RELAY_AGENT_INFO, r, &mut tail);
    }
    // Each option as its TLV pieces (RFC 3396 splits values over 255).
    let encoded: Vec<Vec<Vec<u8>>> = spec
        .options
        .iter()
        .map(|(c, d)| {
            let mut pieces = Vec::new();
            if d.is_empty() {
                pieces.push(vec![*c, 0]);
            }
            for chunk in d.chunks(255) {
                let mut v = Vec::with_capacity(chunk.len() + 2);
                tlv(*c, chunk, &mut v);
                pieces.push(v);
            }
            pieces
        })
        .collect();

    // Main area first; when everything does not fit, reserve option 52 and
    // run on into `file` (128) then `sname` (64), each ending with End,
    // unless the field carries its own value. The pieces of one option stay
    // in order across the areas, as RFC 3396 concatenates them. Option 82
    // is not counted against the client's limit: the relay strips it before
    // the reply reaches the client (RFC 3046 section 2.2).
    let total: usize = encoded.iter().flatten().map(Vec::len).sum();
    let fits_all = head.len() + total < room;
    let caps = [
        room - 1 - if fits_all { 0 } else { 3 },
        if spec.file.is_empty() { 127 } else { 0 },
        if spec.sname.is_empty() { 63 } else { 0 },
    ];
    let mut areas: [Vec<u8>; 3] = [head, Vec::new(), Vec::new()];
    for pieces in encoded {
        let mut used = [areas[0].len(), areas[1].len(), areas[2].len()];
        let mut placement = Vec::with_capacity(pieces.len());
        let mut area = 0;
        for piece in &pieces {
            while area < 3 && used[area] + piece.len() > caps[area] {
                area += 1;
            }
            if area == 3 {
                break;
            }
            used[area] += piece.len();
            placement.push(area);
        }
        // An option that does not fit whole is left out: the client's limit wins.
        if placement.len() == pieces.len() {
            for (piece, a) in pieces.iter().zip(placement) {
                areas[a].extend_from_slice(piece);
            }
        }
    }
    let [mut main, file, sname] = areas;
    let overload = match (file.is_empty(), sname.is_empty()) {
        (true, true) => None,
        (false, true) => Some(1u8),
        (true, false) => Some(2),
        (false, false) => Some(3),
    };
    if let Some(o) = overload {
        tlv(code::OVERLOAD, &[o], &mut main);
    }
    main.extend_from_slice(&tail);
    main.push(code::END);

    let mut b = Vec::with_capacity(HEADER + MAGIC.len() + main.len().max(64));
    b.push(2); // BOOTREPLY
    b.push(req.htype);
    b.push(req.hlen);
    b.push(0); // hops
    b.extend_from_slice(&req.xid.to_be_bytes());
    b.extend_from_slice(&[0, 0]); // secs
    b.extend_from_slice(&req.flags.to_be_bytes());
    b.extend_from_slice(&spec.ciaddr.octets());
    b.extend_from_slice(&spec.yiaddr.octets());
    b.extend_from_slice(&spec.siaddr.octets());
    b.extend_from_slice(&req.giaddr.octets());
    b.extend_from_slice(&req.chaddr);
    let field = |area: &[u8], value: &[u8], len: usize, b: &mut Vec<u8>| {
        let mut f = if value.is_empty() {
            let mut f = area.to_vec();
            if !f.is_empty() {
                f.push(code::END);
            }
            f
        } else {
            // A NUL-terminated string (RFC 2131 section 2).
            value[..value.len().min(len - 1)].to_vec()
        };
        f.resize(len, 0);
        b.extend_from_slice(&f);
    };
    field(&sname, spec.sname, 64, &mut b);
    field(&file, spec.file, 128, &mut b);
    b.extend_from_slice(&MAGIC);
    b.extend_from_slice(&main);
    // BOOTP relays and old clients expect at least the 300-byte BOOTP size.
    if b.len() < 300 {
        b.resize(300, 0);
    }
    b
}
