//! DHCP options at their scopes (global, subnet, pool, reservation): the SQL
//! that reads and writes them, and the option operations of
//! [`ProvisioningStore`](super::ProvisioningStore).

use super::dialect::{conn, Dialect};
use super::query::{Run, Sql};
use super::rows::{option_code, option_from, OptionRow, OPTION_COLS};
use super::{Result, StoreError};
use crate::model::{options, DhcpOption, OptionScope};

/// Sets (creates or replaces) an option at a scope that exists.
pub(super) async fn set<D: Dialect>(d: &D, scope: OptionScope, option: &DhcpOption) -> Result<()> {
    let mut tx = d.begin().await?;
    check_scope(&mut *tx, scope).await?;
    write_options(&mut *tx, scope, std::slice::from_ref(option)).await?;
    tx.commit().await?;
    Ok(())
}

/// The options set at exactly this scope, by code.
pub(super) async fn list<D: Dialect>(d: &D, scope: OptionScope) -> Result<Vec<DhcpOption>> {
    let mut tx = d.begin().await?;
    check_scope(&mut *tx, scope).await?;
    let rows: Vec<(i64, Vec<u8>)> =
        Sql::new("SELECT code, data FROM options WHERE scope = $1 AND owner = $2 ORDER BY code")
            .bind(scope.kind())
            .bind(scope.owner())
            .fetch_all(&mut *tx)
            .await?;
    tx.commit().await?;
    rows.into_iter()
        .map(|(code, data)| {
            Ok(DhcpOption {
                code: option_code(code)?,
                data,
            })
        })
        .collect()
}

/// Removes an option from a scope; `NotFound` when it is not set there.
pub(super) async fn delete<D: Dialect>(d: &D, scope: OptionScope, code: u8) -> Result<()> {
    let mut tx = d.begin().await?;
    check_scope(&mut *tx, scope).await?;
    if delete_one(&mut *tx, scope, code).await? == 0 {
        return Err(StoreError::NotFound(format!(
            "option {} ({code}) is not set at {} {}",
            options::name_of(code),
            scope.kind(),
            scope.owner()
        )));
    }
    tx.commit().await?;
    Ok(())
}

/// Every option at every scope, by scope, owner and code.
pub(super) async fn all<D: Dialect>(d: &D) -> Result<Vec<(OptionScope, DhcpOption)>> {
    all_in(&mut *conn(d).await?).await
}

/// Every option at every scope, by scope, owner and code.
pub(super) async fn all_in(c: &mut impl Run) -> Result<Vec<(OptionScope, DhcpOption)>> {
    let rows: Vec<OptionRow> = Sql::new(format!(
        "SELECT {OPTION_COLS} FROM options ORDER BY scope, owner, code"
    ))
    .fetch_all(c)
    .await?;
    rows.into_iter().map(option_from).collect()
}

/// Sets options at a scope, replacing those with the same code.
pub(super) async fn write_options(
    c: &mut impl Run,
    scope: OptionScope,
    options: &[DhcpOption],
) -> Result<()> {
    for o in options {
        Sql::new(
            "INSERT INTO options (scope, owner, code, data) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (scope, owner, code) DO UPDATE SET data = excluded.data",
        )
        .bind(scope.kind())
        .bind(scope.owner())
        .bind(i64::from(o.code))
        .bind(o.data.as_slice())
        .execute(c)
        .await?;
    }
    Ok(())
}

/// Removes one option from a scope; how many rows went (0 or 1).
pub(super) async fn delete_one(c: &mut impl Run, scope: OptionScope, code: u8) -> Result<u64> {
    Sql::new("DELETE FROM options WHERE scope = $1 AND owner = $2 AND code = $3")
        .bind(scope.kind())
        .bind(scope.owner())
        .bind(i64::from(code))
        .execute(c)
        .await
}

/// Deletes the options at `scope` of the owners `owners_sql` selects, given
/// an id as `$2` (`"$2"` alone: that one owner).
pub(super) async fn delete_options_of(
    c: &mut impl Run,
    scope: &str,
    owners_sql: &str,
    id: i64,
) -> Result<()> {
    Sql::new(format!(
        "DELETE FROM options WHERE scope = $1 AND owner IN ({owners_sql})"
    ))
    .bind(scope)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

/// Deletes a pool or reservation (`scope`, in `table`) with its options;
/// a reservation's labels go with it by cascade.
pub(super) async fn delete_with_options(
    c: &mut impl Run,
    scope: &str,
    table: &str,
    id: i64,
) -> Result<()> {
    delete_options_of(c, scope, "$2", id).await?;
    Sql::new(format!("DELETE FROM {table} WHERE id = $1"))
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Refuses a scope whose owner does not exist.
async fn check_scope(c: &mut impl Run, scope: OptionScope) -> Result<()> {
    let table = match scope {
        OptionScope::Global => return Ok(()),
        OptionScope::Subnet(_) => "subnets",
        OptionScope::Pool(_) => "pools",
        OptionScope::Reservation(_) => "reservations",
    };
    let hit: Option<(i64,)> = Sql::new(format!("SELECT id FROM {table} WHERE id = $1"))
        .bind(scope.owner())
        .fetch_optional(c)
        .await?;
    match hit {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(format!(
            "option.scope: {} {} does not exist",
            scope.kind(),
            scope.owner()
        ))),
    }
}
