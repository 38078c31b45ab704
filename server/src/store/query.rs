//! The shared SQL's statement type: [`Sql`] is a statement with its
//! parameters, and [`Run`] is a connection of either backend that carries it
//! out. The store's SQL is written once, in ordinary functions generic over
//! `Run`; only the binding of parameters below knows the two backends.

use std::borrow::Cow;

use async_trait::async_trait;
use sqlx::error::BoxDynError;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Arguments as _, Database, FromRow};

use super::{Result, StoreError};

/// A row shape the shared SQL can read from either backend.
pub(super) trait Decoded:
    for<'r> FromRow<'r, PgRow> + for<'r> FromRow<'r, SqliteRow> + Send + Unpin
{
}

impl<T> Decoded for T where
    T: for<'r> FromRow<'r, PgRow> + for<'r> FromRow<'r, SqliteRow> + Send + Unpin
{
}

/// A parameter value, in the few column types the schema uses.
#[derive(Debug, Clone)]
pub(super) enum Value<'q> {
    /// `INTEGER` / `int8`; addresses are stored as integers too.
    Int(Option<i64>),
    /// `BOOLEAN`.
    Bool(bool),
    /// `TEXT`.
    Text(Option<Cow<'q, str>>),
    /// `BLOB` / `bytea`.
    Bytes(Option<Cow<'q, [u8]>>),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<Option<i64>> for Value<'_> {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl<'q> From<&'q str> for Value<'q> {
    fn from(v: &'q str) -> Self {
        Value::Text(Some(Cow::Borrowed(v)))
    }
}

impl From<String> for Value<'_> {
    fn from(v: String) -> Self {
        Value::Text(Some(Cow::Owned(v)))
    }
}

impl<'q> From<Option<&'q str>> for Value<'q> {
    fn from(v: Option<&'q str>) -> Self {
        Value::Text(v.map(Cow::Borrowed))
    }
}

impl<'q> From<&'q [u8]> for Value<'q> {
    fn from(v: &'q [u8]) -> Self {
        Value::Bytes(Some(Cow::Borrowed(v)))
    }
}

impl<'q> From<Option<&'q [u8]>> for Value<'q> {
    fn from(v: Option<&'q [u8]>) -> Self {
        Value::Bytes(v.map(Cow::Borrowed))
    }
}

impl From<Option<String>> for Value<'_> {
    fn from(v: Option<String>) -> Self {
        Value::Text(v.map(Cow::Owned))
    }
}

impl From<Vec<u8>> for Value<'_> {
    fn from(v: Vec<u8>) -> Self {
        Value::Bytes(Some(Cow::Owned(v)))
    }
}

/// A statement and its parameters (`$1`, `$2`... in the order bound).
#[derive(Debug)]
#[must_use = "a statement does nothing until it runs"]
pub(super) struct Sql<'q> {
    text: Cow<'q, str>,
    values: Vec<Value<'q>>,
}

impl<'q> Sql<'q> {
    /// A statement in the dialect both backends accept.
    pub(super) fn new(text: impl Into<Cow<'q, str>>) -> Self {
        Self {
            text: text.into(),
            values: Vec::new(),
        }
    }

    /// Adds the next parameter.
    pub(super) fn bind(mut self, v: impl Into<Value<'q>>) -> Self {
        self.values.push(v.into());
        self
    }

    /// Runs it; returns the number of rows it changed.
    pub(super) async fn execute(self, on: &mut impl Run) -> Result<u64> {
        on.execute(self).await
    }

    /// Every row it returns.
    pub(super) async fn fetch_all<T: Decoded>(self, on: &mut impl Run) -> Result<Vec<T>> {
        on.fetch_all(self).await
    }

    /// The first row it returns, if any.
    pub(super) async fn fetch_optional<T: Decoded>(self, on: &mut impl Run) -> Result<Option<T>> {
        on.fetch_optional(self).await
    }

    /// The first row it returns; [`StoreError::NotFound`] when there is none.
    pub(super) async fn fetch_one<T: Decoded>(self, on: &mut impl Run) -> Result<T> {
        on.fetch_optional(self)
            .await?
            .ok_or_else(|| StoreError::from(sqlx::Error::RowNotFound))
    }
}

/// A connection (pooled, or inside a transaction) that runs shared SQL.
#[async_trait]
pub(super) trait Run: Send {
    /// Runs `sql`; the number of rows it changed.
    async fn execute(&mut self, sql: Sql<'_>) -> Result<u64>;
    /// Every row `sql` returns.
    async fn fetch_all<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Vec<T>>;
    /// The first row `sql` returns, if any.
    async fn fetch_optional<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Option<T>>;
}

/// Binds `values` in order. The encodings are sqlx's own for these Rust
/// types (`i64`, `bool`, `&str`, `&[u8]`, their owned forms and `Option`s),
/// so a statement sees exactly the parameter types it would bound directly.
fn arguments<'q, DB>(values: Vec<Value<'q>>) -> std::result::Result<DB::Arguments<'q>, BoxDynError>
where
    DB: Database,
    Option<i64>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    bool: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<String>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q [u8]>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<Vec<u8>>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    let mut args = DB::Arguments::<'q>::default();
    for v in values {
        match v {
            Value::Int(v) => args.add(v)?,
            Value::Bool(v) => args.add(v)?,
            Value::Text(None) => args.add(None::<&str>)?,
            Value::Text(Some(Cow::Borrowed(v))) => args.add(Some(v))?,
            Value::Text(Some(Cow::Owned(v))) => args.add(Some(v))?,
            Value::Bytes(None) => args.add(None::<&[u8]>)?,
            Value::Bytes(Some(Cow::Borrowed(v))) => args.add(Some(v))?,
            Value::Bytes(Some(Cow::Owned(v))) => args.add(Some(v))?,
        }
    }
    Ok(args)
}

#[async_trait]
impl Run for sqlx::PgConnection {
    async fn execute(&mut self, sql: Sql<'_>) -> Result<u64> {
        let args = arguments::<sqlx::Postgres>(sql.values).map_err(sqlx::Error::Encode)?;
        let done = sqlx::query_with(&sql.text, args).execute(self).await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Vec<T>> {
        let args = arguments::<sqlx::Postgres>(sql.values).map_err(sqlx::Error::Encode)?;
        Ok(sqlx::query_as_with(&sql.text, args).fetch_all(self).await?)
    }

    async fn fetch_optional<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Option<T>> {
        let args = arguments::<sqlx::Postgres>(sql.values).map_err(sqlx::Error::Encode)?;
        Ok(sqlx::query_as_with(&sql.text, args)
            .fetch_optional(self)
            .await?)
    }
}

#[async_trait]
impl Run for sqlx::SqliteConnection {
    async fn execute(&mut self, sql: Sql<'_>) -> Result<u64> {
        let args = arguments::<sqlx::Sqlite>(sql.values).map_err(sqlx::Error::Encode)?;
        let done = sqlx::query_with(&sql.text, args).execute(self).await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Vec<T>> {
        let args = arguments::<sqlx::Sqlite>(sql.values).map_err(sqlx::Error::Encode)?;
        Ok(sqlx::query_as_with(&sql.text, args).fetch_all(self).await?)
    }

    async fn fetch_optional<T: Decoded>(&mut self, sql: Sql<'_>) -> Result<Option<T>> {
        let args = arguments::<sqlx::Sqlite>(sql.values).map_err(sqlx::Error::Encode)?;
        Ok(sqlx::query_as_with(&sql.text, args)
            .fetch_optional(self)
            .await?)
    }
}
