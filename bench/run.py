#!/usr/bin/env python3
"""Benchmark dhcplaned against ISC Kea with perfdhcp: one run, one machine.

ISC's method: full DORA exchanges from many distinct simulated clients,
rate stepped up until more than 2.5% of exchanges are lost; the figure is
the highest rate that stays under. perfdhcp acts as a relay (giaddr =
127.0.0.2); every server listens on 127.0.0.1:67. All of it runs inside a
network namespace this script creates and removes, with a throwaway
PostgreSQL cluster shared by the PostgreSQL targets.

Usage (as root): python3 bench/run.py [--seconds 10] [--targets ...] [--million]
Results: a table on stdout and bench/results/<UTC time>.json.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NS = f"dpbench{os.getpid() % 100000}"
CLK = os.sysconf("SC_CLK_TCK")
DROP_LIMIT = 2.5
CLIENTS = 10_000_000
POOL = ("10.0.0.10", "10.255.255.250")
LEASE_TIME = 3600
# ISC's thread settings: PostgreSQL from ISC's published performance reports
# (8 threads, queue 70); memfile 4 threads, queue 28.
KEA_MT = {"memfile": (4, 28), "postgresql": (8, 70)}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(args, check=True, **kw):
    return subprocess.run(args, check=check, text=True, capture_output=True, **kw)


def nsx(*args):
    return ["ip", "netns", "exec", NS, *args]


def pg_bin():
    cands = sorted(d for d in os.listdir("/usr/lib/postgresql") if d.isdigit()) if os.path.isdir("/usr/lib/postgresql") else []
    return f"/usr/lib/postgresql/{cands[-1]}/bin" if cands else None


def ensure_packages():
    need = []
    if not shutil.which("perfdhcp") and not os.path.exists("/usr/sbin/perfdhcp"):
        need.append("kea-admin")
    if not os.path.exists("/usr/sbin/kea-dhcp4"):
        need.append("kea-dhcp4-server")
    if not pg_bin():
        need.append("postgresql")
    if need:
        log(f"installing {' '.join(need)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *need], env=env)


class Lab:
    """The namespace, the PostgreSQL cluster and every process started."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="dpbench.")
        os.chmod(self.dir, 0o755)
        self.procs = []
        run(["ip", "netns", "add", NS])
        run(["ip", "-n", NS, "link", "set", "lo", "up"])
        run(["ip", "-n", NS, "addr", "add", "127.0.0.2/8", "dev", "lo"])
        self.pgdir = os.path.join(self.dir, "pg")
        os.mkdir(self.pgdir)
        shutil.chown(self.pgdir, "postgres", "postgres")
        b = pg_bin()
        run(["runuser", "-u", "postgres", "--", f"{b}/initdb", "-D", f"{self.pgdir}/data", "-U", "postgres", "--auth=trust"])
        run(nsx("runuser", "-u", "postgres", "--", f"{b}/pg_ctl", "-D", f"{self.pgdir}/data", "-l", f"{self.pgdir}/log", "-w",
                "-o", f"-p 5432 -k {self.pgdir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB",
                "start"))

    def psql(self, db, sql):
        return run(nsx("psql", "-h", self.pgdir, "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql)).stdout

    def createdb(self, name):
        self.psql("postgres", f"CREATE DATABASE {name}")
        return f"postgres://postgres@localhost/{name}?host={self.pgdir}&port=5432"

    def spawn(self, args, logname, env=None):
        f = open(os.path.join(self.dir, logname), "w")
        p = subprocess.Popen(nsx(*args), stdout=f, stderr=subprocess.STDOUT, env=env)
        self.procs.append(p)
        return p

    def stop(self, p):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def close(self):
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()
        pids = run(["ip", "netns", "pids", NS], check=False).stdout.split()
        for pid in pids:
            run(["kill", "-9", pid], check=False)
        run(["ip", "netns", "del", NS], check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def wait_udp67(limit=30):
    deadline = time.time() + limit
    while time.time() < deadline:
        if "127.0.0.1:67 " in run(nsx("ss", "-Hunl"), check=False).stdout:
            return
        time.sleep(0.1)
    raise RuntimeError("server did not bind 127.0.0.1:67")


def machine_busy():
    """Total and idle jiffies of all CPUs."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]


def perfdhcp(rate, seconds, _first, _acks):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0, i0 = machine_busy()
    out = run(nsx("perfdhcp", "-4", "-l", "127.0.0.2", "-r", str(rate), "-R", str(CLIENTS), "-p", str(seconds), "127.0.0.1"),
              check=False).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    t1, i1 = machine_busy()
    perf_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    idle_pct = 100.0 * (i1 - i0) / max(t1 - t0, 1)
    stats = {}
    for section, body in re.findall(r"\*\*\*Statistics for: (\S+)\*\*\*\n(.*?)(?=\n\*\*\*|\Z)", out, re.S):
        def num(key):
            m = re.search(rf"^{key}: ([0-9.]+)", body, re.M)
            return float(m.group(1)) if m else 0.0
        stats[section] = {k: num(k) for k in ["sent packets", "received packets", "drops", "avg delay", "max delay", "min delay"]}
    do, ra = stats.get("DISCOVER-OFFER"), stats.get("REQUEST-ACK")
    if not do or not ra or do["sent packets"] == 0:
        raise RuntimeError(f"perfdhcp gave no statistics:\n{out[-2000:]}")
    acked = ra["received packets"]
    lost = max(0.0, 100.0 * (1 - acked / do["sent packets"]))
    return {"rate": rate, "acked": acked, "leases_per_s": acked / seconds, "drop_pct": lost,
            "avg_ms": do["avg delay"] + ra["avg delay"], "max_ms": do["max delay"] + ra["max delay"], "p99_ms": None,
            "generator_cpu_pct": 100.0 * perf_cpu / seconds, "machine_idle_pct": idle_pct}


def dhcpload(rate, seconds, first, acks):
    """One step of bench/dhcpload: same DORA exchange, open loop, with percentiles.
    Every ACK (MAC, address) is written to `acks` for the store check."""
    t0, i0 = machine_busy()
    out = run(nsx(f"{ROOT}/target/release/dhcpload", "--server", "127.0.0.1:67", "--relay", "127.0.0.2",
                  "--rate", str(rate), "--seconds", str(seconds), "--first-client", str(first), "--acks", acks)).stdout
    t1, i1 = machine_busy()
    r = json.loads(out)
    return {"rate": rate, "acked": r["acks"], "leases_per_s": r["acks"] / seconds, "drop_pct": max(0.0, r["lost_pct"]),
            "avg_ms": r["avg_ms"], "max_ms": r["max_ms"], "p50_ms": r["p50_ms"], "p99_ms": r["p99_ms"],
            "p999_ms": r["p999_ms"], "naks": r["naks"],
            "generator_cpu_pct": 100.0 * r["cpu_s"] / seconds, "machine_idle_pct": 100.0 * (i1 - i0) / max(t1 - t0, 1)}


GENERATORS = {"perfdhcp": perfdhcp, "dhcpload": dhcpload}


def settle(pid, limit=120):
    """Waits until, over half a second, the server's CPU use is under 5% and
    the machine is at least 90% idle: what the overloaded steps left behind
    (a store's PostgreSQL folding, vacuuming or checkpointing after the
    server itself went quiet) must not land on the next measurement."""
    deadline = time.time() + limit
    while time.time() < deadline:
        c0 = cpu_seconds(pid)
        t0, i0 = machine_busy()
        time.sleep(0.5)
        t1, i1 = machine_busy()
        if cpu_seconds(pid) - c0 < 0.025 and (i1 - i0) >= 0.9 * (t1 - t0):
            return
    log(f"    server or machine still busy after {limit} s; measuring anyway")


def step(r):
    p99 = f"  p99 {r['p99_ms']:6.2f} ms" if r.get("p99_ms") is not None else ""
    return (f"    rate {r['rate']:>7}/s  acked {r['leases_per_s']:>9.0f}/s  lost {r['drop_pct']:5.2f}%  "
            f"avg {r['avg_ms']:6.2f} ms{p99}  generator cpu {r['generator_cpu_pct']:3.0f}%  machine idle {r['machine_idle_pct']:3.0f}%")


# dhcpload's next client number: every step of the run gets new clients.
NEXT_CLIENT = [0]


def measure(gen, pid, seconds, start_rate, acks_prefix, bounds=None, bisections=3):
    """Steps the rate up, then bisects, to the highest rate under DROP_LIMIT.
    With `bounds` (good, bad), bisects between them only."""
    good, bad, rate, runs = None, None, start_rate, []

    def generate(rate):
        r = GENERATORS[gen](rate, seconds, NEXT_CLIENT[0], f"{acks_prefix}-{NEXT_CLIENT[0]}.acks")
        NEXT_CLIENT[0] += rate * seconds
        return r

    if bounds:
        good, bad = {"rate": bounds[0], "leases_per_s": 0}, bounds[1]

    while bad is None and rate <= 256_000:
        r = generate(rate)
        runs.append(r)
        log(step(r))
        if r["drop_pct"] <= DROP_LIMIT:
            good, rate = r, rate * 2
        else:
            bad = rate
    lo = good["rate"] if good else 0
    hi = bad
    for _ in range(bisections if bad else 0):
        mid = (lo + hi) // 2
        if mid <= lo:
            break
        r = generate(mid)
        runs.append(r)
        log(step(r))
        if r["drop_pct"] <= DROP_LIMIT:
            good, lo = r, mid
        else:
            hi = mid
    if good is None or not good.get("acked"):
        return {"max_rate": 0, "runs": runs}
    # Latency and CPU at 80% of the highest rate, once the server has
    # worked off what the overloaded steps left queued.
    settle(pid)
    rate80 = max(1, int(good["rate"] * 0.8))
    cpu0 = cpu_seconds(pid)
    at80 = generate(rate80)
    cpu = cpu_seconds(pid) - cpu0
    return {"max_rate": good["rate"], "leases_per_s": good["leases_per_s"], "at80": at80,
            "cpu_s_per_1000_leases": 1000 * cpu / max(at80["acked"], 1), "runs": runs}


def measure_all(lab, name, gens, pid, seconds, start_rate):
    out = {}
    for g in gens:
        log(f"  generator {g}")
        out[g] = measure(g, pid, seconds, start_rate, os.path.join(lab.dir, name))
    return out


def status_counter(ctl, key):
    out = run(nsx(*ctl, "-o", "json", "status"), check=False).stdout
    try:
        return json.loads(out)["counters"].get(key, 0)
    except (ValueError, KeyError):
        return 0


def with_subscribers(lab, name, ctl, pid, n, seconds, base):
    """The highest rate without and then with `n` event subscribers, one
    right after the other on the same server (the store grows during a run,
    so an earlier figure is not a fair baseline), both bisected five times
    between half and 110% of `base` (about 2% resolution). 90% of the
    subscribers follow one client each (MACs dhcpload is about to use), the
    rest follow the rare kinds (released, declined, expired, naked)."""
    log("  dhcpload again without subscribers, as the baseline")
    without = measure("dhcpload", pid, seconds, 0, os.path.join(lab.dir, name), bounds=(base // 2, int(base * 1.1)), bisections=5)
    procs = []
    for k in range(n):
        args = ["watch", "-o", "json"]
        if k < n * 9 // 10:
            c = NEXT_CLIENT[0] + (k + 1) * 997
            args += ["--mac", ":".join(f"{b:02x}" for b in [2, *((c >> s) & 255 for s in (32, 24, 16, 8, 0))])]
        else:
            args += ["--kind", "released,declined,expired,naked"]
        f = open(os.path.join(lab.dir, f"{name}-sub{k}.jsonl"), "w")
        procs.append(subprocess.Popen(nsx(*ctl, *args), stdout=f, stderr=subprocess.STDOUT))
    try:
        deadline = time.time() + 30
        while status_counter(ctl, "events.subscribers") < n:
            if time.time() > deadline:
                raise RuntimeError(f"only {status_counter(ctl, 'events.subscribers')} of {n} subscribers connected")
            time.sleep(0.2)
        log(f"  dhcpload with {n} event subscribers")
        r = measure("dhcpload", pid, seconds, 0, os.path.join(lab.dir, name), bounds=(base // 2, int(base * 1.1)), bisections=5)
        r["subscribers"] = n
        r["subscribers_connected_at_end"] = status_counter(ctl, "events.subscribers")
        r["subscribers_cut_off"] = status_counter(ctl, "events.subscriber_lagged")
    finally:
        for p in procs:
            p.kill()
            p.wait()
    r["events_delivered"] = sum(sum(1 for _ in open(os.path.join(lab.dir, f"{name}-sub{k}.jsonl"))) for k in range(n))
    r["baseline"] = without
    return r


def dhcplaned_target(lab, url, name, gens, seconds, start_rate, subscribers=0, extra=()):
    env = dict(os.environ, RUST_LOG="warn")
    p = lab.spawn([f"{ROOT}/target/release/dhcplaned", "--database-url", url, "--state-dir", os.path.join(lab.dir, name),
                   "--listen", "127.0.0.1", "--grpc-listen", "127.0.0.1:6767", *extra], f"{name}.log", env)
    ctl = [f"{ROOT}/target/release/dhcpctl", "--server", "127.0.0.1:6767"]
    run(nsx(*ctl, "health", "--wait", "60"))
    run(nsx(*ctl, "subnet", "add", "10.0.0.0/8", "--relay", "127.0.0.2", "--lease-time", str(LEASE_TIME)))
    run(nsx(*ctl, "pool", "add", "10.0.0.0/8", f"{POOL[0]}-{POOL[1]}"))
    try:
        res = measure_all(lab, name, gens, p.pid, seconds, start_rate)
        if subscribers and res.get("dhcpload", {}).get("max_rate"):
            base = res["dhcpload"]["max_rate"]
            w = with_subscribers(lab, name, ctl, p.pid, subscribers, seconds, base)
            base = w["baseline"]["max_rate"] or base
            w["ratio_to_without"] = w["max_rate"] / base
            res["dhcpload_with_subscribers"] = w
            log(f"  with {subscribers} subscribers: {w['max_rate']}/s = {w['ratio_to_without']:.3f} of {base}/s")
        res["rss_bytes"] = rss_bytes(p.pid)
    finally:
        lab.stop(p)
    # Correctness under load: no panics, no errors other than deliberate drops.
    with open(os.path.join(lab.dir, f"{name}.log")) as f:
        bad = [l for l in f if "panicked" in l or " ERROR " in l]
    res["log_errors"] = len(bad)
    if bad:
        log(f"    {len(bad)} error lines, first: {bad[0].strip()}")
    return res


def kea_config(lab, backend):
    threads, queue = KEA_MT[backend]
    if backend == "memfile":
        db = {"type": "memfile", "persist": True, "name": os.path.join(lab.dir, "kea-leases4.csv"), "lfc-interval": 3600}
    else:
        db = {"type": "postgresql", "name": "kea", "user": "postgres", "host": "127.0.0.1", "port": 5432}
    return {"Dhcp4": {
        "interfaces-config": {"interfaces": ["lo/127.0.0.1"], "dhcp-socket-type": "udp"},
        "lease-database": db,
        "valid-lifetime": LEASE_TIME,
        "multi-threading": {"enable-multi-threading": True, "thread-pool-size": threads, "packet-queue-size": queue},
        "subnet4": [{"id": 1, "subnet": "10.0.0.0/8", "pools": [{"pool": f"{POOL[0]} - {POOL[1]}"}],
                     "relay": {"ip-addresses": ["127.0.0.2"]}}],
        "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": os.path.join(lab.dir, f"kea-{backend}.log")}],
                     "severity": "WARN"}],
    }}


def kea_env(lab):
    """Kea writes its pid and logger lock files here instead of /run/kea."""
    return dict(os.environ, KEA_PIDFILE_DIR=lab.dir, KEA_LOCKFILE_DIR=lab.dir)


def kea_target(lab, backend, gens, seconds, start_rate):
    if backend == "postgresql":
        lab.psql("postgres", "CREATE DATABASE kea")
        run(nsx("kea-admin", "db-init", "pgsql", "-h", "127.0.0.1", "-u", "postgres", "-n", "kea"))
    conf = os.path.join(lab.dir, f"kea-{backend}.json")
    with open(conf, "w") as f:
        json.dump(kea_config(lab, backend), f)
    p = lab.spawn(["kea-dhcp4", "-c", conf], f"kea-{backend}.out", kea_env(lab))
    wait_udp67()
    try:
        res = measure_all(lab, f"kea-{backend}", gens, p.pid, seconds, start_rate)
        res["rss_bytes"] = rss_bytes(p.pid)
    finally:
        lab.stop(p)
    return res


def check_store(lab, name, db=None, sqlite_path=None):
    """After the daemon stopped: no MAC bound to two addresses (the ip primary
    key already rules out two clients on one address), and every ACK the
    load generator received present in the store as that MAC's bound lease."""
    if db:
        rows = (l.split("|") for l in lab.psql(db, "SELECT ip, encode(mac, 'hex'), state FROM leases").splitlines())
        store = {int(ip): (mac, state) for ip, mac, state in rows}
    else:
        import sqlite3
        with sqlite3.connect(sqlite_path) as c:
            store = {ip: (mac.hex() if mac else "", state) for ip, mac, state in c.execute("SELECT ip, mac, state FROM leases")}
    bound_ips = {}
    for ip, (mac, state) in store.items():
        if state == "bound":
            bound_ips.setdefault(mac, []).append(ip)
    acked = missing = 0
    for f in sorted(os.listdir(lab.dir)):
        if f.startswith(name + "-") and f.endswith(".acks"):
            with open(os.path.join(lab.dir, f)) as fh:
                for line in fh:
                    mac, ip = line.split()
                    acked += 1
                    if store.get(int(ip)) != (mac, "bound"):
                        missing += 1
    return {"bound_in_store": sum(len(v) for v in bound_ips.values()),
            "macs_bound_twice": sum(1 for v in bound_ips.values() if len(v) > 1),
            "acked_by_dhcpload": acked, "acked_missing_from_store": missing}


def million(lab):
    """Resident memory per lease with 1,000,000 bound leases, and start-to-serving time."""
    out = {}
    ctl = [f"{ROOT}/target/release/dhcpctl", "--server", "127.0.0.1:6767"]
    for n in (0, 1_000_000):
        url = lab.createdb(f"m{n}")
        run(nsx(f"{ROOT}/target/release/dhcplaned", "--database-url", url, "migrate"))
        db = f"m{n}"
        now = int(time.time())
        lab.psql(db, "INSERT INTO subnets (network, broadcast, prefix_len, lease_min, lease_default, lease_max, created, updated, authoritative) "
                     "VALUES (167772160, 184549375, 8, 60, 3600, 86400, 0, 0, true)")
        lab.psql(db, "INSERT INTO pools (subnet_id, range_start, range_end) VALUES (1, 167772170, 184549370)")
        if n:
            lab.psql(db, f"INSERT INTO leases (ip, subnet_id, mac, client_id, hostname, state, starts, ends) "
                         f"SELECT 167772170 + i, 1, decode(lpad(to_hex(i), 12, '0'), 'hex'), NULL, NULL, 'bound', {now}, {now + 86400} "
                         f"FROM generate_series(0, {n - 1}) i")
        t0 = time.time()
        p = lab.spawn([f"{ROOT}/target/release/dhcplaned", "--database-url", url, "--listen", "127.0.0.1",
                       "--grpc-listen", "127.0.0.1:6767"], f"million-{n}.log", dict(os.environ, RUST_LOG="warn"))
        run(nsx(*ctl, "health", "--wait", "120"))
        wait_udp67()
        out[f"start_to_serving_s_{n}"] = time.time() - t0
        time.sleep(1)
        out[f"dhcplaned_rss_{n}"] = rss_bytes(p.pid)
        lab.stop(p)
    out["dhcplaned_bytes_per_lease"] = (out["dhcplaned_rss_1000000"] - out["dhcplaned_rss_0"]) / 1_000_000
    # Kea memfile with the same leases in its CSV lease file.
    for n in (0, 1_000_000):
        path = os.path.join(lab.dir, "kea-leases4.csv")
        now = int(time.time())
        with open(path, "w") as f:
            f.write("address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context\n")
            for i in range(n):
                ip = 167772170 + i
                mac = ":".join(f"{(i >> s) & 0xff:02x}" for s in (40, 32, 24, 16, 8, 0))
                f.write(f"{ip >> 24}.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255},{mac},,86400,{now + 86400},1,0,0,,0,\n")
        conf = os.path.join(lab.dir, "kea-million.json")
        with open(conf, "w") as f:
            json.dump(kea_config(lab, "memfile"), f)
        t0 = time.time()
        p = lab.spawn(["kea-dhcp4", "-c", conf], f"kea-million-{n}.out", kea_env(lab))
        wait_udp67(300)
        out[f"kea_start_to_serving_s_{n}"] = time.time() - t0
        time.sleep(1)
        out[f"kea_rss_{n}"] = rss_bytes(p.pid)
        lab.stop(p)
    out["kea_bytes_per_lease"] = (out["kea_rss_1000000"] - out["kea_rss_0"]) / 1_000_000
    return out


def main():
    # SIGTERM unwinds like Ctrl-C, so the namespace and PostgreSQL go too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=10, help="length of each perfdhcp step")
    ap.add_argument("--start-rate", type=int, default=500)
    ap.add_argument("--targets", default="dhcplaned-postgres,dhcplaned-sqlite,kea-memfile,kea-postgresql",
                    help="comma-separated; a dhcplaned target may end in +lanesN (--commit-lanes N), so that "
                         "settings are compared in one run, e.g. dhcplaned-postgres,dhcplaned-postgres+lanes2")
    ap.add_argument("--generators", default="perfdhcp,dhcpload",
                    help="load generators, each measured on every target: perfdhcp (ISC's) and dhcpload (bench/dhcpload)")
    ap.add_argument("--million", action="store_true", help="also measure memory and start time with 1,000,000 leases")
    ap.add_argument("--subscribers", type=int, default=100,
                    help="event subscribers for the second dhcpload measurement of each dhcplaned target (0: skip)")
    a = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("bench/run.py needs root (network namespaces, port 67)")
    ensure_packages()
    log("building release binaries")
    run(["cargo", "build", "--release", "--locked", "--bin", "dhcplaned", "--bin", "dhcpctl", "--bin", "dhcpload"], cwd=ROOT)
    gens = [g for g in a.generators.split(",") if g]
    for g in gens:
        if g not in GENERATORS:
            sys.exit(f"unknown generator {g}; known: {', '.join(GENERATORS)}")
    lab = Lab()
    results = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(),
               "generators": gens, "drop_limit_pct": DROP_LIMIT, "step_seconds": a.seconds, "clients": CLIENTS,
               "kea_version": run(["kea-dhcp4", "-V"]).stdout.split()[0], "kea_threads": KEA_MT, "targets": {}}
    try:
        for t in filter(None, a.targets.split(",")):
            log(f"== {t}")
            base, _, variant = t.partition("+")
            extra = []
            if variant:
                m = re.fullmatch(r"lanes(\d+)", variant)
                if not m or not base.startswith("dhcplaned-"):
                    sys.exit(f"unknown target variant {t}: only dhcplaned targets take +lanesN")
                extra = ["--commit-lanes", m.group(1)]
            if base == "dhcplaned-postgres":
                db = "dhcplane" + (f"_{variant}" if variant else "")
                url = lab.createdb(db)
                r = dhcplaned_target(lab, url, t, gens, a.seconds, a.start_rate, a.subscribers, extra)
                r["store_check"] = check_store(lab, t, db=db)
            elif base == "dhcplaned-sqlite":
                r = dhcplaned_target(lab, f"sqlite:{lab.dir}/{t}.db", t, gens, a.seconds, a.start_rate, a.subscribers, extra)
                r["store_check"] = check_store(lab, t, sqlite_path=f"{lab.dir}/{t}.db")
            elif t == "kea-memfile":
                r = kea_target(lab, "memfile", gens, a.seconds, a.start_rate)
            elif t == "kea-postgresql":
                r = kea_target(lab, "postgresql", gens, a.seconds, a.start_rate)
            else:
                sys.exit(f"unknown target {t}")
            if "store_check" in r:
                log(f"  store check: {r['store_check']}")
            results["targets"][t] = r
        if a.million:
            log("== 1,000,000 leases")
            results["million"] = million(lab)
    finally:
        lab.close()
    report(results)


def report(results):
    t = results["targets"]
    for g in results["generators"]:
        print(f"-- load generator {g}")
        base = {k: t[k][g]["max_rate"] for k in ("kea-memfile", "kea-postgresql") if k in t and t[k][g]["max_rate"]}
        print(f"{'target':<26} {'leases/s':>9} {'avg ms@80%':>10} {'p99 ms@80%':>10} {'max ms@80%':>10} {'cpu s/1k':>9} "
              f"{'gen cpu':>7} {'vs kea-mem':>10} {'vs kea-pg':>9}")
        for name, tr in t.items():
            r = tr[g]
            at80 = r.get("at80", {})
            p99 = at80.get("p99_ms")
            ratio = lambda k: f"{r['max_rate'] / base[k]:.2f}x" if k in base else "-"
            top = max((x for x in r["runs"] if x["rate"] == r["max_rate"]), key=lambda x: x["generator_cpu_pct"], default={})
            print(f"{name:<26} {r['max_rate']:>9} {at80.get('avg_ms', 0):>10.2f} {(f'{p99:.2f}' if p99 is not None else '-'):>10} "
                  f"{at80.get('max_ms', 0):>10.2f} {r.get('cpu_s_per_1000_leases', 0):>9.3f} "
                  f"{top.get('generator_cpu_pct', 0):>6.0f}% {ratio('kea-memfile'):>10} {ratio('kea-postgresql'):>9}")
    for name, tr in t.items():
        w = tr.get("dhcpload_with_subscribers")
        if w:
            print(f"{name} with {w['subscribers']} event subscribers: {w['max_rate']}/s = {w['ratio_to_without']:.3f} of the rate "
                  f"without; p99 @80% {w.get('at80', {}).get('p99_ms', 0):.2f} ms; {w['events_delivered']} events delivered, "
                  f"{w['subscribers_cut_off']} subscribers cut off")
    for name, tr in t.items():
        if "store_check" in tr:
            print(f"store check {name}: {tr['store_check']}")
    if "million" in results:
        m = results["million"]
        print(f"1M leases: dhcplaned {m['dhcplaned_bytes_per_lease']:.0f} B/lease, serving after {m['start_to_serving_s_1000000']:.1f} s; "
              f"kea memfile {m['kea_bytes_per_lease']:.0f} B/lease, serving after {m['kea_start_to_serving_s_1000000']:.1f} s")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    path = os.path.join(ROOT, "bench", "results", results["time"].replace(":", "") + ".json")
    with open(path, "w") as f:
        json.dump(results, f, indent=1)
    print(f"written {path}")


if __name__ == "__main__":
    main()
