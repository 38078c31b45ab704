//! Test harness: throwaway databases on both backends, the real `dhcplaned`
//! started on a private port, and the real `dhcpctl` to drive it. Every
//! process and file a test creates is removed when its guard drops, pass or
//! fail.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use serde_json::Value;

pub mod lab;
use sqlx::Connection as _;

/// Environment variable naming the PostgreSQL server the tests may create
/// databases in. The test command (`tests/run.sh`) starts a throwaway
/// cluster and sets it.
pub const PG_ENV: &str = "DHCPLANE_TEST_DATABASE_URL";

/// The two store backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL database.
    Postgres,
}

static SEQ: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    )
}

/// A directory removed on drop.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty directory under the system temp dir.
    pub fn new() -> Self {
        let p = std::env::temp_dir().join(unique("dhcplane"));
        std::fs::create_dir_all(&p).expect("create temp dir");
        Self(p)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Default for TempDir {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, empty store: its URL and whatever must live as long as it.
#[derive(Debug)]
pub struct FreshStore {
    /// `postgres://...` or `sqlite:...`.
    pub url: String,
    /// Holds the SQLite file's directory (and is the daemon's state dir).
    pub dir: TempDir,
}

impl FreshStore {
    /// The URL as seen from inside a network namespace: PostgreSQL through
    /// its unix socket (loopback TCP is per namespace).
    pub fn socket_url(&self) -> String {
        if !self.url.starts_with("postgres") {
            return self.url.clone();
        }
        let dir = std::env::var("DHCPLANE_TEST_PG_SOCKET_DIR")
            .expect("DHCPLANE_TEST_PG_SOCKET_DIR is set by tests/run.sh");
        let server = pg_server_url();
        let port = server
            .rsplit_once(':')
            .and_then(|(_, p)| p.split('/').next())
            .unwrap_or("5432")
            .to_string();
        let db = self.url.rsplit_once('/').map_or("postgres", |(_, d)| d);
        format!("postgres://postgres@localhost/{db}?host={dir}&port={port}")
    }
}

/// The PostgreSQL server URL the test command provides.
///
/// # Panics
/// When the variable is not set: the PostgreSQL half of the suite must not
/// be skipped silently.
pub fn pg_server_url() -> String {
    std::env::var(PG_ENV).unwrap_or_else(|_| {
        panic!("{PG_ENV} is not set: run the tests with `bash tests/run.sh`, which starts a throwaway PostgreSQL")
    })
}

/// A new empty store on `backend`.
pub async fn fresh_store(backend: Backend) -> FreshStore {
    let dir = TempDir::new();
    let url = match backend {
        Backend::Sqlite => format!("sqlite:{}", dir.path().join("dhcplane.db").display()),
        Backend::Postgres => {
            let server = pg_server_url();
            let name = unique("dhcplane_test");
            let mut conn = sqlx::PgConnection::connect(&server)
                .await
                .expect("connect to test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
            format!("{base}/{name}")
        }
    };
    FreshStore { url, dir }
}

/// Runs one SQL statement on `url` outside the store, to probe the
/// database's own constraints.
pub async fn raw_sql(url: &str, sql: &str) -> Result<(), String> {
    if url.starts_with("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(url)
            .await
            .map_err(|e| e.to_string())?;
        sqlx::query("PRAGMA foreign_keys = ON")
            .execute(&mut c)
            .await
            .map_err(|e| e.to_string())?;
        sqlx::query(sql)
            .execute(&mut c)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    } else {
        let mut c = sqlx::PgConnection::connect(url)
            .await
            .map_err(|e| e.to_string())?;
        sqlx::query(sql)
            .execute(&mut c)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Path of a workspace binary, next to the test executable's directory.
///
/// # Panics
/// When the binary has not been built (`cargo build` first).
pub fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let p = dir.join(name);
    assert!(
        p.exists(),
        "{} is missing: run `cargo build --workspace` first",
        p.display()
    );
    p
}

/// What a `dhcpctl` run produced.
#[derive(Debug)]
pub struct CtlOutput {
    /// Exit status.
    pub status: ExitStatus,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<std::process::Output> for CtlOutput {
    fn from(out: std::process::Output) -> Self {
        CtlOutput {
            status: out.status,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// A command running `program` in network namespace `ns`, or here.
pub fn command_in(ns: Option<&str>, program: &Path) -> Command {
    match ns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns]).arg(program);
            c
        }
        None => Command::new(program),
    }
}

/// A running `dhcplaned`, killed on drop.
#[derive(Debug)]
pub struct Daemon {
    child: Option<Child>,
    ns: Option<String>,
    /// Given to every `dhcpctl` run against it (e.g. `--ca FILE --token T`).
    ctl_args: Vec<String>,
    /// `127.0.0.1:PORT` of its gRPC API.
    pub addr: String,
    /// Where its log goes.
    pub log: PathBuf,
}

impl Daemon {
    /// Starts `dhcplaned` on `store` with extra `args`, and waits until its
    /// health service reports SERVING.
    ///
    /// # Panics
    /// When it does not come up within 30 s; the panic shows its log.
    pub fn start(store: &FreshStore, args: &[&str]) -> Self {
        Self::start_in(None, store, args)
    }

    /// Starts `dhcplaned` inside network namespace `ns` (or here).
    ///
    /// # Panics
    /// When it does not come up within 30 s; the panic shows its log.
    pub fn start_in(ns: Option<&str>, store: &FreshStore, args: &[&str]) -> Self {
        Self::start_with(ns, store, args, &[])
    }

    /// Starts `dhcplaned` with `args`; every `dhcpctl` run against it,
    /// the readiness check included, gets `ctl_args` first. The daemon binds
    /// its API to port 0 and writes the port the kernel chose to a file the
    /// test reads: readiness comes from this daemon, never from whatever
    /// else listens on a port.
    ///
    /// # Panics
    /// When it exits or does not come up within 30 s; the panic shows its log.
    pub fn start_with(
        ns: Option<&str>,
        store: &FreshStore,
        args: &[&str],
        ctl_args: &[&str],
    ) -> Self {
        let run = unique("run");
        let log = store.dir.path().join(format!("dhcplaned-{run}.log"));
        let addr_file = store.dir.path().join(format!("grpc-{run}.addr"));
        let logf = std::fs::File::create(&log).expect("log file");
        let mut cmd = command_in(ns, &bin("dhcplaned"));
        let url = if ns.is_some() {
            store.socket_url()
        } else {
            store.url.clone()
        };
        let child = cmd
            .args(["--database-url", &url, "--state-dir"])
            .arg(store.dir.path())
            .args(["--grpc-listen", "127.0.0.1:0", "--grpc-addr-file"])
            .arg(&addr_file)
            .args(args)
            .env("RUST_LOG", "info,sqlx=warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(logf)
            .spawn()
            .expect("spawn dhcplaned");
        let mut d = Daemon {
            child: Some(child),
            ns: ns.map(String::from),
            ctl_args: ctl_args.iter().map(ToString::to_string).collect(),
            addr: String::new(),
            log,
        };
        d.addr = d.bound_addr(&addr_file, Duration::from_secs(30));
        let ready = d.ctl(&["health", "--wait", "30"]);
        if !ready.status.success() {
            panic!(
                "dhcplaned did not become healthy: {}\nlog:\n{}",
                ready.stderr,
                d.log_text()
            );
        }
        d
    }

    /// The API address the daemon wrote to `file` once bound.
    ///
    /// # Panics
    /// When the daemon exits first or `limit` passes; the panic shows its log.
    fn bound_addr(&mut self, file: &Path, limit: Duration) -> String {
        let start = std::time::Instant::now();
        loop {
            if let Ok(a) = std::fs::read_to_string(file) {
                return a.trim().to_string();
            }
            let exited = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten());
            if let Some(st) = exited {
                panic!(
                    "dhcplaned exited ({st}) before binding its API\nlog:\n{}",
                    self.log_text()
                );
            }
            if start.elapsed() > limit {
                panic!(
                    "dhcplaned did not bind its API within {limit:?}\nlog:\n{}",
                    self.log_text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The daemon's log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Runs `dhcpctl --server ADDR args...` (in the daemon's namespace).
    pub fn ctl(&self, args: &[&str]) -> CtlOutput {
        let mut all: Vec<&str> = self.ctl_args.iter().map(String::as_str).collect();
        all.extend(args);
        lab::ctl_in(self.ns.as_deref(), &self.addr, &all)
    }

    /// The first `count` events of `dhcpctl -o json watch ARGS --count N`,
    /// one JSON object each.
    ///
    /// # Panics
    /// When they do not all arrive within 30 s.
    pub fn events(&self, args: &[&str], count: usize) -> Vec<Value> {
        let n = count.to_string();
        let ctl = bin("dhcpctl");
        let mut all = vec!["30", ctl.to_str().expect("utf-8 path")];
        all.extend(["--server", &self.addr]);
        all.extend(self.ctl_args.iter().map(String::as_str));
        all.extend(["-o", "json", "watch", "--count", &n]);
        all.extend(args);
        let o: CtlOutput = command_in(self.ns.as_deref(), Path::new("timeout"))
            .args(&all)
            .env_remove("DHCPCTL_SERVER")
            .env_remove("HOME")
            .output()
            .expect("run dhcpctl watch")
            .into();
        assert!(
            o.status.success(),
            "dhcpctl watch {args:?}: {}\n{}",
            o.stderr,
            o.stdout
        );
        let events: Vec<Value> = o
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        assert_eq!(events.len(), count, "{}", o.stdout);
        events
    }

    /// Its process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Kills the daemon with SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Runs `dhcpctl`, asserts success, returns stdout.
    ///
    /// # Panics
    /// When dhcpctl fails.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.ctl(args);
        assert!(o.status.success(), "dhcpctl {args:?} failed: {}", o.stderr);
        o.stdout
    }

    /// Runs `dhcpctl -o json`, asserts success, parses stdout.
    ///
    /// # Panics
    /// When dhcpctl fails or prints something other than JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = vec!["-o", "json"];
        a.extend_from_slice(args);
        let out = self.ok(&a);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("dhcpctl {args:?} printed non-JSON ({e}): {out}"))
    }

    /// Runs `dhcpctl`, asserts it fails with exit code 1, returns stderr.
    ///
    /// # Panics
    /// When dhcpctl succeeds.
    pub fn err(&self, args: &[&str]) -> String {
        let o = self.ctl(args);
        assert_eq!(
            o.status.code(),
            Some(1),
            "dhcpctl {args:?} should fail; stdout: {} stderr: {}",
            o.stdout,
            o.stderr
        );
        assert!(
            o.stdout.is_empty(),
            "a failed dhcpctl {args:?} printed to stdout: {}",
            o.stdout
        );
        o.stderr
    }

    /// Sends SIGTERM and waits up to `limit` for the exit.
    ///
    /// # Panics
    /// When it does not exit in time.
    pub fn terminate(&mut self, limit: Duration) -> ExitStatus {
        let mut child = self.child.take().expect("daemon running");
        let pid = child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(child.wait());
        });
        match rx.recv_timeout(limit) {
            Ok(Ok(st)) => st,
            _ => {
                let _ = Command::new("kill").args(["-KILL", &pid]).status();
                panic!("dhcplaned did not exit within {limit:?} of SIGTERM");
            }
        }
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Declares each `case(backend)` async test twice, in modules `sqlite` and
/// `postgres`.
#[macro_export]
macro_rules! both_backends {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
              async fn $case() { super::$case($crate::Backend::Sqlite).await; })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
              async fn $case() { super::$case($crate::Backend::Postgres).await; })*
        }
    };
}

