#!/usr/bin/env python3
"""Provision a subnet, a pool and a reservation on dhcplaned, then follow
the reserved client's events until it is bound and show its lease.

    python examples/provision.py --server 127.0.0.1:6767 \\
        --mac 02:00:00:00:0a:01 --ip 10.0.0.50 --interface eth1

With a token and TLS: add ``--token dpl_... --ca ca.pem`` (or set
DHCPLANE_TOKEN and DHCPLANE_CA). Exits non-zero, with the server's
message, when a call fails; e.g. running it twice reports the subnet
that already exists.
"""

from __future__ import annotations

import argparse
import os
import sys

import grpc

import dhcplane
from dhcplane.v1 import (
    common_pb2,
    events_pb2,
    leases_pb2,
    pools_pb2,
    reservations_pb2,
    subnets_pb2,
)


def parse_args() -> argparse.Namespace:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--server", default=env("DHCPLANE_SERVER", dhcplane.DEFAULT_TARGET))
    p.add_argument("--token", default=env("DHCPLANE_TOKEN"))
    p.add_argument("--ca", default=env("DHCPLANE_CA"), help="PEM CA file; turns TLS on")
    p.add_argument("--cert", default=env("DHCPLANE_CERT"), help="client certificate (mTLS)")
    p.add_argument("--key", default=env("DHCPLANE_KEY"), help="key of --cert")
    p.add_argument("--cidr", default="10.0.0.0/24")
    p.add_argument("--router", default="10.0.0.1")
    p.add_argument("--dns", default="10.0.0.1")
    p.add_argument("--interface", default="", help="serve the subnet on this interface")
    p.add_argument("--pool", default="10.0.0.100-10.0.0.199", help="START-END")
    p.add_argument("--mac", default="02:00:00:00:0a:01")
    p.add_argument("--ip", default="10.0.0.50")
    p.add_argument("--hostname", default="printer-1")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the client")
    return p.parse_args()


def provision(api: dhcplane.Client, a: argparse.Namespace) -> int:
    subnet = api.subnets.CreateSubnet(
        subnets_pb2.CreateSubnetRequest(
            subnet=subnets_pb2.Subnet(
                cidr=a.cidr, interface=a.interface, lease_time_default=3600
            ),
            options=[
                common_pb2.OptionSetting(name="routers", value=a.router),
                common_pb2.OptionSetting(name="domain-name-servers", value=a.dns),
            ],
        )
    )
    print(f"subnet {subnet.cidr}: id {subnet.id}")

    start, _, end = a.pool.partition("-")
    pool = api.pools.CreatePool(
        pools_pb2.CreatePoolRequest(
            pool=pools_pb2.Pool(subnet_id=subnet.id, start=start, end=end)
        )
    )
    print(f"pool {pool.start}-{pool.end}: id {pool.id}")

    reservation = api.reservations.CreateReservation(
        reservations_pb2.CreateReservationRequest(
            reservation=reservations_pb2.Reservation(
                subnet_id=subnet.id,
                mac=a.mac,
                ip=a.ip,
                hostname=a.hostname,
                labels={"role": "printer"},
            )
        )
    )
    print(f"reservation {reservation.mac} -> {reservation.ip}: id {reservation.id}")

    leases = api.leases.ListLeases(leases_pb2.ListLeasesRequest(subnet_id=subnet.id))
    print(f"leases in {subnet.cidr}: {len(leases.leases)}")

    # since=0 replays the retained events for this MAC (the reservation
    # just made among them), then the stream goes on live.
    print(f"watching events for {a.mac} until it is bound", flush=True)
    stream = api.events.Watch(
        events_pb2.WatchRequest(since=0, mac=a.mac), timeout=a.timeout
    )
    for event in stream:
        kind = events_pb2.EventKind.Name(event.kind).removeprefix("EVENT_KIND_").lower()
        print(f"event {event.cursor} {kind} {event.ip}", flush=True)
        if event.kind == events_pb2.EVENT_KIND_BOUND:
            stream.cancel()
            break

    for lease in api.leases.ListLeases(leases_pb2.ListLeasesRequest(mac=a.mac)).leases:
        state = leases_pb2.LeaseState.Name(lease.state).removeprefix("LEASE_STATE_").lower()
        ends = lease.ends.ToDatetime().isoformat() + "Z"
        print(f"lease {lease.ip} {lease.mac} {state} until {ends} hostname {lease.hostname!r}")
    return 0


def main() -> int:
    a = parse_args()
    try:
        with dhcplane.connect(
            a.server, token=a.token, ca=a.ca, cert=a.cert, key=a.key
        ) as api:
            return provision(api, a)
    except grpc.RpcError as e:
        print(f"error: {e.code().name}: {e.details()}", file=sys.stderr)
        return 1
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
