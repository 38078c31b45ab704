//! DHCP options: the catalog of named options with their value types, the
//! text <-> wire encoding of each type, option scopes and inheritance
//! (reservation > pool > subnet > global).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::Ipv4Addr;

use super::addr::{hex_colon, parse_hex};
use super::{Invalid, PoolId, ReservationId, SubnetId};

/// How an option's value is written in text and encoded on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionType {
    /// One IPv4 address.
    Ipv4,
    /// One or more IPv4 addresses, comma-separated.
    Ipv4List,
    /// Destination/router pairs (option 33): `10.1.0.0 10.0.0.1, ...`.
    Ipv4Pairs,
    /// Text (NVT ASCII).
    Text,
    /// Unsigned 8-bit integer.
    U8,
    /// Unsigned 16-bit integer.
    U16,
    /// Unsigned 32-bit integer.
    U32,
    /// Signed 32-bit integer.
    I32,
    /// `true`/`false` as one byte.
    Bool,
    /// Domain names, comma-separated, RFC 1035 encoded (RFC 3397).
    DomainList,
    /// Classless static routes (RFC 3442): `10.1.0.0/16 via 10.0.0.1, ...`.
    Routes,
    /// Raw bytes in hex.
    Hex,
}

impl OptionType {
    /// Name of the type as shown to users.
    pub fn name(self) -> &'static str {
        match self {
            OptionType::Ipv4 => "ipv4",
            OptionType::Ipv4List => "ipv4-list",
            OptionType::Ipv4Pairs => "ipv4-pairs",
            OptionType::Text => "string",
            OptionType::U8 => "uint8",
            OptionType::U16 => "uint16",
            OptionType::U32 => "uint32",
            OptionType::I32 => "int32",
            OptionType::Bool => "bool",
            OptionType::DomainList => "domain-list",
            OptionType::Routes => "routes",
            OptionType::Hex => "hex",
        }
    }

    fn example(self) -> &'static str {
        match self {
            OptionType::Ipv4 => "10.0.0.1",
            OptionType::Ipv4List => "10.0.0.1,10.0.0.2",
            OptionType::Ipv4Pairs => "10.1.0.0 10.0.0.1",
            OptionType::Text => "text",
            OptionType::U8 | OptionType::U16 | OptionType::U32 => "1500",
            OptionType::I32 => "-3600",
            OptionType::Bool => "true",
            OptionType::DomainList => "lab.example,example.com",
            OptionType::Routes => "10.1.0.0/16 via 10.0.0.1",
            OptionType::Hex => "01:02:0a",
        }
    }
}

/// A named option the server knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionDef {
    /// Option code.
    pub code: u8,
    /// Canonical name.
    pub name: &'static str,
    /// Value type.
    pub ty: OptionType,
}

const fn def(code: u8, name: &'static str, ty: OptionType) -> OptionDef {
    OptionDef { code, name, ty }
}

use OptionType as T;

