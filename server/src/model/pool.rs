//! Pools: ranges of a subnet handed out dynamically, minus exclusions.

use super::{AddrRange, Invalid, SubnetId, SubnetSpec};

/// Store-assigned identity of a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PoolId(pub i64);

/// What an operator provisions for a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolSpec {
    /// The subnet the range lies in.
    pub subnet_id: SubnetId,
    /// The addresses handed out.
    pub range: AddrRange,
    /// Addresses inside `range` never handed out.
    pub exclusions: Vec<AddrRange>,
    /// Free text for operators.
    pub description: String,
}

impl PoolSpec {
    /// Checks the pool against its subnet: inside it, clear of the network
    /// and broadcast addresses, exclusions inside the range.
    ///
    /// # Errors
    /// The first rule broken, naming its field under `pool.`.
    pub fn validate(&self, subnet: &SubnetSpec) -> Result<(), Invalid> {
        let net = subnet.cidr;
        let usable = AddrRange {
            start: net.network(),
            end: net.broadcast(),
        };
        if !usable.covers(&self.range) {
            return Err(Invalid::new(
                "pool.range",
                format!(
                    "{} is outside subnet {net}; choose addresses inside it",
                    self.range
                ),
            ));
        }
        for (what, ip) in [("network", net.network()), ("broadcast", net.broadcast())] {
            if self.range.contains(ip) {
                return Err(Invalid::new(
                    "pool.range",
                    format!("{} includes the {what} address {ip} of {net}; start after it / end before it", self.range),
                ));
            }
        }
        for (i, x) in self.exclusions.iter().enumerate() {
            if !self.range.covers(x) {
                return Err(Invalid::new(
                    format!("pool.exclusions[{i}]"),
                    format!(
                        "{x} is outside the pool {}; exclude only addresses of the pool",
                        self.range
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Number of addresses the pool can hand out.
    pub fn capacity(&self) -> u64 {
        // Exclusions may overlap each other; count each excluded address once.
        let mut xs: Vec<(u32, u32)> = self
            .exclusions
            .iter()
            .map(|x| (u32::from(x.start), u32::from(x.end)))
            .collect();
        xs.sort_unstable();
        let mut excluded = 0u64;
        let mut covered_to: Option<u32> = None;
        for (s, e) in xs {
            let s = match covered_to {
                Some(c) if s <= c => match c.checked_add(1) {
                    Some(n) if n <= e => n,
                    _ => continue,
                },
                _ => s,
            };
            excluded += u64::from(e - s) + 1;
            covered_to = Some(covered_to.map_or(e, |c| c.max(e)));
        }
        self.range.len() - excluded
    }
}

/// A pool as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    /// Identity.
    pub id: PoolId,
    /// Provisioned settings.
    pub spec: PoolSpec,
}

/// A partial change to a pool; `None` keeps the current value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PoolUpdate {
    /// New range.
    pub range: Option<AddrRange>,
    /// Replacement exclusion list.
    pub exclusions: Option<Vec<AddrRange>>,
    /// New description.
    pub description: Option<String>,
}

impl PoolUpdate {
    /// The spec after this update, validated against its subnet.
    ///
    /// # Errors
    /// When the result breaks a rule of [`PoolSpec::validate`].
    pub fn apply(&self, spec: &PoolSpec, subnet: &SubnetSpec) -> Result<PoolSpec, Invalid> {
        let mut p = spec.clone();
        if let Some(r) = self.range {
            p.range = r;
        }
        if let Some(x) = &self.exclusions {
            p.exclusions = x.clone();
        }
        if let Some(d) = &self.description {
            p.description = d.clone();
        }
        p.validate(subnet)?;
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subnet() -> SubnetSpec {
        SubnetSpec::new("10.0.0.0/24".parse().expect("cidr"))
    }

    fn pool(range: &str) -> PoolSpec {
        PoolSpec {
            subnet_id: SubnetId(1),
            range: range.parse().expect("range"),
            exclusions: vec![],
            description: String::new(),
        }
    }

    #[test]
    fn pool_outside_subnet_is_refused() {
        let e = pool("10.0.1.10-10.0.1.20")
            .validate(&subnet())
            .expect_err("outside");
        assert_eq!(e.to_string(), "pool.range 10.0.1.10-10.0.1.20 is outside subnet 10.0.0.0/24; choose addresses inside it");
    }

    #[test]
    fn pool_may_not_take_broadcast() {
        let e = pool("10.0.0.200-10.0.0.255")
            .validate(&subnet())
            .expect_err("broadcast");
        assert!(e.reason.contains("broadcast address 10.0.0.255"), "{e}");
    }

    #[test]
    fn capacity_counts_overlapping_exclusions_once() {
        let mut p = pool("10.0.0.100-10.0.0.199");
        p.exclusions = vec![
            "10.0.0.110-10.0.0.119".parse().expect("x"),
            "10.0.0.115-10.0.0.124".parse().expect("x"),
            "10.0.0.150".parse().expect("x"),
        ];
        p.validate(&subnet()).expect("valid");
        assert_eq!(p.capacity(), 100 - 15 - 1);
    }

    #[test]
    fn exclusion_outside_pool_is_refused() {
        let mut p = pool("10.0.0.100-10.0.0.199");
        p.exclusions = vec!["10.0.0.50".parse().expect("x")];
        assert_eq!(
            p.validate(&subnet()).expect_err("outside").field,
            "pool.exclusions[0]"
        );
    }
}
