//! The audit log's entries: every provisioning and token change.

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the log (set by the store).
    pub id: i64,
    /// Unix microseconds.
    pub time: i64,
    /// Token name, or `anonymous@ADDR`.
    pub principal: String,
    /// What was done, e.g. `subnet_created`.
    pub action: String,
    /// What it was done to, e.g. `subnet 10.0.0.0/24`.
    pub object: String,
    /// The object before, as JSON (none for a creation).
    pub before: Option<String>,
    /// The object after, as JSON (none for a deletion).
    pub after: Option<String>,
}
