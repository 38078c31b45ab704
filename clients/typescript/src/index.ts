/**
 * TypeScript client for the dhcplane gRPC API.
 *
 * `connect()` opens one channel to dhcplaned, plaintext or TLS, with an
 * optional bearer token, and returns a stub per service, typed by the
 * interfaces generated from `proto/dhcplane/v1` (`./generated/`). Messages
 * use the proto's field names (`subnet_id`), 64-bit integers arrive as
 * strings (and may be given as numbers or strings), enums as their names
 * (`"EVENT_KIND_BOUND"`).
 *
 * @packageDocumentation
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

import type { ProtoGrpcType as AuditApi } from "./generated/audit";
import type { ProtoGrpcType as EventsApi } from "./generated/events";
import type { ProtoGrpcType as LeasesApi } from "./generated/leases";
import type { ProtoGrpcType as OptionsApi } from "./generated/options";
import type { ProtoGrpcType as PoolsApi } from "./generated/pools";
import type { ProtoGrpcType as ReservationsApi } from "./generated/reservations";
import type { ProtoGrpcType as ServerApi } from "./generated/server";
import type { ProtoGrpcType as SiteApi } from "./generated/site";
import type { ProtoGrpcType as SubnetsApi } from "./generated/subnets";
import type { ProtoGrpcType as TokensApi } from "./generated/tokens";
import type { AuditClient } from "./generated/dhcplane/v1/Audit";
import type { EventsClient } from "./generated/dhcplane/v1/Events";
import type { LeasesClient } from "./generated/dhcplane/v1/Leases";
import type { OptionsClient } from "./generated/dhcplane/v1/Options";
import type { PoolsClient } from "./generated/dhcplane/v1/Pools";
import type { ReservationsClient } from "./generated/dhcplane/v1/Reservations";
import type { ServerClient } from "./generated/dhcplane/v1/Server";
import type { SiteClient } from "./generated/dhcplane/v1/Site";
import type { SubnetsClient } from "./generated/dhcplane/v1/Subnets";
import type { TokensClient } from "./generated/dhcplane/v1/Tokens";

export type {
  AuditClient,
  EventsClient,
  LeasesClient,
  OptionsClient,
  PoolsClient,
  ReservationsClient,
  ServerClient,
  SiteClient,
  SubnetsClient,
  TokensClient,
};

/** Every service and message of the API, as `loadApi()` returns it. */
export type Api = AuditApi &
  EventsApi &
  LeasesApi &
  OptionsApi &
  PoolsApi &
  ReservationsApi &
  ServerApi &
  SiteApi &
  SubnetsApi &
  TokensApi;

/** Where dhcplaned's gRPC API listens by default. */
export const DEFAULT_TARGET = "127.0.0.1:6767";

/** The `.proto` files of the API, shipped with the package. */
export const PROTO_DIR = path.join(__dirname, "..", "..", "proto");

// These must match the flags clients/generate.sh gives
// proto-loader-gen-types, or the generated types would not describe the
// objects the loader produces.
const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

let loaded: Api | undefined;

/** The API's definitions, loaded from `PROTO_DIR` on first use. */
export function loadApi(): Api {
  loaded ??= parseApi();
  return loaded;
}

function parseApi(): Api {
  const dir = path.join(PROTO_DIR, "dhcplane", "v1");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".proto"))
    .map((f) => `dhcplane/v1/${f}`);
  const definition = protoLoader.loadSync(files, LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as Api;
}

/** PEM material: its bytes, or the path of a file holding it. */
export type Pem = Buffer | string;

/** How to reach and authenticate to dhcplaned. */
export interface ConnectOptions {
  /** A bearer token (`dhcplaned token create`), sent with every call. */
  token?: string;
  /**
   * The PEM CA that signed the server's certificate; turns TLS on. Without
   * it the channel is plaintext, which dhcplaned serves on loopback only
   * unless started with `--grpc-insecure`.
   */
  ca?: Pem;
  /** A client certificate, for a server with `--tls-client-ca` (mTLS). */
  cert?: Pem;
  /** The private key of `cert`. */
  key?: Pem;
  /** The name to check the server's certificate for, when it differs from the host in the target. */
  serverName?: string;
}

