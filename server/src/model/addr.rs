//! Address-like newtypes: MAC, client identifier, IPv4 ranges. Parsing
//! accepts the forms operators type; display is canonical.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

/// An Ethernet hardware address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mac(pub [u8; 6]);

impl FromStr for Mac {
    type Err = String;

    /// Accepts `02:00:00:00:00:01`, `02-00-00-00-00-01`, `0200.0000.0001`
    /// and `020000000001`, in either case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex: String = s
            .chars()
            .filter(|c| !matches!(c, ':' | '-' | '.'))
            .collect();
        let bytes = parse_hex(&hex).filter(|b| b.len() == 6).ok_or_else(|| {
            format!("{s:?} is not a MAC address; write six hex bytes like 02:00:00:00:00:01")
        })?;
        let mut mac = [0u8; 6];
        mac.copy_from_slice(&bytes);
        Ok(Mac(mac))
    }
}

impl fmt::Display for Mac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.0;
        write!(
            f,
            "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            m[0], m[1], m[2], m[3], m[4], m[5]
        )
    }
}

/// A DHCP client identifier (option 61): a type byte and at least one more.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(pub Vec<u8>);

impl FromStr for ClientId {
    type Err = String;

    /// Accepts hex bytes with or without `:`/`-` separators, 2 to 255 bytes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex: String = s.chars().filter(|c| !matches!(c, ':' | '-')).collect();
        match parse_hex(&hex) {
            Some(b) if (2..=255).contains(&b.len()) => Ok(ClientId(b)),
            _ => Err(format!(
                "{s:?} is not a client identifier; write 2 to 255 hex bytes like 01:02:00:00:00:00:01"
            )),
        }
    }
}

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex_colon(&self.0))
    }
}

/// An inclusive range of IPv4 addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AddrRange {
    /// First address.
    pub start: Ipv4Addr,
    /// Last address (>= start).
    pub end: Ipv4Addr,
}

impl AddrRange {
    /// The range `start..=end`; errors if it runs backwards.
    ///
    /// # Errors
    /// When `end` is below `start`.
    pub fn new(start: Ipv4Addr, end: Ipv4Addr) -> Result<Self, String> {
        if u32::from(end) < u32::from(start) {
            return Err(format!(
                "{start}-{end} runs backwards; write the lower address first: {end}-{start}"
            ));
        }
        Ok(Self { start, end })
    }

    /// Whether `ip` is in the range.
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        (u32::from(self.start)..=u32::from(self.end)).contains(&u32::from(ip))
    }

    /// Whether the two ranges share an address.
    pub fn overlaps(&self, other: &AddrRange) -> bool {
        u32::from(self.start) <= u32::from(other.end)
            && u32::from(other.start) <= u32::from(self.end)
    }

    /// Whether `other` lies wholly inside this range.
    pub fn covers(&self, other: &AddrRange) -> bool {
        self.contains(other.start) && self.contains(other.end)
    }

    /// Number of addresses in the range.
    pub fn len(&self) -> u64 {
        u64::from(u32::from(self.end) - u32::from(self.start)) + 1
    }

    /// Always false: a range holds at least one address.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl FromStr for AddrRange {
    type Err = String;

    /// `10.0.0.100-10.0.0.199`, or a single address.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (a, b) = s.split_once('-').unwrap_or((s, s));
        let parse = |x: &str| {
            x.trim().parse::<Ipv4Addr>().map_err(|_| {
                format!(
                    "{s:?} is not an address range; write FIRST-LAST like 10.0.0.100-10.0.0.199"
                )
            })
        };
        AddrRange::new(parse(a)?, parse(b)?)
    }
}

impl fmt::Display for AddrRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// Parses an even-length string of hex digits; `None` if it is not one.
pub(crate) fn parse_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    if s.is_empty() || !s.len().is_multiple_of(2) || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// Formats bytes as colon-separated lower-case hex.
pub(crate) fn hex_colon(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push_str(&format!("{x:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_forms() {
        let want = Mac([2, 0, 0, 0, 0, 1]);
        for s in [
            "02:00:00:00:00:01",
            "02-00-00-00-00-01",
            "0200.0000.0001",
            "020000000001",
        ] {
            assert_eq!(s.parse::<Mac>().expect(s), want);
        }
        assert_eq!(want.to_string(), "02:00:00:00:00:01");
        for bad in [
            "02:00:00:00:00",
            "zz:00:00:00:00:01",
            "",
            "02:00:00:00:00:01:02",
        ] {
            let e = bad.parse::<Mac>().expect_err(bad);
            assert!(e.contains("is not a MAC address"), "{e}");
        }
    }

    #[test]
    fn ranges() {
        let r: AddrRange = "10.0.0.100-10.0.0.199".parse().expect("range");
        assert_eq!(r.len(), 100);
        assert!(r.contains(Ipv4Addr::new(10, 0, 0, 150)));
        assert!(!r.contains(Ipv4Addr::new(10, 0, 0, 200)));
        let e = "10.0.0.199-10.0.0.100"
            .parse::<AddrRange>()
            .expect_err("backwards");
        assert!(e.contains("runs backwards"), "{e}");
        let single: AddrRange = "10.0.0.5".parse().expect("single");
        assert_eq!(single.len(), 1);
        assert_eq!(single.to_string(), "10.0.0.5");
        assert!(r.overlaps(&"10.0.0.199-10.0.0.250".parse().expect("range")));
        assert!(!r.overlaps(&"10.0.0.200-10.0.0.250".parse().expect("range")));
    }

    #[test]
    fn client_id() {
        let c: ClientId = "01:02:00:00:00:00:01".parse().expect("cid");
        assert_eq!(c.0, vec![1, 2, 0, 0, 0, 0, 1]);
        assert_eq!(c.to_string(), "01:02:00:00:00:00:01");
        assert!("01".parse::<ClientId>().is_err());
    }
}
