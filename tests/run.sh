#!/usr/bin/env bash
# The test command. Installs the Debian packages the tests need when they
# are missing, starts a throwaway PostgreSQL cluster on a private port,
# checks formatting and lints, builds the binaries and runs every test;
# the cluster is stopped and removed on exit, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"

command -v cargo >/dev/null || { echo "tests/run.sh: cargo is required (https://rustup.rs)" >&2; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
# Real DHCP clients and a relay for the end-to-end tests.
command -v dhclient >/dev/null || missing+=(isc-dhcp-client)
command -v dhcpcd >/dev/null || missing+=(dhcpcd-base)
command -v udhcpc >/dev/null || missing+=(udhcpc)
command -v dhcrelay >/dev/null || missing+=(isc-dhcp-relay)
command -v ip >/dev/null || missing+=(iproute2)
# A test CA and certificates for the TLS and mTLS tests.
command -v openssl >/dev/null || missing+=(openssl)
# `timeout` bounds the event-stream reads of the DHCP tests.
command -v timeout >/dev/null || missing+=(coreutils)
# The client packages: their generators, the Python and TypeScript examples.
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "tests/run.sh: missing Debian packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "tests/run.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PG_BIN=$(pg_bin)

# Throwaway PostgreSQL: its own directory, socket and port; fsync off since
# nothing in it outlives the run.
pgdir=$(mktemp -d /tmp/dhcplane-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$pgdir"
  chmod 0755 "$pgdir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT

port=
for p in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "tests/run.sh: no free port for PostgreSQL" >&2; exit 1; }

"${as_pg[@]}" "$PG_BIN/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 >"$pgdir/initdb.log" 2>&1 \
  || { cat "$pgdir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400" \
  start >/dev/null || { cat "$pgdir/server.log" >&2; exit 1; }
export DHCPLANE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
# Daemons inside network namespaces reach the same server through its socket.
export DHCPLANE_TEST_PG_SOCKET_DIR="$pgdir"
echo "tests/run.sh: throwaway PostgreSQL on 127.0.0.1:$port"

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo build --workspace --locked

# Fuzz decode + decide for a bounded time (cargo fuzz; RUSTC_BOOTSTRAP lets
# this stable toolchain take libFuzzer's flags). Seeds: server/fuzz/seeds and
# the real clients' and firmware's packets in server/fixtures/v4.
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
mkdir -p server/fuzz/corpus/engine
if ! (cd server && RUSTC_BOOTSTRAP=1 cargo fuzz run engine fuzz/corpus/engine fuzz/seeds fixtures/v4 -- \
      -max_total_time="${FUZZ_SECONDS:-60}" -max_len=1500 -rss_limit_mb=2048) >"$pgdir/fuzz.log" 2>&1; then
  tail -n 60 "$pgdir/fuzz.log" >&2
  echo "tests/run.sh: the engine fuzz target failed (crash input under server/fuzz/artifacts/)" >&2
  exit 1
fi
echo "tests/run.sh: fuzz: $(grep -a -E '^Done [0-9]+ runs' "$pgdir/fuzz.log" | tail -n 1)"

# The committed client stubs match proto/ (and the Python ones type-check).
bash clients/generate.sh --check

cargo test --workspace --locked
