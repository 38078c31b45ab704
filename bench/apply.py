#!/usr/bin/env python3
"""Declarative apply at scale: a site file with 10,000 reservations applied
with `dhcpctl apply -f` to dhcplaned on PostgreSQL and on the embedded
store, in one run on one machine (the target: under 10 s on both).

Per store: a fresh apply (10,000 reservations created in one transaction,
each audited and published as an event), the same file again (nothing to
do), every hostname changed (10,000 updates), `dhcpctl export`, and half
the reservations dropped with --prune (5,000 deletes). Each apply is also
checked: the number of changes it reports, and the reservations the store
then holds.

Usage (as root): python3 bench/apply.py [--reservations 10000]
Results: a table on stdout and bench/results/apply-<UTC time>.json.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the namespace, PostgreSQL and process helpers)

ROOT = bench.ROOT
CTL = [f"{ROOT}/target/release/dhcpctl", "--server", "127.0.0.1:6767"]


def site(n, hostname):
    lines = [
        "subnets:",
        "  - cidr: 10.64.0.0/16",
        "    router: 10.64.0.1",
        "    dns: [10.64.0.53]",
        "    lease_time: 3600",
        '    pools: ["10.64.200.1-10.64.254.254"]',
        "    reservations:",
    ]
    for i in range(n):
        ip = f"10.64.{i // 250 + 1}.{i % 250 + 1}"
        mac = f"02:00:{i >> 24 & 255:02x}:{i >> 16 & 255:02x}:{i >> 8 & 255:02x}:{i & 255:02x}"
        lines.append(f'      - {{mac: "{mac}", ip: {ip}, hostname: {hostname}-{i}, labels: {{rack: r{i % 40}}}}}')
    return "\n".join(lines) + "\n"


def timed(args):
    t = time.monotonic()
    p = subprocess.run(bench.nsx(*args), text=True, capture_output=True)
    dt = time.monotonic() - t
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {p.stderr}")
    return dt, p.stdout


def apply(path, *extra):
    dt, out = timed([*CTL, "-o", "json", "apply", "-f", path, *extra])
    return dt, len(json.loads(out)["changes"])


def reservations():
    _, out = timed([*CTL, "-o", "json", "status"])
    return json.loads(out)


def target(lab, name, url, n):
    env = dict(os.environ, RUST_LOG="warn")
    p = lab.spawn([f"{ROOT}/target/release/dhcplaned", "--database-url", url, "--state-dir", os.path.join(lab.dir, name),
                   "--listen", "127.0.0.1", "--grpc-listen", "127.0.0.1:6767"], f"{name}.log", env)
    try:
        bench.run(bench.nsx(*CTL, "health", "--wait", "60"))
        files = {}
        for key, host in [("v1", "host"), ("v2", "node")]:
            files[key] = os.path.join(lab.dir, f"{name}-{key}.yaml")
            with open(files[key], "w") as f:
                f.write(site(n, host))
        half = os.path.join(lab.dir, f"{name}-half.yaml")
        with open(half, "w") as f:
            f.write(site(n // 2, "node"))
        r = {}
        r["create_s"], c = apply(files["v1"])
        assert c == n + 4, f"fresh apply made {c} changes, expected {n + 4}"
        r["noop_s"], c = apply(files["v1"])
        assert c == 0, f"a second apply made {c} changes"
        r["update_s"], c = apply(files["v2"])
        assert c == n, f"renaming made {c} changes, expected {n}"
        r["export_s"], text = timed([*CTL, "export"])
        assert text.count("hostname: node-") == n, "export lacks reservations"
        r["prune_s"], c = apply(half, "--prune")
        assert c == n - n // 2, f"prune made {c} changes, expected {n - n // 2}"
        st = reservations()
        held = st.get("reservations", st.get("counts", {}).get("reservations"))
        r["reservations_after"] = held
        bench.log(f"  {name}: create {r['create_s']:.2f} s, no-op {r['noop_s']:.2f} s, update {r['update_s']:.2f} s, "
                  f"export {r['export_s']:.2f} s, prune {r['prune_s']:.2f} s; {held} reservations left")
        return r
    finally:
        lab.stop(p)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reservations", type=int, default=10_000)
    a = ap.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: the benchmark makes a network namespace and a PostgreSQL cluster")
    bench.ensure_packages()
    bench.log("building release binaries")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "dhcplane-server", "-p", "dhcplane-cli"], cwd=ROOT, check=True)
    lab = bench.Lab()
    try:
        results = {
            "time": time.strftime("%Y-%m-%dT%H%M%SZ", time.gmtime()),
            "reservations": a.reservations,
            "cpus": os.cpu_count(),
            "targets": {
                "dhcplaned PostgreSQL": target(lab, "pg", lab.createdb("apply"), a.reservations),
                "dhcplaned SQLite": target(lab, "sqlite", f"sqlite:{lab.dir}/apply.db", a.reservations),
            },
        }
    finally:
        lab.close()
    out = os.path.join(ROOT, "bench", "results", f"apply-{results['time']}.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
    print(f"{'target':24} {'create':>8} {'no-op':>8} {'update':>8} {'export':>8} {'prune':>8}  (seconds, {a.reservations} reservations)")
    for name, r in results["targets"].items():
        print(f"{name:24} {r['create_s']:8.2f} {r['noop_s']:8.2f} {r['update_s']:8.2f} {r['export_s']:8.2f} {r['prune_s']:8.2f}")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
