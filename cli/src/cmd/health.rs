//! `dhcpctl health`: asks the standard gRPC health service, retrying until
//! a deadline, so scripts and tests can wait for a server to come up.
//! Opens its own connection on every try: the server may not be listening
//! yet.

use std::time::{Duration, Instant};

use anyhow::anyhow;
use clap::Args;
use serde_json::json;
use tonic_health::pb::{
    health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest,
};

use crate::conn::{connect, rpc, Conn};
use crate::output::{self, Format};

/// The longest pause between two tries.
const MAX_DELAY: Duration = Duration::from_millis(200);

/// `dhcpctl health`.
#[derive(Debug, Args)]
pub(crate) struct HealthArgs {
    /// Keep trying for this many seconds before failing.
    #[arg(long, default_value_t = 0.0)]
    wait: f64,
}

impl HealthArgs {
    /// Asks until the server says SERVING or `--wait` runs out.
    ///
    /// # Errors
    /// The last try's: the server unreachable or not serving.
    pub(crate) async fn run(self, conn: &Conn, out: Format) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs_f64(self.wait.max(0.0));
        let mut delay = Duration::from_millis(10);
        loop {
            let last = match check(conn).await {
                Ok(ServingStatus::Serving) => {
                    match out {
                        Format::Json => output::json(&json!({"status": "SERVING"})),
                        Format::Table => println!("SERVING"),
                    }
                    return Ok(());
                }
                Ok(s) => anyhow!("dhcplaned at {} is {}", conn.url(), s.as_str_name()),
                Err(e) => e,
            };
            if Instant::now() >= deadline {
                return Err(last);
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(MAX_DELAY);
        }
    }
}

/// One try: connect and ask.
async fn check(conn: &Conn) -> anyhow::Result<ServingStatus> {
    let mut c = HealthClient::new(connect(conn).await?);
    let r = c
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .map_err(rpc)?
        .into_inner();
    Ok(r.status())
}
