//! Named counters: packets by type, replies by type, drops and their
//! reasons. Read by the status RPC.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// A set of named counters.
#[derive(Debug, Default)]
pub struct Counters(Mutex<HashMap<String, u64>>);

impl Counters {
    /// Adds `n` to counter `name`.
    pub fn add(&self, name: &str, n: u64) {
        // A poisoned lock only means a panic elsewhere mid-update; counts stay usable.
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match m.get_mut(name) {
            Some(v) => *v += n,
            None => {
                m.insert(name.to_string(), n);
            }
        }
    }

    /// Adds one to `prefix.name`.
    pub fn bump(&self, prefix: &str, name: &str) {
        self.add(&format!("{prefix}.{name}"), 1);
    }

    /// Every counter, by name.
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        let m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        m.iter().map(|(k, v)| (k.clone(), *v)).collect()
    }
}
