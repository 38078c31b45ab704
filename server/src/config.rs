//! Bootstrap configuration: how the daemon starts (interfaces, listen
//! addresses, store, state directory). Read from an optional TOML file,
//! overridden by environment variables, overridden by flags. Provisioning
//! data never lives here: it lives in the store and changes through the API.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Default gRPC listen address: loopback only.
pub const DEFAULT_GRPC_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 6767);

/// Default state directory (holds the embedded SQLite store).
pub const DEFAULT_STATE_DIR: &str = "/var/lib/dhcplane";

/// The configuration file's shape; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Interfaces to serve DHCP on.
    #[serde(default)]
    pub interfaces: Vec<String>,
    /// Local addresses to serve DHCP on.
    #[serde(default)]
    pub listen: Vec<Ipv4Addr>,
    /// Store URL.
    pub database_url: Option<String>,
    /// State directory.
    pub state_dir: Option<PathBuf>,
    /// gRPC listen address.
    pub grpc_listen: Option<SocketAddr>,
    /// DHCP server port.
    pub dhcp_port: Option<u16>,
    /// DHCP client port.
    pub client_port: Option<u16>,
    /// Seconds an offered address is held.
    pub offer_hold: Option<u32>,
    /// Seconds a declined address stays out of use.
    pub decline_probation: Option<u32>,
    /// User to run as after binding the sockets.
    pub user: Option<String>,
    /// Lease commits in flight at once.
    pub commit_lanes: Option<usize>,
    /// How long events are kept, e.g. "7d".
    pub event_retention: Option<String>,
    /// How many events are kept at most.
    pub event_retention_count: Option<u64>,
    /// Events of slack per live subscriber (and in the replay ring).
    pub event_buffer: Option<usize>,
    /// PEM certificate chain the API presents (TLS).
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of `tls_cert`.
    pub tls_key: Option<PathBuf>,
    /// PEM CA that API clients' certificates must chain to (mTLS).
    pub tls_client_ca: Option<PathBuf>,
    /// Serve the API in plaintext beyond loopback.
    pub grpc_insecure: Option<bool>,
}

impl FileConfig {
    /// Parses TOML text.
    ///
    /// # Errors
    /// A message naming the bad key or value.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Reads and parses a file.
    ///
    /// # Errors
    /// When the file cannot be read or does not parse.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// What the command line (flags and environment) says, in the same shape
/// as the file: `None`/empty means "not given", so the file's value applies.
pub type Overrides = FileConfig;

/// The effective bootstrap configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Interfaces to serve DHCP on.
    pub interfaces: Vec<String>,
    /// Local addresses to serve DHCP on.
    pub listen: Vec<Ipv4Addr>,
    /// Store URL; `None` means the embedded SQLite file in `state_dir`.
    pub database_url: Option<String>,
    /// State directory.
    pub state_dir: PathBuf,
    /// gRPC listen address.
    pub grpc_listen: SocketAddr,
    /// DHCP engine settings: ports, offer hold, decline probation.
    pub dhcp: crate::engine::v4::Config,
    /// User to run as after binding the sockets.
    pub user: Option<String>,
    /// Lease commits in flight at once (each address always in the same
    /// one, so its writes stay in order).
    pub commit_lanes: usize,
    /// How long and how many events are kept.
    pub event_retention: crate::events::Retention,
    /// Events of slack per live subscriber (and in the replay ring).
    pub event_buffer: usize,
    /// TLS for the API: certificate, key and (for mTLS) client CA files.
    pub tls: Option<TlsFiles>,
    /// Plaintext API beyond loopback was asked for explicitly.
    pub grpc_insecure: bool,
}

/// Files of the API's TLS setup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    /// PEM certificate chain.
    pub cert: PathBuf,
    /// PEM private key.
    pub key: PathBuf,
    /// PEM CA for client certificates; `None`: no client certificates.
    pub client_ca: Option<PathBuf>,
}

