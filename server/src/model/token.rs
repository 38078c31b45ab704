//! API tokens as stored: a name and a role (never the secret).

use std::fmt;
use std::str::FromStr;

/// What a token may do; each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Read everything and watch events.
    Viewer,
    /// Also provision and release leases.
    Operator,
    /// Also manage tokens.
    Admin,
}

impl Role {
    /// The name used in the store and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Operator => "operator",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "viewer" => Ok(Role::Viewer),
            "operator" => Ok(Role::Operator),
            "admin" => Ok(Role::Admin),
            _ => Err(format!(
                "{s:?} is not a role; use viewer, operator or admin"
            )),
        }
    }
}

/// A token as stored (never its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Unique name.
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// Unix seconds.
    pub created: i64,
}

/// Checks a token name: what an operator will type to revoke it.
///
/// # Errors
/// A message naming the rule.
pub fn check_token_name(name: &str) -> std::result::Result<(), String> {
    if name.is_empty()
        || name.len() > 64
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(format!(
            "{name:?} is not a token name; use 1 to 64 letters, digits, '-', '_' or '.'"
        ));
    }
    Ok(())
}
