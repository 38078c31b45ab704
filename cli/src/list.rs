//! Listings: every command that prints objects fetches the server's pages
//! and prints its rows here, so paging, the table and the JSON array are
//! written once. What differs per object (its columns and its JSON) is its
//! [`Row`] implementation, next to its command.

use std::future::Future;

use serde_json::Value;

use crate::conn::rpc;
use crate::output::{self, Format};

/// The most items asked for in one page.
const PAGE_SIZE: u32 = 1000;

/// An object as a listing prints it.
pub(crate) trait Row {
    /// The table's column headings.
    const HEADERS: &'static [&'static str];

    /// This object's cells, one per heading.
    fn cells(&self) -> Vec<String>;

    /// This object as JSON.
    fn json(&self) -> Value;
}

/// One page request: the server's token for where to go on (empty: from
/// the start) and how many items to return at most.
#[derive(Debug)]
pub(crate) struct Page {
    /// The previous page's `next_page_token`.
    pub(crate) token: String,
    /// The page size to ask for.
    pub(crate) size: u32,
}

/// Fetches every page of a listing (or only as many as the first `limit`
/// items need) and prints the items with [`print`].
///
/// `page` makes one call and returns its items and `next_page_token`; it
/// is called until that token is empty.
///
/// # Errors
/// The first failed call's, as [`rpc`] words it.
pub(crate) async fn print_pages<T, F, Fut>(
    out: Format,
    limit: Option<u32>,
    page: F,
) -> anyhow::Result<()>
where
    T: Row,
    F: FnMut(Page) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, String), tonic::Status>>,
{
    let all = fetch_pages(limit, page).await?;
    print(out, &all);
    Ok(())
}

/// Prints `items` as a table under `T`'s headings, or as a JSON array.
pub(crate) fn print<T: Row>(out: Format, items: &[T]) {
    match out {
        Format::Json => output::json(&Value::Array(items.iter().map(Row::json).collect())),
        Format::Table => table(items),
    }
}

/// Prints `items` as a table under `T`'s headings.
pub(crate) fn table<T: Row>(items: &[T]) {
    output::table(
        T::HEADERS,
        &items.iter().map(Row::cells).collect::<Vec<_>>(),
    );
}

/// The items of every page, or the first `limit`.
async fn fetch_pages<T, F, Fut>(limit: Option<u32>, mut page: F) -> anyhow::Result<Vec<T>>
where
    F: FnMut(Page) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, String), tonic::Status>>,
{
    let mut all = Vec::new();
    let mut token = String::new();
    loop {
        // Ask only for what the limit still needs, so a short listing of a
        // long log reads one small page.
        let size = match limit.map(|l| (l as usize).saturating_sub(all.len())) {
            Some(0) => return Ok(all),
            Some(left) => u32::try_from(left).map_or(PAGE_SIZE, |l| l.min(PAGE_SIZE)),
            None => PAGE_SIZE,
        };
        let (items, next) = page(Page { token, size }).await.map_err(rpc)?;
        all.extend(items);
        if next.is_empty() {
            return Ok(all);
        }
        token = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listing of `n` numbers served `per_page` at a time; records the
    /// page sizes asked for.
    async fn listing(n: u32, per_page: u32, limit: Option<u32>) -> (Vec<u32>, Vec<u32>) {
        let mut asked = Vec::new();
        let got = fetch_pages(limit, |p: Page| {
            asked.push(p.size);
            let from: u32 = p.token.parse().unwrap_or(0);
            let to = (from + per_page.min(p.size)).min(n);
            let next = if to < n {
                to.to_string()
            } else {
                String::new()
            };
            async move { Ok(((from..to).collect(), next)) }
        })
        .await
        .expect("pages");
        (got, asked)
    }

    fn run<T>(f: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(f)
    }

    #[test]
    fn every_page_is_read_until_the_token_is_empty() {
        let (got, asked) = run(listing(25, 10, None));
        assert_eq!(got, (0..25).collect::<Vec<_>>());
        assert_eq!(asked, [PAGE_SIZE; 3]);
    }

    #[test]
    fn a_limit_asks_only_for_what_it_still_needs() {
        let (got, asked) = run(listing(25, 10, Some(15)));
        assert_eq!(got, (0..15).collect::<Vec<_>>());
        assert_eq!(asked, [15, 5]);
        let (got, asked) = run(listing(25, 10, Some(0)));
        assert!(got.is_empty() && asked.is_empty());
    }
}
