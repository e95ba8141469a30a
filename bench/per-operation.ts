import { join } from "node:path";
import { Agent } from "undici";
import { gatewayStartArguments, startGatewayProcess } from "./gateway-process";
import { onNewConnection, percentile, postOk, round, timed } from "./measure";
import { startNodeProcess, type NodeProcess } from "./node-process";
import type { Row } from "./scenarios";

const QUERY = JSON.stringify({ query: "{ booking(id: 14) { id name } }" });
const REST_BODY = JSON.stringify({ id: 14 });
const CLIENTS = 16;
/** Requests in a row to one target when latency is measured. */
const BLOCK = 50;
const GATEWAY_TOKEN = "bench-caller-token-0123456789";

/**
 * The gateway as production runs it. Everything at its defaults (caller authentication, query
 * limits, cost estimate, metrics, one info log line per request written to a pipe, call folding,
 * circuit breaker), except what this measurement needs: the portal has no request limit, so the
 * gateway models none, and the read cache is off so that every operation reaches the portal.
 */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "info",
  GATEWAY_TOKENS: GATEWAY_TOKEN,
  METRICS_TOKEN: "bench-metrics-token-0123456789",
  BITRIX24_RATE_LIMIT: "off",
  CACHE: "off",
};

export interface Target {
  name: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * (d) `{ booking(id: 14) { id name } }` against a portal that answers at once, through the gateway,
 * through a bare Apollo Server 5 (bench/bare-apollo-server.ts), and as the direct REST call. Each is
 * its own process, the portal too, so the load generator only sends. Latency is taken one request
 * at a time, in interleaved blocks, over a warm keep-alive connection and over a new connection per
 * request;
 * throughput at 16 concurrent keep-alive clients, in interleaved rounds (median of five).
 */
export async function perOperationCost(samples: number, rounds = 5): Promise<Row[]> {
  const portal = await startPortalProcess();
  const gateway = await startGatewayProcess({
    BITRIX24_WEBHOOK_URL: portal.url,
    ...PRODUCTION_ENV,
  });
  const bare = await startNodeProcess({
    args: [join(__dirname, "bare-apollo-server.js")],
    env: { PORTAL_URL: portal.url },
    ready: /Bare Apollo Server: (\S+)/,
  });
  try {
    const targets: Target[] = [
      { name: "direct", url: `${portal.url}booking.v1.booking.get`, body: REST_BODY, headers: {} },
      gatewayTarget(gateway.url),
      { name: "bare", url: bare.url, body: QUERY, headers: {} },
    ];
    await checkAnswers(targets);
    // Throughput first: its thousands of operations leave every process warm (JIT-compiled) for the
    // latency figures, as a server in service is.
    const throughput = await throughputRounds(targets, rounds);
    const warm = await latencies(targets, samples, "keep-alive");
    const cold = await latencies(targets, Math.ceil(samples / 3), "new connection");
    return [
      configurationRow(),
      latencyRow("keep-alive connection", warm),
      latencyRow("new connection per request", cold),
      {
        scenario: "(d) simple query, no latency",
        variant: `throughput at ${CLIENTS} concurrent keep-alive clients, median of ${rounds} interleaved rounds`,
        figures:
          `gateway ${throughput.gateway} ops/s vs bare Apollo Server ${throughput.bare} ops/s ` +
          `(ratio ${round(throughput.gateway! / throughput.bare!, 2)}); direct REST ${throughput.direct} ops/s; ` +
          `peak RSS gateway ${gateway.peakRssMb()} MB vs bare Apollo Server ${bare.peakRssMb()} MB`,
      },
    ];
  } finally {
    await Promise.all([gateway.stop(), bare.stop()]);
    await portal.stop();
  }
}

/** The gateway at `url`, asked (d)'s query with the caller token of PRODUCTION_ENV. */
export function gatewayTarget(url: string): Target {
  return {
    name: "gateway",
    url,
    body: QUERY,
    headers: { authorization: `Bearer ${GATEWAY_TOKEN}` },
  };
}

/** What (d) ran: the gateway's command line and environment, and the baseline's. */
function configurationRow(): Row {
  const flags = gatewayStartArguments().slice(0, -1).join(" ");
  const env = Object.entries(PRODUCTION_ENV)
    .map(([name, value]) => `${name}=${name === "GATEWAY_TOKENS" ? "<token>" : value}`)
    .join(" ");
  return {
    scenario: "(d) simple query, no latency",
    variant: "configuration",
    figures:
      `gateway: node ${flags} (as npm start), ${env}, every other setting at its default ` +
      `(caller authentication, query limits and cost, metrics, one log line per request to a pipe, ` +
      `call folding, circuit breaker); bare Apollo Server 5: node bench/bare-apollo-server.js ` +
      `(Apollo's defaults, one fetch per operation); demo portal as its own process, no latency`,
  };
}

/** The demo portal as its own process, answering at once. */
export function startPortalProcess(): Promise<NodeProcess> {
  return startNodeProcess({
    args: [join(__dirname, "..", "src", "demo-portal", "main.js")],
    env: { DEMO_PORTAL_PORT: "0" },
    ready: /webhook URL: (\S+)/,
  });
}

/** Each target answers the query with booking 14, so no figure below measures an error path. */
async function checkAnswers(targets: Target[]): Promise<void> {
  const dispatcher = new Agent();
  try {
    for (const target of targets) {
      const answer = JSON.stringify(await send(target, dispatcher));
      if (!answer.includes('"id":14')) throw new Error(`${target.name} answered ${answer}`);
    }
  } finally {
    await dispatcher.close();
  }
}

function send(target: Target, dispatcher: Agent): Promise<unknown> {
  return postOk(target.url, target.body, target.headers, dispatcher);
}

type Samples = Map<string, number[]>;

/**
 * One request at a time, in blocks of BLOCK requests to each target in turn, so that a slow moment of
 * the machine falls on all of them alike while each target runs warm through its block, as it does
 * for a user's requests one after another. "keep-alive": each target over one warm connection of its
 * own; "new connection": a connection opened for the request and closed after, as a browser's first
 * request.
 */
async function latencies(
  targets: Target[],
  count: number,
  connection: "keep-alive" | "new connection",
): Promise<Samples> {
  const pools = new Map(targets.map((target) => [target.name, new Agent({ connections: 1 })]));
  const samples: Samples = new Map(targets.map((target) => [target.name, []]));
  const once = (target: Target) =>
    connection === "keep-alive"
      ? send(target, pools.get(target.name)!)
      : onNewConnection((fresh) => send(target, fresh));
  try {
    for (const target of targets) for (let i = 0; i < 200; i += 1) await once(target);
    for (let done = 0; done < count; done += BLOCK) {
      for (const target of targets) {
        for (let i = 0; i < BLOCK; i += 1) {
          samples.get(target.name)!.push(await timed(() => once(target)));
        }
      }
    }
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.close()));
  }
  return samples;
}