/// Every named option, by code.
pub const CATALOG: &[OptionDef] = &[
    def(2, "time-offset", T::I32),
    def(3, "routers", T::Ipv4List),
    def(4, "time-servers", T::Ipv4List),
    def(5, "name-servers", T::Ipv4List),
    def(6, "domain-name-servers", T::Ipv4List),
    def(7, "log-servers", T::Ipv4List),
    def(9, "lpr-servers", T::Ipv4List),
    def(12, "host-name", T::Text),
    def(13, "boot-size", T::U16),
    def(14, "merit-dump", T::Text),
    def(15, "domain-name", T::Text),
    def(16, "swap-server", T::Ipv4),
    def(17, "root-path", T::Text),
    def(18, "extensions-path", T::Text),
    def(19, "ip-forwarding", T::Bool),
    def(20, "non-local-source-routing", T::Bool),
    def(22, "max-dgram-reassembly", T::U16),
    def(23, "default-ip-ttl", T::U8),
    def(24, "path-mtu-aging-timeout", T::U32),
    def(26, "interface-mtu", T::U16),
    def(27, "all-subnets-local", T::Bool),
    def(28, "broadcast-address", T::Ipv4),
    def(29, "perform-mask-discovery", T::Bool),
    def(31, "router-discovery", T::Bool),
    def(32, "router-solicitation-address", T::Ipv4),
    def(33, "static-routes", T::Ipv4Pairs),
    def(34, "trailer-encapsulation", T::Bool),
    def(35, "arp-cache-timeout", T::U32),
    def(36, "ieee802-3-encapsulation", T::Bool),
    def(37, "default-tcp-ttl", T::U8),
    def(38, "tcp-keepalive-interval", T::U32),
    def(39, "tcp-keepalive-garbage", T::Bool),
    def(40, "nis-domain", T::Text),
    def(41, "nis-servers", T::Ipv4List),
    def(42, "ntp-servers", T::Ipv4List),
    def(43, "vendor-specific", T::Hex),
    def(44, "netbios-name-servers", T::Ipv4List),
    def(45, "netbios-dd-server", T::Ipv4List),
    def(46, "netbios-node-type", T::U8),
    def(47, "netbios-scope", T::Text),
    def(48, "font-servers", T::Ipv4List),
    def(49, "x-display-manager", T::Ipv4List),
    def(60, "vendor-class-identifier", T::Text),
    def(64, "nisplus-domain-name", T::Text),
    def(65, "nisplus-servers", T::Ipv4List),
    def(66, "tftp-server-name", T::Text),
    def(67, "bootfile-name", T::Text),
    def(68, "mobile-ip-home-agent", T::Ipv4List),
    def(69, "smtp-server", T::Ipv4List),
    def(70, "pop-server", T::Ipv4List),
    def(71, "nntp-server", T::Ipv4List),
    def(72, "www-server", T::Ipv4List),
    def(73, "finger-server", T::Ipv4List),
    def(74, "irc-server", T::Ipv4List),
    def(75, "streettalk-server", T::Ipv4List),
    def(76, "stda-server", T::Ipv4List),
    def(100, "pcode", T::Text),
    def(101, "tcode", T::Text),
    def(108, "v6-only-preferred", T::U32),
    def(114, "captive-portal", T::Text),
    def(119, "domain-search", T::DomainList),
    def(121, "classless-static-routes", T::Routes),
    def(125, "vivso-suboptions", T::Hex),
    def(138, "capwap-ac-v4", T::Ipv4List),
    def(150, "tftp-server-address", T::Ipv4List),
    def(252, "wpad-url", T::Text),
];

/// Short names operators also type.
const ALIASES: &[(&str, u8)] = &[
    ("router", 3),
    ("dns", 6),
    ("dns-servers", 6),
    ("domain", 15),
    ("mtu", 26),
    ("ntp", 42),
    ("vendor-encapsulated-options", 43),
    ("tftp-server", 66),
    ("bootfile", 67),
    ("search", 119),
    ("classless-routes", 121),
];

/// Codes the server sets itself; setting them by hand would contradict it.
fn managed_by_server(code: u8) -> Option<&'static str> {
    match code {
        1 => Some("subnet-mask is derived from the subnet's prefix"),
        50..=59 => Some(
            "this option belongs to the DHCP exchange; lease time, T1 and T2 are subnet settings",
        ),
        61 => Some("client-identifier is sent by the client"),
        81 => Some("client-fqdn is negotiated with the client"),
        82 => Some("relay-agent-information is added by relays"),
        _ => None,
    }
}

/// Finds an option by name, alias or decimal code.
///
/// # Errors
/// When the name is unknown, or the code is 0, 255 or managed by the server.
pub fn lookup(field: &str, name: &str) -> Result<(u8, Option<&'static OptionDef>), Invalid> {
    let n = name.trim().to_ascii_lowercase();
    let code = if let Ok(c) = n.trim_start_matches("option-").parse::<u16>() {
        if !(1..=254).contains(&c) {
            return Err(Invalid::new(
                field,
                format!("{name:?} is not an option code; codes run from 1 to 254"),
            ));
        }
        c as u8
    } else if let Some(d) = CATALOG.iter().find(|d| d.name == n) {
        d.code
    } else if let Some((_, c)) = ALIASES.iter().find(|(a, _)| *a == n) {
        *c
    } else {
        return Err(Invalid::new(
            field,
            format!("{name:?} is not a known option; use a name from `dhcpctl option names` or a decimal code with a hex value"),
        ));
    };
    if let Some(why) = managed_by_server(code) {
        return Err(Invalid::new(
            field,
            format!("option {code} cannot be set: {why}"),
        ));
    }
    Ok((code, definition(code)))
}

