//! Server-wide defaults (today the DHCPv4 boot fields): one row in
//! `server_defaults`, read with provisioning and changed in a transaction
//! that returns it before and after.

use super::dialect::{conn, Dialect};
use super::query::{Run, Sql};
use super::rows::boot_from;
use super::Result;
use crate::model::{BootUpdate, Defaults};

/// The defaults as stored.
pub(super) async fn get<D: Dialect>(d: &D) -> Result<Defaults> {
    read(&mut *conn(d).await?).await
}

/// Applies `update` (validated) and returns the defaults before and after.
pub(super) async fn update<D: Dialect>(d: &D, update: &BootUpdate) -> Result<(Defaults, Defaults)> {
    let mut tx = d.begin().await?;
    let before = read(&mut *tx).await?;
    let after = Defaults {
        boot: update.apply(&before.boot),
    };
    after.boot.validate("defaults")?;
    write(&mut *tx, &after).await?;
    tx.commit().await?;
    Ok((before, after))
}

/// Reads the one row.
pub(super) async fn read(c: &mut impl Run) -> Result<Defaults> {
    let (next_server, server_name, boot_file): (Option<i64>, Option<String>, Option<String>) =
        Sql::new("SELECT next_server, server_name, boot_file FROM server_defaults WHERE id = 1")
            .fetch_one(c)
            .await?;
    Ok(Defaults {
        boot: boot_from(next_server, server_name, boot_file)?,
    })
}

/// Writes the one row; checks nothing.
pub(super) async fn write(c: &mut impl Run, d: &Defaults) -> Result<()> {
    Sql::new(
        "UPDATE server_defaults SET next_server = $1, server_name = $2, boot_file = $3 WHERE id = 1",
    )
    .bind_boot(&d.boot)
    .execute(c)
    .await?;
    Ok(())
}