impl Config {
    /// Merges the file with flags and environment (which win) and applies
    /// defaults; validates the result.
    ///
    /// # Errors
    /// A message naming the bad setting and the fix.
    pub fn resolve(file: FileConfig, over: Overrides) -> Result<Self, String> {
        let cfg = Config {
            interfaces: pick(over.interfaces, file.interfaces),
            listen: pick(over.listen, file.listen),
            database_url: over
                .database_url
                .or(file.database_url)
                .filter(|u| !u.is_empty()),
            state_dir: over
                .state_dir
                .or(file.state_dir)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_STATE_DIR)),
            grpc_listen: over
                .grpc_listen
                .or(file.grpc_listen)
                .unwrap_or(DEFAULT_GRPC_LISTEN),
            dhcp: {
                let d = crate::engine::v4::Config::default();
                crate::engine::v4::Config {
                    server_port: over.dhcp_port.or(file.dhcp_port).unwrap_or(d.server_port),
                    client_port: over
                        .client_port
                        .or(file.client_port)
                        .unwrap_or(d.client_port),
                    offer_hold: over.offer_hold.or(file.offer_hold).unwrap_or(d.offer_hold),
                    decline_probation: over
                        .decline_probation
                        .or(file.decline_probation)
                        .unwrap_or(d.decline_probation),
                }
            },
            user: over.user.or(file.user),
            commit_lanes: over.commit_lanes.or(file.commit_lanes).unwrap_or(1),
            event_retention: {
                let d = crate::events::Retention::default();
                crate::events::Retention {
                    max_age: match over.event_retention.or(file.event_retention) {
                        None => d.max_age,
                        Some(t) => humantime::parse_duration(&t).map_err(|e| {
                            format!("event-retention {t:?}: {e}; give a duration like 7d or 12h")
                        })?,
                    },
                    max_count: over
                        .event_retention_count
                        .or(file.event_retention_count)
                        .unwrap_or(d.max_count),
                }
            },
            event_buffer: over.event_buffer.or(file.event_buffer).unwrap_or(65_536),
            tls: match (
                over.tls_cert.or(file.tls_cert),
                over.tls_key.or(file.tls_key),
            ) {
                (Some(cert), Some(key)) => Some(TlsFiles {
                    cert,
                    key,
                    client_ca: over.tls_client_ca.or(file.tls_client_ca),
                }),
                (None, None) => {
                    if over.tls_client_ca.is_some() || file.tls_client_ca.is_some() {
                        return Err(
                            "tls-client-ca needs tls-cert and tls-key: mTLS is TLS with client certificates"
                                .into(),
                        );
                    }
                    None
                }
                (Some(_), None) => {
                    return Err("tls-cert needs tls-key (the certificate's private key)".into())
                }
                (None, Some(_)) => {
                    return Err("tls-key needs tls-cert (the certificate it belongs to)".into())
                }
            },
            grpc_insecure: over.grpc_insecure.or(file.grpc_insecure).unwrap_or(false),
        };
        if !cfg.grpc_listen.ip().is_loopback() && cfg.tls.is_none() && !cfg.grpc_insecure {
            return Err(format!(
                "grpc-listen {} is beyond loopback: give tls-cert and tls-key, or grpc-insecure to serve plaintext anyway",
                cfg.grpc_listen
            ));
        }
        if cfg.event_buffer < 16 {
            return Err(format!(
                "event-buffer is {}; give at least 16 (default 65536)",
                cfg.event_buffer
            ));
        }
        if cfg.commit_lanes == 0 || cfg.commit_lanes > 64 {
            return Err(format!(
                "commit-lanes is {}; use 1 to 64 (default 1)",
                cfg.commit_lanes
            ));
        }
        if cfg.dhcp.offer_hold == 0 {
            return Err("offer-hold is 0; hold offers for at least 1 second (default 30)".into());
        }
        for i in &cfg.interfaces {
            if i.is_empty() || i.len() > 15 || i.contains(['/', ' ']) {
                return Err(format!(
                    "interface {i:?} is not an interface name; use a Linux name like eth0"
                ));
            }
        }
        if let Some(u) = &cfg.database_url {
            let known = ["postgres://", "postgresql://", "sqlite:"];
            if !known.iter().any(|k| u.starts_with(k)) {
                return Err(format!(
                    "database-url {:?} is not supported; use postgres://USER@HOST/DB or sqlite:PATH",
                    crate::store::redact(u)
                ));
            }
        }
        Ok(cfg)
    }
}

/// `over` unless it is empty, else `file`.
fn pick<T>(over: Vec<T>, file: Vec<T>) -> Vec<T> {
    if over.is_empty() {
        file
    } else {
        over
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_file_and_defaults_apply() {
        let file = FileConfig::parse(
            "interfaces = [\"eth0\"]\ndatabase_url = \"sqlite::memory:\"\ngrpc_listen = \"127.0.0.1:7000\"\n",
        )
        .expect("parses");
        let over = Overrides {
            interfaces: vec!["eth1".into()],
            ..Default::default()
        };
        let cfg = Config::resolve(file, over).expect("valid");
        assert_eq!(cfg.interfaces, ["eth1"]);
        assert_eq!(cfg.database_url.as_deref(), Some("sqlite::memory:"));
        assert_eq!(cfg.grpc_listen.port(), 7000);
        assert_eq!(cfg.state_dir, PathBuf::from(DEFAULT_STATE_DIR));
    }

    #[test]
    fn unknown_keys_are_refused() {
        let e = FileConfig::parse("interfacez = [\"eth0\"]\n").expect_err("unknown key");
        assert!(e.contains("interfacez"), "{e}");
    }

    #[test]
    fn bad_database_url_is_refused() {
        let over = Overrides {
            database_url: Some("mysql://x".into()),
            ..Default::default()
        };
        let e = Config::resolve(FileConfig::default(), over).expect_err("mysql");
        assert!(e.contains("postgres://"), "{e}");
    }
}
