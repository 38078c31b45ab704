//! Metrics: named counters of packets by type, replies by type, drops and
//! their reasons, lease commits and expiries. Read by the status RPC. Names
//! are static, so counting never allocates on the packet path. Every layer
//! counts here; this module depends on nothing else of the crate.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// A set of named counters.
#[derive(Debug, Default)]
pub struct Counters(Mutex<HashMap<(&'static str, &'static str), u64>>);

impl Counters {
    /// Adds `n` to counter `name`.
    pub fn add(&self, name: &'static str, n: u64) {
        self.count(name, "", n);
    }

    /// Adds one to `prefix.name`.
    pub fn bump(&self, prefix: &'static str, name: &'static str) {
        self.count(prefix, name, 1);
    }

    fn count(&self, a: &'static str, b: &'static str, n: u64) {
        // A poisoned lock only means a panic elsewhere mid-update; counts stay usable.
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry((a, b)).or_insert(0) += n;
    }

    /// Every counter, by name (`prefix.name`).
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        let m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        m.iter()
            .map(|((a, b), v)| {
                (
                    if b.is_empty() {
                        (*a).to_string()
                    } else {
                        format!("{a}.{b}")
                    },
                    *v,
                )
            })
            .collect()
    }
}
