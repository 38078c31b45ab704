//! Store errors: kinds a caller can act on, and the translation of database
//! errors into them.

use super::Holder;
use crate::model::Invalid;

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A value breaks a rule; names the field.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The thing asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Something with the same identity exists already.
    #[error("{0}")]
    AlreadyExists(String),
    /// The change conflicts with other data (overlap, in use).
    #[error("{0}")]
    Conflict(String),
    /// A document was refused: every problem, each naming its field.
    #[error("{}", rejected(.0))]
    Rejected(Vec<Invalid>),
    /// Another daemon serves this database (see [`Store::lock_serving`](super::Store::lock_serving));
    /// names it when it recorded itself.
    #[error("another dhcplaned ({}) is serving this database; several daemons on one database are not supported yet", holder(.0))]
    Locked(Option<Holder>),
    /// The database cannot be reached.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// Anything else.
    #[error("store error: {0}")]
    Internal(String),
}

/// One `field: problem` line per problem.
fn rejected(list: &[Invalid]) -> String {
    list.iter()
        .map(|i| format!("{}: {}", i.field, i.reason))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The holder as it recorded itself, or that it did not.
fn holder(h: &Option<Holder>) -> String {
    h.as_ref()
        .map_or_else(|| "which did not say who it is".into(), ToString::to_string)
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        use sqlx::error::ErrorKind;
        match e {
            sqlx::Error::RowNotFound => StoreError::NotFound("not found".into()),
            sqlx::Error::Database(db) => {
                let msg = db.message().to_string();
                match db.kind() {
                    ErrorKind::UniqueViolation => StoreError::AlreadyExists(msg),
                    ErrorKind::ForeignKeyViolation | ErrorKind::CheckViolation => {
                        StoreError::Conflict(msg)
                    }
                    // PostgreSQL exclusion constraints (23P01) and SQLite
                    // trigger aborts carry our rule in their message.
                    _ if db.code().as_deref() == Some("23P01")
                        || msg.contains("overlaps")
                        || msg.contains("outside") =>
                    {
                        StoreError::Conflict(msg)
                    }
                    _ => StoreError::Internal(msg),
                }
            }
            sqlx::Error::PoolTimedOut
            | sqlx::Error::Io(_)
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_) => StoreError::Unavailable(e.to_string()),
            sqlx::Error::Migrate(m) => StoreError::Internal(format!("migration failed: {m}")),
            other => StoreError::Internal(other.to_string()),
        }
    }
}