/** One channel to dhcplaned and a stub per service. */
export interface Client {
  /** Subnets: create, get, list, update, delete. */
  subnets: SubnetsClient;
  /** Address pools inside subnets. */
  pools: PoolsClient;
  /** Fixed addresses for known clients. */
  reservations: ReservationsClient;
  /** The addresses handed out. */
  leases: LeasesClient;
  /** DHCP options at every scope. */
  options: OptionsClient;
  /** The event stream (`Watch`). */
  events: EventsClient;
  /** Declarative apply and export of a whole site. */
  site: SiteClient;
  /** The audit log. */
  audit: AuditClient;
  /** API tokens. */
  tokens: TokensClient;
  /** The daemon's status. */
  server: ServerClient;
  /** The shared channel. */
  channel: grpc.Channel;
  /** Closes the channel; calls in flight are cancelled. */
  close(): void;
}

function pem(what: string, value: Pem | undefined): Buffer | null {
  if (value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  try {
    return fs.readFileSync(value);
  } catch (e) {
    throw new Error(`${what}: cannot read ${value}: ${(e as Error).message}`);
  }
}

/** Adds `authorization: Bearer TOKEN` to every call. */
function bearer(token: string): grpc.Interceptor {
  const value = `Bearer ${token.trim()}`;
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set("authorization", value);
        next(metadata, listener);
      },
    });
}

/**
 * Connects to dhcplaned's gRPC API at `target` (`HOST:PORT`). Connecting is
 * lazy: the first call reports an unreachable server (`UNAVAILABLE`).
 */
export function connect(target: string = DEFAULT_TARGET, opts: ConnectOptions = {}): Client {
  if ((opts.cert === undefined) !== (opts.key === undefined)) {
    throw new Error("cert and key: give both (mutual TLS) or neither");
  }
  if (opts.cert !== undefined && opts.ca === undefined) {
    throw new Error("cert: a client certificate needs ca (TLS) as well");
  }
  const credentials =
    opts.ca === undefined
      ? grpc.credentials.createInsecure()
      : grpc.credentials.createSsl(pem("ca", opts.ca), pem("key", opts.key), pem("cert", opts.cert));
  const channelOptions: grpc.ChannelOptions = {};
  if (opts.serverName) channelOptions["grpc.ssl_target_name_override"] = opts.serverName;
  const channel = new grpc.Channel(target, credentials, channelOptions);
  const clientOptions: grpc.ClientOptions = {
    channelOverride: channel,
    interceptors: opts.token ? [bearer(opts.token)] : [],
  };
  const v1 = loadApi().dhcplane.v1;
  return {
    subnets: new v1.Subnets(target, credentials, clientOptions),
    pools: new v1.Pools(target, credentials, clientOptions),
    reservations: new v1.Reservations(target, credentials, clientOptions),
    leases: new v1.Leases(target, credentials, clientOptions),
    options: new v1.Options(target, credentials, clientOptions),
    events: new v1.Events(target, credentials, clientOptions),
    site: new v1.Site(target, credentials, clientOptions),
    audit: new v1.Audit(target, credentials, clientOptions),
    tokens: new v1.Tokens(target, credentials, clientOptions),
    server: new v1.Server(target, credentials, clientOptions),
    channel,
    close: () => channel.close(),
  };
}

/**
 * Runs a unary call and resolves with its response, or rejects with the
 * `grpc.ServiceError` (`code`, `details`):
 *
 *     const subnet = await unary(api.subnets.CreateSubnet.bind(api.subnets), { subnet: { cidr } });
 */
export function unary<Req, Res>(
  method: (request: Req, callback: grpc.requestCallback<Res>) => grpc.ClientUnaryCall,
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, (err, res) => (err ? reject(err) : resolve(res as Res)));
  });
}