function latencyRow(connection: string, samples: Samples): Row {
  const at = (name: string, p: number) => round(percentile(samples.get(name)!, p), 2);
  const added = (name: string) => round(at(name, 50) - at("direct", 50), 2);
  return {
    scenario: "(d) simple query, no latency",
    variant: `latency, one at a time, ${connection}`,
    figures:
      `added at p50 over direct REST: gateway ${added("gateway")} ms, bare Apollo Server ${added("bare")} ms; ` +
      `p50/p99: gateway ${at("gateway", 50)}/${at("gateway", 99)} ms, bare Apollo Server ` +
      `${at("bare", 50)}/${at("bare", 99)} ms, direct REST ${at("direct", 50)}/${at("direct", 99)} ms`,
  };
}

/** Operations per second of each target, each the median over interleaved rounds. */
async function throughputRounds(
  targets: Target[],
  rounds: number,
): Promise<Record<string, number>> {
  const perRound = new Map<string, number[]>(targets.map((target) => [target.name, []]));
  const dispatcher = new Agent({ connections: CLIENTS, keepAliveTimeout: 30_000 });
  try {
    for (const target of targets) await opsPerSecond(target, dispatcher, 500);
    for (let r = 0; r < rounds; r += 1) {
      for (const target of targets) {
        perRound.get(target.name)!.push(await opsPerSecond(target, dispatcher, 3000));
      }
    }
  } finally {
    await dispatcher.close();
  }
  return Object.fromEntries(
    [...perRound].map(([name, figures]) => [name, round(percentile(figures, 50), 0)]),
  );
}

/** Operations per second of `count` operations sent by CLIENTS clients, each one at a time. */
export async function opsPerSecond(
  target: Target,
  dispatcher: Agent,
  count: number,
): Promise<number> {
  const ms = await timed(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < count / CLIENTS; i += 1) await send(target, dispatcher);
      }),
    ),
  );
  return (count / ms) * 1000;
}
