//! Where and how to reach dhcplaned: the connection flags, the config
//! file's named contexts, and the authenticated channel every command calls
//! through. Knows nothing of commands or of how results are printed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, bail};
use clap::Args;
use tonic::transport::Channel;

/// The connection flags every command takes.
#[derive(Debug, Args)]
pub(crate) struct ConnArgs {
    /// Address of dhcplaned's gRPC API (ADDR:PORT, http://ADDR:PORT or
    /// https://HOST:PORT) [default: the context's, else 127.0.0.1:6767].
    #[arg(long, short = 's', env = "DHCPCTL_SERVER", global = true)]
    server: Option<String>,

    /// Bearer token (a secret from `dhcplaned token create` or
    /// `dhcpctl token create`).
    #[arg(long, env = "DHCPCTL_TOKEN", global = true, hide_env_values = true)]
    token: Option<String>,

    /// PEM CA to verify the server's certificate with; turns TLS on.
    #[arg(long, env = "DHCPCTL_CA", value_name = "FILE", global = true)]
    ca: Option<PathBuf>,

    /// PEM client certificate, for servers that require one (mTLS).
    #[arg(long, env = "DHCPCTL_CERT", value_name = "FILE", global = true)]
    cert: Option<PathBuf>,

    /// PEM private key of --cert.
    #[arg(long, env = "DHCPCTL_KEY", value_name = "FILE", global = true)]
    key: Option<PathBuf>,

    /// Named context from the config file (server, token, ca, cert, key).
    #[arg(long, env = "DHCPCTL_CONTEXT", global = true)]
    context: Option<String>,

    /// Config file [default: ~/.config/dhcpctl/config.toml].
    #[arg(long, env = "DHCPCTL_CONFIG", value_name = "FILE", global = true)]
    config: Option<PathBuf>,
}

/// Where and how to reach the server: flags and environment over the
/// config file's context over defaults.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Conn {
    server: Option<String>,
    token: Option<String>,
    ca: Option<PathBuf>,
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
}

/// `~/.config/dhcpctl/config.toml`: contexts by name.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    /// The context used when none is named.
    context: Option<String>,
    #[serde(default)]
    contexts: HashMap<String, Conn>,
}

impl Conn {
    /// The connection the flags ask for, filled in from the config file.
    ///
    /// # Errors
    /// An unreadable or malformed config file, an unknown context, or a
    /// client certificate without its key (or the reverse).
    pub(crate) fn resolve(args: &ConnArgs) -> anyhow::Result<Self> {
        let file = ConfigFile::read(args.config.as_ref())?;
        let ctx = file.context(args.context.clone())?;
        let c = Conn {
            server: args.server.clone().or(ctx.server),
            token: args.token.clone().or(ctx.token),
            ca: args.ca.clone().or(ctx.ca),
            cert: args.cert.clone().or(ctx.cert),
            key: args.key.clone().or(ctx.key),
        };
        if c.cert.is_some() != c.key.is_some() {
            bail!("--cert and --key go together: a client certificate and its private key");
        }
        Ok(c)
    }

    /// The server as given, or the default.
    pub(crate) fn server(&self) -> &str {
        self.server.as_deref().unwrap_or("127.0.0.1:6767")
    }

    fn tls(&self) -> bool {
        self.ca.is_some() || self.cert.is_some() || self.server().starts_with("https://")
    }

    /// The server as a URL: a bare ADDR:PORT gets the scheme TLS implies.
    pub(crate) fn url(&self) -> String {
        let s = self.server();
        if s.contains("://") {
            s.to_string()
        } else if self.tls() {
            format!("https://{s}")
        } else {
            format!("http://{s}")
        }
    }
}

impl ConfigFile {
    /// The file at `given` (which must exist), else the default one if it
    /// exists, else an empty one.
    fn read(given: Option<&PathBuf>) -> anyhow::Result<Self> {
        let path = given.cloned().or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/dhcpctl/config.toml"))
        });
        Ok(match &path {
            Some(p) if p.exists() => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| anyhow!("cannot read {}: {e}", p.display()))?;
                toml::from_str(&text).map_err(|e| anyhow!("{}: {e}", p.display()))?
            }
            Some(p) if given.is_some() => bail!("--config {}: no such file", p.display()),
            _ => ConfigFile::default(),
        })
    }

    /// The context named by the flag, else the file's own choice, else none.
    fn context(mut self, named: Option<String>) -> anyhow::Result<Conn> {
        let Some(name) = named.or(self.context.take()) else {
            return Ok(Conn::default());
        };
        self.contexts.remove(&name).ok_or_else(|| {
            let mut known: Vec<_> = self.contexts.keys().cloned().collect();
            known.sort();
            anyhow!(
                "context {name:?} is not in the config file; known: {}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )
        })
    }
}

/// Adds `authorization: Bearer TOKEN` to every call.
#[derive(Debug, Clone)]
pub(crate) struct Bearer(Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>);

impl tonic::service::Interceptor for Bearer {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(v) = &self.0 {
            req.metadata_mut().insert("authorization", v.clone());
        }
        Ok(req)
    }
}

/// A connection that carries the token.
pub(crate) type Authed = tonic::service::interceptor::InterceptedService<Channel, Bearer>;

/// The error of a failed call: the server's message and the gRPC code.
pub(crate) fn rpc(s: tonic::Status) -> anyhow::Error {
    anyhow!("{} [{:?}]", s.message(), s.code())
}

/// Opens the channel to the server, with TLS when asked for and the token
/// on every call.
///
/// # Errors
/// A server that is not an address, unreadable PEM files, a token that
/// cannot be a header, or a server that cannot be reached (named by its
/// innermost cause, which is the useful one).
pub(crate) async fn connect(conn: &Conn) -> anyhow::Result<Authed> {
    use tonic::transport::{Certificate, ClientTlsConfig, Identity};
    let url = conn.url();
    let mut ep = Channel::from_shared(url.clone())
        .map_err(|_| {
            anyhow!(
                "--server {:?} is not an address; write ADDR:PORT like 127.0.0.1:6767",
                conn.server()
            )
        })?
        .connect_timeout(Duration::from_secs(5));
    if conn.tls() {
        let read =
            |p: &PathBuf| std::fs::read(p).map_err(|e| anyhow!("cannot read {}: {e}", p.display()));
        let mut tls = ClientTlsConfig::new();
        if let Some(ca) = &conn.ca {
            tls = tls.ca_certificate(Certificate::from_pem(read(ca)?));
        }
        if let (Some(cert), Some(key)) = (&conn.cert, &conn.key) {
            tls = tls.identity(Identity::from_pem(read(cert)?, read(key)?));
        }
        ep = ep.tls_config(tls).map_err(|e| anyhow!("TLS setup: {e}"))?;
    }
    let ch = ep.connect().await.map_err(|e| {
        let mut why = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            why = s.to_string();
            src = s.source();
        }
        anyhow!("cannot reach dhcplaned at {url}: {why}")
    })?;
    let token = match &conn.token {
        None => None,
        Some(t) => Some(
            format!("Bearer {}", t.trim())
                .parse()
                .map_err(|_| anyhow!("--token holds characters a token never has"))?,
        ),
    };
    Ok(tonic::service::interceptor::InterceptedService::new(
        ch,
        Bearer(token),
    ))
}