/// The catalog entry of `code`, if it has one.
pub fn definition(code: u8) -> Option<&'static OptionDef> {
    CATALOG.iter().find(|d| d.code == code)
}

/// The canonical name of `code`: its catalog name or `option-N`.
pub fn name_of(code: u8) -> String {
    definition(code).map_or_else(|| format!("option-{code}"), |d| d.name.to_string())
}

/// Longest value accepted; longer ones would not fit a DHCP packet.
pub const MAX_OPTION_LEN: usize = 1024;

/// A DHCP option with its wire value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DhcpOption {
    /// Option code, 1..=254.
    pub code: u8,
    /// Wire bytes (may exceed 255: sent as RFC 3396 long options).
    pub data: Vec<u8>,
}

impl DhcpOption {
    /// Parses an option setting: a name or code and a text value, or hex
    /// bytes when `hex` is set or the option has no known type.
    ///
    /// # Errors
    /// When the name is unknown or the value does not parse as its type;
    /// fields are named under `field`.
    pub fn parse(field: &str, name: &str, value: &str, hex: bool) -> Result<Self, Invalid> {
        let (code, def) = lookup(&format!("{field}.name"), name)?;
        let vfield = format!("{field}.value");
        let ty = match def {
            Some(d) if !hex => d.ty,
            _ => T::Hex,
        };
        let data = encode(ty, value).map_err(|why| {
            let label = def.map_or_else(|| format!("option {code}"), |d| d.name.to_string());
            let how = if def.is_none() && !hex {
                " (an option without a name takes hex bytes)".to_string()
            } else {
                String::new()
            };
            Invalid::new(
                &vfield,
                format!(
                    "{value:?} is not a valid {} for {label}{how}: {why}; e.g. {:?}",
                    ty.name(),
                    ty.example()
                ),
            )
        })?;
        if data.len() > MAX_OPTION_LEN {
            return Err(Invalid::new(
                vfield,
                format!(
                    "is {} bytes long; the limit is {MAX_OPTION_LEN}",
                    data.len()
                ),
            ));
        }
        Ok(Self { code, data })
    }

    /// The canonical name of the option.
    pub fn name(&self) -> String {
        name_of(self.code)
    }

    /// Whether [`Self::value_text`] is hex bytes rather than the typed
    /// text form (so it is given back with `hex` set).
    pub fn value_is_hex(&self) -> bool {
        definition(self.code)
            .and_then(|d| decode(d.ty, &self.data))
            .is_none()
    }

    /// The value in text form, or hex when it does not decode as its type.
    pub fn value_text(&self) -> String {
        definition(self.code)
            .and_then(|d| decode(d.ty, &self.data))
            .unwrap_or_else(|| hex_colon(&self.data))
    }
}

/// Where an option is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptionScope {
    /// Every client.
    Global,
    /// Clients of one subnet.
    Subnet(SubnetId),
    /// Clients given an address from one pool.
    Pool(PoolId),
    /// The client of one reservation.
    Reservation(ReservationId),
}

impl OptionScope {
    /// The scope's kind as stored: `global`, `subnet`, `pool`, `reservation`.
    pub fn kind(self) -> &'static str {
        match self {
            OptionScope::Global => "global",
            OptionScope::Subnet(_) => "subnet",
            OptionScope::Pool(_) => "pool",
            OptionScope::Reservation(_) => "reservation",
        }
    }

    /// The id of the scope's owner (0 for global).
    pub fn owner(self) -> i64 {
        match self {
            OptionScope::Global => 0,
            OptionScope::Subnet(SubnetId(i))
            | OptionScope::Pool(PoolId(i))
            | OptionScope::Reservation(ReservationId(i)) => i,
        }
    }
}

