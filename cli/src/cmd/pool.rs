//! `dhcpctl pool`: add, list, show, change and delete the address ranges a
//! subnet hands out, and how a pool is printed.

use clap::Subcommand;
use dhcplane_proto::v1 as pb;
use serde_json::{json, Value};

use super::comma_list;
use crate::client::Client;
use crate::conn::rpc;
use crate::list::{self, Row};
use crate::output::{self, cell};

/// `dhcpctl pool ...`.
#[derive(Debug, Subcommand)]
pub(crate) enum PoolCmd {
    /// Add a range to a subnet.
    Add {
        /// Subnet CIDR or id.
        subnet: String,
        /// FIRST-LAST, e.g. 10.0.0.100-10.0.0.199.
        range: String,
        /// Address or range inside the pool never handed out; repeatable.
        #[arg(long)]
        exclude: Vec<String>,
        /// Free text.
        #[arg(long, default_value = "")]
        description: String,
    },
    /// List pools.
    List {
        /// Only pools of this subnet (CIDR or id).
        #[arg(long)]
        subnet: Option<String>,
    },
    /// Show one pool.
    Get {
        /// Pool id.
        id: u64,
    },
    /// Change a pool's range or exclusions.
    Update {
        /// Pool id.
        id: u64,
        /// New range FIRST-LAST.
        #[arg(long)]
        range: Option<String>,
        /// Replace the exclusions (comma-separated; empty clears).
        #[arg(long)]
        exclude: Option<String>,
    },
    /// Delete a pool.
    Delete {
        /// Pool id.
        id: u64,
    },
}

impl PoolCmd {
    /// Runs the command.
    ///
    /// # Errors
    /// An unknown subnet, or the server's refusal.
    pub(crate) async fn run(self, c: &mut Client) -> anyhow::Result<()> {
        match self {
            PoolCmd::Add {
                subnet,
                range,
                exclude,
                description,
            } => {
                let subnet_id = c.subnet(&subnet).await?.id;
                let (start, end) = bounds(&range);
                let pool = pb::Pool {
                    subnet_id,
                    start,
                    end,
                    exclusions: exclude,
                    description,
                    ..Default::default()
                };
                let p = c
                    .pools
                    .create_pool(pb::CreatePoolRequest { pool: Some(pool) })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[p.into_inner()]);
            }
            PoolCmd::List { subnet } => {
                let subnet_id = c.subnet_id(subnet.as_deref()).await?;
                let pools = c.pools.clone();
                list::print_pages(c.out, None, |page| {
                    let mut pools = pools.clone();
                    let req = pb::ListPoolsRequest {
                        subnet_id,
                        page_size: page.size,
                        page_token: page.token,
                    };
                    async move {
                        let r = pools.list_pools(req).await?.into_inner();
                        Ok((r.pools, r.next_page_token))
                    }
                })
                .await?;
            }
            PoolCmd::Get { id } => {
                let p = c
                    .pools
                    .get_pool(pb::GetPoolRequest { id })
                    .await
                    .map_err(rpc)?;
                list::print(c.out, &[p.into_inner()]);
            }
            PoolCmd::Update { id, range, exclude } => {
                let (start, end) = range.map(|r| bounds(&r)).unzip();
                let req = pb::UpdatePoolRequest {
                    id,
                    start,
                    end,
                    exclusions: exclude.map(|x| pb::Exclusions {
                        ranges: comma_list(&x),
                    }),
                    description: None,
                };
                let p = c.pools.update_pool(req).await.map_err(rpc)?;
                list::print(c.out, &[p.into_inner()]);
            }
            PoolCmd::Delete { id } => {
                c.pools
                    .delete_pool(pb::DeletePoolRequest { id })
                    .await
                    .map_err(rpc)?;
                output::done(c.out, json!({"deleted": id}), &format!("deleted pool {id}"));
            }
        }
        Ok(())
    }
}

/// FIRST and LAST of `FIRST-LAST`; a single address is a range of one.
/// The server checks that both are addresses.
fn bounds(range: &str) -> (String, String) {
    range
        .split_once('-')
        .map_or((range.into(), range.into()), |(a, b)| (a.into(), b.into()))
}

impl Row for pb::Pool {
    const HEADERS: &'static [&'static str] = &["ID", "SUBNET", "START", "END", "EXCLUSIONS"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.subnet_id.to_string(),
            self.start.clone(),
            self.end.clone(),
            cell(&self.exclusions.join(",")),
        ]
    }

    fn json(&self) -> Value {
        let p = self;
        json!({"id": p.id, "subnet_id": p.subnet_id, "start": p.start, "end": p.end,
               "exclusions": p.exclusions, "description": p.description})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_split_at_its_dash_and_an_address_is_a_range_of_one() {
        assert_eq!(
            bounds("10.0.0.100-10.0.0.199"),
            ("10.0.0.100".into(), "10.0.0.199".into())
        );
        assert_eq!(bounds("10.0.0.5"), ("10.0.0.5".into(), "10.0.0.5".into()));
    }
}