/// Runs `dhcpctl --server ADDR args...` on its own (no daemon handle).
pub fn ctl(addr: &str, args: &[&str]) -> CtlOutput {
    lab::ctl_in(None, addr, args)
}

/// Runs `dhcplaned` with `args` to completion (for `migrate`, `--help`...).
pub fn dhcplaned(args: &[&str]) -> CtlOutput {
    Command::new(bin("dhcplaned"))
        .args(args)
        .output()
        .expect("run dhcplaned")
        .into()
}

/// `dhcplaned token create` against the test's store: the secret.
///
/// # Panics
/// When the command fails or prints more than the secret.
pub fn bootstrap_token(store: &FreshStore, role: &str, name: &str) -> String {
    let dir = store.dir.path().display().to_string();
    let o = dhcplaned(&[
        "--database-url",
        &store.url,
        "--state-dir",
        &dir,
        "token",
        "create",
        "--role",
        role,
        "--name",
        name,
    ]);
    assert!(o.status.success(), "token create: {}", o.stderr);
    let secret = o.stdout.trim().to_string();
    assert!(
        secret.starts_with("dpl_"),
        "only the secret on stdout: {:?}",
        o.stdout
    );
    secret
}

/// A CA (`ca.pem`, `ca.key`), another CA (`otherca.*`), a server certificate
/// for 127.0.0.1 (`server.pem`, `server.key`) and a client certificate
/// (`client.*`), made by `openssl` in `dir`.
///
/// # Panics
/// When `openssl` fails.
pub fn make_pki(dir: &Path) {
    let sh = |script: &str| {
        let o = Command::new("sh")
            .arg("-ec")
            .arg(script)
            .current_dir(dir)
            .output()
            .expect("sh");
        assert!(
            o.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    let ca = |name: &str| {
        format!(
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
             -subj /CN={name} -keyout {name}.key -out {name}.pem \
             -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign"
        )
    };
    sh(&ca("ca"));
    sh(&ca("otherca"));
    for (name, ext) in [
        (
            "server",
            "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth",
        ),
        ("client", "extendedKeyUsage=clientAuth"),
    ] {
        std::fs::write(dir.join(format!("{name}.ext")), ext).expect("ext");
        sh(&format!(
            "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN={name} \
             -keyout {name}.key -out {name}.csr && \
             openssl x509 -req -in {name}.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
             -extfile {name}.ext -out {name}.pem"
        ));
    }
}