/// Options after inheritance: each code's value, in code order.
pub type OptionMap = BTreeMap<u8, Vec<u8>>;

/// Merges option layers, most general first: a later layer's option
/// replaces an earlier one of the same code.
pub fn inherit<'a>(layers: impl IntoIterator<Item = &'a [DhcpOption]>) -> OptionMap {
    let mut out = BTreeMap::new();
    for layer in layers {
        for o in layer {
            out.insert(o.code, o.data.clone());
        }
    }
    out
}

fn split_list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn ip(s: &str) -> Result<Ipv4Addr, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("{s:?} is not an IPv4 address"))
}

fn encode(ty: OptionType, v: &str) -> Result<Vec<u8>, String> {
    let v = v.trim();
    let int = |max: u64| -> Result<u64, String> {
        v.parse::<u64>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| format!("not an integer from 0 to {max}"))
    };
    Ok(match ty {
        T::Ipv4 => ip(v)?.octets().to_vec(),
        T::Ipv4List => {
            let mut out = Vec::new();
            for s in split_list(v) {
                out.extend_from_slice(&ip(s)?.octets());
            }
            if out.is_empty() {
                return Err("no address given".into());
            }
            out
        }
        T::Ipv4Pairs => {
            let mut out = Vec::new();
            for pair in split_list(v) {
                let mut it = pair.split_whitespace();
                let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else {
                    return Err(format!("{pair:?} is not a DESTINATION ROUTER pair"));
                };
                out.extend_from_slice(&ip(a)?.octets());
                out.extend_from_slice(&ip(b)?.octets());
            }
            if out.is_empty() {
                return Err("no pair given".into());
            }
            out
        }
        T::Text => {
            if v.is_empty() || !v.is_ascii() || v.bytes().any(|b| b.is_ascii_control()) {
                return Err("text must be non-empty printable ASCII".into());
            }
            v.as_bytes().to_vec()
        }
        T::U8 => vec![int(u8::MAX.into())? as u8],
        T::U16 => (int(u16::MAX.into())? as u16).to_be_bytes().to_vec(),
        T::U32 => (int(u32::MAX.into())? as u32).to_be_bytes().to_vec(),
        T::I32 => v
            .parse::<i32>()
            .map_err(|_| "not a 32-bit signed integer".to_string())?
            .to_be_bytes()
            .to_vec(),
        T::Bool => match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => vec![1],
            "false" | "0" | "no" | "off" => vec![0],
            _ => return Err("not true or false".into()),
        },
        T::DomainList => {
            let mut out = Vec::new();
            for d in split_list(v) {
                encode_domain(d, &mut out)?;
            }
            if out.is_empty() {
                return Err("no domain given".into());
            }
            out
        }
        T::Routes => {
            let mut out = Vec::new();
            for r in split_list(v) {
                encode_route(r, &mut out)?;
            }
            if out.is_empty() {
                return Err("no route given".into());
            }
            out
        }
        T::Hex => {
            let h: String = v
                .chars()
                .filter(|c| !matches!(c, ':' | '-' | ' '))
                .collect();
            parse_hex(&h).ok_or("not hex bytes")?
        }
    })
}

fn encode_domain(d: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let d = d.trim_end_matches('.');
    if d.is_empty() || d.len() > 253 {
        return Err(format!("{d:?} is not a domain name"));
    }
    for label in d.split('.') {
        if label.is_empty()
            || label.len() > 63
            || !label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(format!("{d:?} is not a domain name"));
        }
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    Ok(())
}

