//! [`AuthStore`] for every backend: API tokens (stored by hash) and the
//! audit log of changes.

use async_trait::async_trait;

use super::dialect::{conn, Dialect};
use super::query::{Run, Sql};
use super::{AuthStore, Result, StoreError};
use crate::model::{check_token_name, AuditEntry, Invalid, Role, Token};

#[async_trait]
impl<D: Dialect> AuthStore for D {
    async fn create_token(
        &self,
        name: &str,
        role: Role,
        hash: &str,
        created: i64,
    ) -> Result<Token> {
        check_token_name(name).map_err(|m| StoreError::Invalid(Invalid::new("name", m)))?;
        let done =
            Sql::new("INSERT INTO tokens (name, role, hash, created) VALUES ($1, $2, $3, $4)")
                .bind(name)
                .bind(role.as_str())
                .bind(hash)
                .bind(created)
                .execute(&mut *conn(self).await?)
                .await;
        match done {
            Ok(_) => Ok(Token {
                name: name.to_string(),
                role,
                created,
            }),
            Err(StoreError::AlreadyExists(_)) => Err(StoreError::AlreadyExists(format!(
                "name: a token named {name} exists; revoke it first or pick another name"
            ))),
            Err(other) => Err(other),
        }
    }

    async fn list_tokens(&self) -> Result<Vec<Token>> {
        let rows: Vec<(String, String, i64)> =
            Sql::new("SELECT name, role, created FROM tokens ORDER BY name")
                .fetch_all(&mut *conn(self).await?)
                .await?;
        rows.into_iter().map(token_from).collect()
    }

    async fn revoke_token(&self, name: &str) -> Result<Token> {
        let row: Option<(String, String, i64)> =
            Sql::new("DELETE FROM tokens WHERE name = $1 RETURNING name, role, created")
                .bind(name)
                .fetch_optional(&mut *conn(self).await?)
                .await?;
        token_from(row.ok_or_else(|| StoreError::NotFound(format!("name: no token named {name}")))?)
    }

    async fn token_hashes(&self) -> Result<Vec<(String, String, Role)>> {
        let rows: Vec<(String, String, String)> = Sql::new("SELECT hash, name, role FROM tokens")
            .fetch_all(&mut *conn(self).await?)
            .await?;
        rows.into_iter()
            .map(|(h, n, r)| Ok((h, n, r.parse().map_err(StoreError::Internal)?)))
            .collect()
    }

    async fn record_audit(&self, entry: &AuditEntry) -> Result<i64> {
        insert_audit(&mut *conn(self).await?, entry).await
    }

    async fn list_audit(
        &self,
        before: i64,
        limit: u32,
        principal: Option<&str>,
    ) -> Result<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = Sql::new(
            "SELECT id, time, principal, action, object, before, after FROM audit \
             WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR principal = $2) ORDER BY id DESC LIMIT $3",
        )
        .bind(before)
        .bind(principal.unwrap_or(""))
        .bind(i64::from(limit))
        .fetch_all(&mut *conn(self).await?)
        .await?;
        Ok(rows.into_iter().map(audit_from).collect())
    }
}

/// Appends an audit entry (its `id` is ignored); returns the id it got.
pub(super) async fn insert_audit(c: &mut impl Run, e: &AuditEntry) -> Result<i64> {
    let (id,): (i64,) = Sql::new(
        "INSERT INTO audit (time, principal, action, object, before, after) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(e.time)
    .bind(e.principal.as_str())
    .bind(e.action.as_str())
    .bind(e.object.as_str())
    .bind(e.before.as_deref())
    .bind(e.after.as_deref())
    .fetch_one(c)
    .await?;
    Ok(id)
}

/// `(name, role, created)` of a `tokens` row.
fn token_from((name, role, created): (String, String, i64)) -> Result<Token> {
    Ok(Token {
        name,
        role: role.parse().map_err(StoreError::Internal)?,
        created,
    })
}

/// An `audit` row: id, time, principal, action, object, before, after.
type AuditRow = (
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn audit_from((id, time, principal, action, object, before, after): AuditRow) -> AuditEntry {
    AuditEntry {
        id,
        time,
        principal,
        action,
        object,
        before,
        after,
    }
}
