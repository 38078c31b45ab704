/**
 * Provision a subnet, a pool and a reservation on dhcplaned, then follow
 * the reserved client's events until it is bound and show its lease.
 *
 *     node dist/examples/provision.js --server 127.0.0.1:6767 \
 *       --mac 02:00:00:00:0a:01 --ip 10.0.0.50 --interface eth1
 *
 * With a token and TLS: add `--token dpl_... --ca ca.pem` (or set
 * DHCPLANE_TOKEN and DHCPLANE_CA). Exits non-zero, with the server's
 * message, when a call fails; e.g. running it twice reports the subnet that
 * already exists.
 */
import { parseArgs } from "node:util";

import { status, type ServiceError } from "@grpc/grpc-js";

import { DEFAULT_TARGET, connect, unary, type Client } from "@dhcplane/client";
import type { Event__Output } from "@dhcplane/client/generated/dhcplane/v1/Event";

const env = process.env;
const { values: a } = parseArgs({
  options: {
    server: { type: "string", default: env.DHCPLANE_SERVER ?? DEFAULT_TARGET },
    token: { type: "string", default: env.DHCPLANE_TOKEN },
    ca: { type: "string", default: env.DHCPLANE_CA },
    cert: { type: "string", default: env.DHCPLANE_CERT },
    key: { type: "string", default: env.DHCPLANE_KEY },
    cidr: { type: "string", default: "10.0.0.0/24" },
    router: { type: "string", default: "10.0.0.1" },
    dns: { type: "string", default: "10.0.0.1" },
    interface: { type: "string", default: "" },
    pool: { type: "string", default: "10.0.0.100-10.0.0.199" },
    mac: { type: "string", default: "02:00:00:00:0a:01" },
    ip: { type: "string", default: "10.0.0.50" },
    hostname: { type: "string", default: "printer-1" },
    timeout: { type: "string", default: "120" },
  },
});

const lower = (name: string, prefix: string) => name.replace(prefix, "").toLowerCase();

async function provision(api: Client): Promise<void> {
  const subnet = await unary(api.subnets.CreateSubnet.bind(api.subnets), {
    subnet: { cidr: a.cidr, interface: a.interface, lease_time_default: 3600 },
    options: [
      { name: "routers", value: a.router },
      { name: "domain-name-servers", value: a.dns },
    ],
  });
  console.log(`subnet ${subnet.cidr}: id ${subnet.id}`);

  const [start, end] = a.pool.split("-");
  const pool = await unary(api.pools.CreatePool.bind(api.pools), {
    pool: { subnet_id: subnet.id, start, end },
  });
  console.log(`pool ${pool.start}-${pool.end}: id ${pool.id}`);

  const reservation = await unary(api.reservations.CreateReservation.bind(api.reservations), {
    reservation: {
      subnet_id: subnet.id,
      mac: a.mac,
      ip: a.ip,
      hostname: a.hostname,
      labels: { role: "printer" },
    },
  });
  console.log(`reservation ${reservation.mac} -> ${reservation.ip}: id ${reservation.id}`);

  const before = await unary(api.leases.ListLeases.bind(api.leases), { subnet_id: subnet.id });
  console.log(`leases in ${subnet.cidr}: ${before.leases.length}`);

  // since=0 replays the retained events for this MAC (the reservation just
  // made among them), then the stream goes on live.
  console.log(`watching events for ${a.mac} until it is bound`);
  const deadline = Date.now() + Number(a.timeout) * 1000;
  const stream = api.events.Watch({ since: 0, mac: a.mac }, { deadline });
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (event: Event__Output) => {
      console.log(`event ${event.cursor} ${lower(event.kind, "EVENT_KIND_")} ${event.ip}`);
      if (event.kind === "EVENT_KIND_BOUND") {
        stream.removeAllListeners("error");
        stream.on("error", () => {}); // the CANCELLED that cancel() causes
        stream.cancel();
        resolve();
      }
    });
    stream.on("error", reject);
    stream.on("end", () => reject(new Error("the event stream ended before the client was bound")));
  });

  const { leases } = await unary(api.leases.ListLeases.bind(api.leases), { mac: a.mac });
  for (const lease of leases) {
    const ends = new Date(Number(lease.ends?.seconds ?? 0) * 1000).toISOString().replace(".000Z", "Z");
    console.log(
      `lease ${lease.ip} ${lease.mac} ${lower(lease.state, "LEASE_STATE_")} until ${ends} hostname '${lease.hostname}'`,
    );
  }
}

async function main(): Promise<number> {
  let api: Client;
  try {
    api = connect(a.server, { token: a.token, ca: a.ca, cert: a.cert, key: a.key });
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 2;
  }
  try {
    await provision(api);
    return 0;
  } catch (e) {
    const err = e as ServiceError;
    const code = err.code === undefined ? "" : `${grpcCodeName(err.code)}: `;
    console.error(`error: ${code}${err.details ?? err.message}`);
    return 1;
  } finally {
    api.close();
  }
}

// Status codes by name, as Python's grpc.StatusCode prints them.
function grpcCodeName(code: number): string {
  const name = Object.entries(status).find(([, v]) => v === code)?.[0];
  return name ?? String(code);
}

main().then((code) => {
  process.exitCode = code;
});