fn encode_route(r: &str, out: &mut Vec<u8>) -> Result<(), String> {
    let words: Vec<&str> = r.split_whitespace().filter(|w| *w != "via").collect();
    let [dest, gw] = words[..] else {
        return Err(format!("{r:?} is not a route; write DEST/LEN via ROUTER"));
    };
    let net: ipnet::Ipv4Net = dest
        .parse()
        .map_err(|_| format!("{dest:?} is not a destination in CIDR form"))?;
    if net.network() != net.addr() {
        return Err(format!(
            "{dest} has host bits set; did you mean {}?",
            net.trunc()
        ));
    }
    let len = net.prefix_len();
    out.push(len);
    out.extend_from_slice(&net.addr().octets()[..usize::from(len).div_ceil(8)]);
    out.extend_from_slice(&ip(gw)?.octets());
    Ok(())
}

fn decode(ty: OptionType, d: &[u8]) -> Option<String> {
    let ips = |d: &[u8]| -> Option<Vec<Ipv4Addr>> {
        (d.len().is_multiple_of(4) && !d.is_empty()).then(|| {
            d.chunks(4)
                .map(|c| Ipv4Addr::new(c[0], c[1], c[2], c[3]))
                .collect()
        })
    };
    Some(match ty {
        T::Ipv4 if d.len() == 4 => ips(d)?[0].to_string(),
        T::Ipv4List => ips(d)?
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
        T::Ipv4Pairs if d.len().is_multiple_of(8) => ips(d)?
            .chunks(2)
            .map(|p| format!("{} {}", p[0], p[1]))
            .collect::<Vec<_>>()
            .join(", "),
        T::Text if d.iter().all(|b| b.is_ascii() && !b.is_ascii_control()) => {
            String::from_utf8(d.to_vec()).ok()?
        }
        T::U8 if d.len() == 1 => d[0].to_string(),
        T::U16 if d.len() == 2 => u16::from_be_bytes([d[0], d[1]]).to_string(),
        T::U32 if d.len() == 4 => u32::from_be_bytes([d[0], d[1], d[2], d[3]]).to_string(),
        T::I32 if d.len() == 4 => i32::from_be_bytes([d[0], d[1], d[2], d[3]]).to_string(),
        T::Bool if d.len() == 1 && d[0] <= 1 => (d[0] == 1).to_string(),
        T::DomainList => decode_domains(d)?,
        T::Routes => decode_routes(d)?,
        T::Hex => hex_colon(d),
        _ => return None,
    })
}

fn decode_domains(d: &[u8]) -> Option<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < d.len() {
        let n = usize::from(d[i]);
        i += 1;
        if n == 0 {
            names.push(std::mem::take(&mut name));
            continue;
        }
        // Compression pointers are legal on the wire but never written by us.
        let label = d.get(i..i + n).filter(|_| n <= 63)?;
        if !name.is_empty() {
            name.push('.');
        }
        name.push_str(std::str::from_utf8(label).ok()?);
        i += n;
    }
    (name.is_empty() && !names.is_empty()).then(|| names.join(","))
}

fn decode_routes(d: &[u8]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while i < d.len() {
        let len = d[i];
        if len > 32 {
            return None;
        }
        let n = usize::from(len).div_ceil(8);
        let dst = d.get(i + 1..i + 1 + n)?;
        let gw = d.get(i + 1 + n..i + 5 + n)?;
        let mut o = [0u8; 4];
        o[..n].copy_from_slice(dst);
        if !out.is_empty() {
            out.push_str(", ");
        }
        let _ = write!(
            out,
            "{}/{len} via {}",
            Ipv4Addr::from(o),
            Ipv4Addr::new(gw[0], gw[1], gw[2], gw[3])
        );
        i += 5 + n;
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(name: &str, text: &str, wire: &[u8]) {
        let o = DhcpOption::parse("option", name, text, false).expect(name);
        assert_eq!(o.data, wire, "{name} encodes");
        assert_eq!(o.value_text(), text, "{name} decodes");
    }

    #[test]
    fn typed_values_roundtrip() {
        roundtrip("routers", "10.0.0.1", &[10, 0, 0, 1]);
        roundtrip(
            "domain-name-servers",
            "10.0.0.1,10.0.0.2",
            &[10, 0, 0, 1, 10, 0, 0, 2],
        );
        roundtrip("domain-name", "lab.example", b"lab.example");
        roundtrip("interface-mtu", "1500", &[0x05, 0xdc]);
        roundtrip("time-offset", "-3600", &(-3600i32).to_be_bytes());
        roundtrip("ip-forwarding", "false", &[0]);
        roundtrip(
            "domain-search",
            "eng.apple.com,marketing.apple.com",
            b"\x03eng\x05apple\x03com\x00\x09marketing\x05apple\x03com\x00",
        );
        roundtrip(
            "static-routes",
            "10.1.0.0 10.0.0.1",
            &[10, 1, 0, 0, 10, 0, 0, 1],
        );
    }

    #[test]
    fn classless_routes_follow_rfc3442() {
        // RFC 3442 section 3 examples: 0/0 -> 1 octet, 10.17/16 -> 3, 10.27.129/24 -> 4.
        roundtrip(
            "classless-static-routes",
            "0.0.0.0/0 via 10.0.0.1, 10.17.0.0/16 via 10.0.0.2, 10.27.129.0/24 via 10.0.0.3, 10.229.0.128/25 via 10.0.0.4",
            &[0, 10, 0, 0, 1, 16, 10, 17, 10, 0, 0, 2, 24, 10, 27, 129, 10, 0, 0, 3, 25, 10, 229, 0, 128, 10, 0, 0, 4],
        );
    }

    #[test]
    fn aliases_and_codes() {
        assert_eq!(lookup("f", "mtu").expect("alias").0, 26);
        assert_eq!(lookup("f", "NTP-Servers").expect("case").0, 42);
        let (code, def) = lookup("f", "224").expect("code");
        assert_eq!((code, def), (224, None));
        let raw = DhcpOption::parse("option", "224", "de:ad:be:ef", false).expect("raw");
        assert_eq!(raw.data, [0xde, 0xad, 0xbe, 0xef]);
        assert_eq!(raw.name(), "option-224");
        // A known option given as hex keeps its bytes.
        let hex = DhcpOption::parse("option", "routers", "0a000001", true).expect("hex");
        assert_eq!(hex.value_text(), "10.0.0.1");
    }

    #[test]
    fn bad_values_name_the_field_type_and_an_example() {
        let e =
            DhcpOption::parse("option", "ntp-servers", "10.0.0.300", false).expect_err("bad ip");
        assert_eq!(e.field, "option.value");
        assert!(
            e.reason.contains("ipv4-list") && e.reason.contains("10.0.0.1,10.0.0.2"),
            "{e}"
        );
        let e = DhcpOption::parse("option", "no-such-option", "1", false).expect_err("unknown");
        assert_eq!(e.field, "option.name");
        assert!(e.reason.contains("not a known option"), "{e}");
        let e = DhcpOption::parse("option", "dhcp-lease-time", "1", false).expect_err("managed");
        assert!(e.reason.contains("not a known option"), "{e}");
        let e = DhcpOption::parse("option", "51", "00000e10", false).expect_err("managed code");
        assert!(e.reason.contains("cannot be set"), "{e}");
        let e = DhcpOption::parse("option", "interface-mtu", "70000", false).expect_err("range");
        assert!(e.reason.contains("0 to 65535"), "{e}");
        let e = DhcpOption::parse("option", "224", "zz", false).expect_err("hex");
        assert!(e.reason.contains("hex"), "{e}");
    }

    #[test]
    fn inheritance_prefers_the_most_specific() {
        let global = [
            DhcpOption {
                code: 6,
                data: vec![1, 1, 1, 1],
            },
            DhcpOption {
                code: 42,
                data: vec![2, 2, 2, 2],
            },
        ];
        let subnet = [DhcpOption {
            code: 6,
            data: vec![10, 0, 0, 1],
        }];
        let pool: [DhcpOption; 0] = [];
        let res = [DhcpOption {
            code: 42,
            data: vec![10, 0, 0, 9],
        }];
        let m = inherit([&global[..], &subnet[..], &pool[..], &res[..]]);
        assert_eq!(m[&6], vec![10, 0, 0, 1]);
        assert_eq!(m[&42], vec![10, 0, 0, 9]);
    }
}
