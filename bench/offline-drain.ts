import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { startDemoPortal, type DemoPortal, type DemoPortalStats } from "../src/demo-portal";
import { startGatewayProcess, type GatewayProcess } from "./gateway-process";
import { postJson, round, within } from "./measure";
import type { Row } from "./scenarios";

/** The portal's limit the gateway must live within: Bitrix24 cloud's 50 burst, 2 requests/s. */
const STANDARD = { burst: 50, perSecond: 2 };
/** The gateway's defaults, which (h) measures: OFFLINE_EVENTS_POLL_S and OFFLINE_EVENTS_SIGNAL_MIN_S. */
const POLL_S = 30;
const SIGNAL_MIN_S = 10;
/** The bookings renamed in turn under load, added on the portal before the gateway is installed. */
const RENAMED_BOOKINGS = 50;
/**
 * The benchmark's own calls go through the portal's webhook as this user, so that the portal's
 * callsByUser tells them from the gateway's: the installed application acts as user 1.
 */
const BENCH_USER_ID = 7;
const RENAME = "booking.v1.booking.update";
/**
 * The drain's calls: every `event.offline.*` method (get, clear and error; and list, which a round
 * asks for reservations nobody confirmed). Get, clear and error are always shown, 0 or not.
 */
const DRAIN_PREFIX = "event.offline.";
const SHOWN_DRAIN_METHODS = ["get", "list", "clear", "error"];
/** How long start-up (install, bindings, first drain) may take before the scenario gives up. */
const START_TIMEOUT_MS = 60_000;
const SCENARIO = `(h) offline drain, 1 gateway in application mode (poll ${POLL_S} s, signal min ${SIGNAL_MIN_S} s), portal limited 50:2`;

interface Mode {
  variant: "poll-only" | "push+drain";
  /** GATEWAY_PUBLIC_URL set to the gateway's own origin: events and ONOFFLINEEVENT are pushed. */
  push: boolean;
}

const MODES: Mode[] = [
  { variant: "poll-only", push: false },
  { variant: "push+drain", push: true },
];

/** One gateway in application mode, installed on a portal of its own. */
interface Stack {
  mode: Mode;
  portal: DemoPortal;
  gateway: GatewayProcess;
  origin: string;
  bookings: number[];
  directory: string;
}

/** What the portal saw of the gateway over a window, the benchmark's own calls left out. */
interface GatewayTraffic {
  seconds: number;
  /** HTTP requests under /rest/ from the gateway: the portal's count less the benchmark's own. */
  requests: number;
  drainCalls: Record<string, number>;
  /**
   * The gateway's method calls that are not drain calls, by method (none expected: nothing else
   * asks); a request carrying only such calls would be counted in `requests` too.
   */
  otherCalls: Record<string, number>;
  /** Commands per batch request (the benchmark sends none: every batch is the gateway's). */
  batchSizes: number[];
  /** 503 QUERY_LIMIT_EXCEEDED answers to the gateway. */
  refused: number;
}

/**
 * (h) What draining the portal's offline event queue costs in upstream requests: one gateway in
 * application mode with its defaults (poll every 30 s; in push+drain, events pushed to it and
 * ONOFFLINEEVENT at most every 10 s), against a portal limited to 50:2, at idle and under
 * `changesPerSecond` renames made on the portal by another user. Every HTTP request the gateway
 * sends is counted (the gateway has no other work here), and each of its method calls is checked to
 * be a drain call, so the requests counted are those of the drain; a batch carrying drain calls
 * counts once, however many it carries.
 */
export async function offlineDrainCost(
  idleSeconds: number,
  loadSeconds: number,
  changesPerSecond = 100,
): Promise<Row[]> {
  const stacks: Stack[] = [];
  try {
    for (const mode of MODES) stacks.push(await startStack(mode));
    // Both gateways idle over the same window, each on its own portal: they share nothing.
    const idle = await Promise.all(stacks.map((stack) => measureIdle(stack, idleSeconds)));
    const load: Row[] = [];
    for (const stack of stacks) load.push(await measureLoad(stack, loadSeconds, changesPerSecond));
    return [...idle, ...load];
  } finally {
    for (const stack of stacks) {
      await stack.gateway.stop();
      await stack.portal.close();
      await rm(stack.directory, { recursive: true, force: true });
    }
  }
}

async function startStack(mode: Mode): Promise<Stack> {
  const portal = await startDemoPortal({
    webhook: { userId: BENCH_USER_ID, secret: "benchofflinedrain" },
  });
  const directory = await mkdtemp(join(tmpdir(), "b24gw-bench-drain-"));
  try {
    // Added before the limit is set and before the application is bound: nothing is queued.
    const bookings = await addBookings(portal, RENAMED_BOOKINGS);
    portal.setLimits({ rateLimit: STANDARD });
    const port = await freePort();
    const gateway = await startGatewayProcess({
      PORT: String(port),
      HOST: "127.0.0.1",
      BITRIX24_PORTAL_URL: portal.origin,
      BITRIX24_APP_ID: portal.application.clientId,
      BITRIX24_APP_SECRET: portal.application.clientSecret,
      BITRIX24_OAUTH_URL: portal.oauthServerUrl,
      INSTALLATION_FILE: join(directory, "installation.json"),
      // The defaults, said out loud: memory cache (one replica), the standard limiter, 30 s, 10 s.
      CACHE: "memory",
      BITRIX24_RATE_LIMIT: "standard",
      OFFLINE_EVENTS_POLL_S: String(POLL_S),
      OFFLINE_EVENTS_SIGNAL_MIN_S: String(SIGNAL_MIN_S),
      ...(mode.push && { GATEWAY_PUBLIC_URL: `http://127.0.0.1:${port}` }),
    });
    const origin = gateway.url.replace(/\/graphql$/, "");
    const stack = { mode, portal, gateway, origin, bookings, directory };
    try {
      const install = await portal.installApplication(`${origin}/bitrix24/install`);
      if (install.status !== 200) throw new Error(`install answered ${install.status}`);
      await startedUp(stack);
      return stack;
    } catch (error) {
      await gateway.stop();
      throw error;
    }
  } catch (error) {
    await portal.close();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Start-up is over once the installation's first round (bindings, then a get of the empty queue)
 * has ended: its cost is paid once per start, not by the drain's steady state.
 */
async function startedUp(stack: Stack): Promise<void> {
  const firstGet = stack.portal.waitFor(
    (stats) =>
      (stats.callsByMethod["event.offline.get"] ?? 0) >= 1 &&
      stats.offlineQueued === 0 &&
      stats.inFlight === 0,
  );
  if ((await within(firstGet, START_TIMEOUT_MS)) === undefined) {
    throw new Error(`${stack.mode.variant}: no event.offline.get within ${START_TIMEOUT_MS} ms`);
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (sumOf(await gatewayMetrics(stack.origin), "b24gw_offline_drains_total", "ok") < 1) {
    if (Date.now() > deadline)
      throw new Error(`${stack.mode.variant}: the first drain never ended`);
    await pause(100);
  }
  // Let the round's last answer settle before counting starts.
  await pause(1000);
}

async function measureIdle(stack: Stack, seconds: number): Promise<Row> {
  const { portal } = stack;
  portal.resetStats();
  const started = performance.now();
  await pause(seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  const traffic = gatewayTraffic(portal.stats(), elapsed, { requests: 0, refused: 0 });
  const perSecond = traffic.requests / traffic.seconds;
  const figures = [
    `${round(perSecond, 3)} req/s = ${round(perSecond * 60, 2)} requests/min (${share(perSecond)} of 2 req/s)`,
    `${traffic.requests} HTTP requests (${foldingText(traffic)}) carrying ${drainCallsText(traffic)} in ${Math.round(traffic.seconds)} s`,
    otherCallsText(traffic),
    `portal 503s to the gateway ${traffic.refused}`,
  ];
  return {
    scenario: SCENARIO,
    variant: `${stack.mode.variant}, idle`,
    figures: figures.join("; "),
  };
}

/**
 * Renames for `seconds`, then waits for the drain that empties the queue (the next poll, or with
 * push the signal that ends the quiet period). Everything is counted from the first change until
 * the queue is empty again: the drain's work for these changes, its last round included, which a
 * window of the changes alone would leave out (a 30 s window holds one 30 s poll, or none).
 */
async function measureLoad(stack: Stack, seconds: number, changesPerSecond: number): Promise<Row> {
  const { portal } = stack;
  // The benchmark's renames are another user's, not the gateway's: the portal's limit grows by
  // exactly their rate, so that the gateway keeps the 50:2 it would have on its own (its own
  // limiter stays at standard, and its 503s are counted apart).
  portal.setLimits({
    rateLimit: {
      burst: STANDARD.burst + changesPerSecond,
      perSecond: STANDARD.perSecond + changesPerSecond,
    },
  });
  const before = await gatewayMetrics(stack.origin);
  portal.resetStats();
  const started = performance.now();
  const changes = await renameAtRate(stack, changesPerSecond, seconds);
  const lastChange = performance.now();
  const queuedAtEnd = portal.stats().offlineQueued;
  const emptied = await within(
    portal.waitFor((stats) => stats.offlineQueued === 0 && stats.inFlight === 0),
    (POLL_S + 15) * 1000,
  );
  const ended = performance.now();
  // The round's last answer reaches the gateway's metrics a moment after the portal sent it.
  await pause(500);
  const stats = portal.stats();
  const after = await gatewayMetrics(stack.origin);
  portal.setLimits({ rateLimit: STANDARD });

  const changeSeconds = (lastChange - started) / 1000;
  const tailSeconds = (ended - lastChange) / 1000;
  const traffic = gatewayTraffic(stats, (ended - started) / 1000, changes);
  const gets = traffic.drainCalls.get ?? 0;
  const records = delta(before, after, (key) => key.startsWith("b24gw_offline_records_total{"));
  const lagCount = delta(before, after, (key) => key === "b24gw_offline_lag_seconds_count");
  const lagSum = delta(before, after, (key) => key === "b24gw_offline_lag_seconds_sum");
  const perSecond = traffic.requests / traffic.seconds;
  const figures = [
    `${changes.made} renames of ${stack.bookings.length} bookings in ${round(changeSeconds)} s ` +
      `(${round(changes.made / changeSeconds)}/s${changes.refused > 0 ? `, ${changes.refused} refused with 503` : ""}` +
      `${changes.failed > 0 ? `, ${changes.failed} failed` : ""}), ` +
      `queue empty ${round(tailSeconds, 1)} s after the last` +
      (emptied === undefined ? ` (gave up: ${portal.stats().offlineQueued} records left)` : ""),
    `over those ${round(traffic.seconds)} s: ${round(callsOf(traffic) / traffic.seconds, 2)} drain calls/s ` +
      `(${drainCallsText(traffic)}), ${round(perSecond, 3)} upstream HTTP requests/s ` +
      `(${traffic.requests} requests: ${foldingText(traffic)}; ${share(perSecond)} of 2 req/s)`,
    otherCallsText(traffic),
    `${drainRounds(before, after)}; ${gets === 0 ? "n/a" : round(records / gets, 1)} records per get (${records} records)`,
    `lag from change to publish ${lagText(before, after, lagSum, lagCount)}`,
    ...(stack.mode.push ? [`${stats.eventsSent} events and signals pushed to the gateway`] : []),
    `${queuedAtEnd} records queued at the last change, ${portal.stats().offlineQueued} left after the final drain`,
    `portal 503s to the gateway ${traffic.refused}`,
  ];
  return {
    scenario: SCENARIO,
    variant: `${stack.mode.variant}, ${changesPerSecond} changes/s for ${seconds} s`,
    figures: figures.join("; "),
  };
}

/**
 * Renames the stack's bookings in turn, `perSecond` a second for `seconds`, each with its own
 * `booking.v1.booking.update` through the webhook (another user of the portal). Each change is due
 * at a fixed time and sent without waiting for the one before, so the portal's answers do not slow
 * the rate; a change that is late is sent at once.
 */
async function renameAtRate(
  stack: Stack,
  perSecond: number,
  seconds: number,
): Promise<{ requests: number; made: number; refused: number; failed: number }> {
  // refused: 503 QUERY_LIMIT_EXCEEDED; failed: any other error, or no answer.
  const counts = { requests: 0, made: 0, refused: 0, failed: 0 };
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  const total = Math.round(perSecond * seconds);
  for (let change = 0; change < total; change += 1) {
    const wait = (change * 1000) / perSecond - (performance.now() - started);
    if (wait > 1) await pause(wait);
    const id = stack.bookings[change % stack.bookings.length]!;
    counts.requests += 1;
    pending.push(
      postJson(`${stack.portal.webhookUrl}${RENAME}`, {
        id,
        fields: { name: `drain ${change}` },
      }).then(
        (answer) => {
          const { result, error } = answer as { result?: unknown; error?: unknown };
          if (result === true) counts.made += 1;
          else if (error === "QUERY_LIMIT_EXCEEDED") counts.refused += 1;
          else counts.failed += 1;
        },
        () => {
          counts.failed += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return counts;
}

/** The gateway's share of what the portal counted: its requests are the rest once ours are taken. */
function gatewayTraffic(
  stats: DemoPortalStats,
  seconds: number,
  own: { requests: number; refused: number },
): GatewayTraffic {
  const drainCalls: Record<string, number> = { get: 0, clear: 0, error: 0 };
  for (const [method, count] of Object.entries(stats.callsByMethod)) {
    if (method.startsWith(DRAIN_PREFIX)) drainCalls[method.slice(DRAIN_PREFIX.length)] = count;
  }
  // The benchmark's own method calls, all renames, are those of its webhook user.
  const ownCalls: Record<string, number> = {
    [RENAME]: stats.callsByUser[String(BENCH_USER_ID)] ?? 0,
  };
  const otherCalls = Object.fromEntries(
    Object.entries(stats.callsByMethod)
      .filter(([method]) => !method.startsWith(DRAIN_PREFIX))
      .map(([method, count]) => [method, count - (ownCalls[method] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
  return {
    seconds,
    requests: stats.httpRequests - own.requests,
    drainCalls,
    otherCalls,
    batchSizes: stats.batchSizes,
    refused: stats.rateLimited - own.refused,
  };
}

function callsOf(traffic: GatewayTraffic): number {
  return Object.values(traffic.drainCalls).reduce((sum, count) => sum + count, 0);
}

/** "4 get, 2 list, 0 clear, 0 error" (the methods of event.offline.*). */
function drainCallsText(traffic: GatewayTraffic): string {
  const methods = Object.keys(traffic.drainCalls).sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return methods.map((method) => `${traffic.drainCalls[method]} ${method}`).join(", ");
}

function rank(method: string): number {
  const index = SHOWN_DRAIN_METHODS.indexOf(method);
  return index === -1 ? SHOWN_DRAIN_METHODS.length : index;
}

/** How the calls travelled: "4 batches of 3 calls, 3 single calls". */
function foldingText(traffic: GatewayTraffic): string {
  const bySize = new Map<number, number>();
  for (const size of traffic.batchSizes) bySize.set(size, (bySize.get(size) ?? 0) + 1);
  const parts = [...bySize]
    .sort(([a], [b]) => b - a)
    .map(([size, count]) => `${count} ${count === 1 ? "batch" : "batches"} of ${size}`);
  const single = traffic.requests - traffic.batchSizes.length;
  if (single > 0) parts.push(`${single} single ${single === 1 ? "call" : "calls"}`);
  return parts.length === 0 ? "none" : parts.join(", ");
}

/** Says whether every request counted carried a drain call (no other call of the gateway's). */
function otherCallsText(traffic: GatewayTraffic): string {
  const others = Object.entries(traffic.otherCalls);
  return others.length === 0
    ? "no other calls of the gateway's"
    : `other calls of the gateway's, in the requests above: ${others.map(([method, count]) => `${count} ${method}`).join(", ")}`;
}

function share(perSecond: number): string {
  return `${round((perSecond / STANDARD.perSecond) * 100, 1)}%`;
}

/** Drain rounds that ended well in the window, by trigger: "3 rounds (2 signal, 1 poll)". */
function drainRounds(before: Map<string, number>, after: Map<string, number>): string {
  const byTrigger = new Map<string, number>();
  for (const [key, value] of after) {
    const labels = /^b24gw_offline_drains_total\{(.*)\}$/.exec(key)?.[1];
    if (labels === undefined || !labels.includes('outcome="ok"')) continue;
    const trigger = /trigger="([^"]*)"/.exec(labels)?.[1] ?? "?";
    const count = value - (before.get(key) ?? 0);
    if (count > 0) byTrigger.set(trigger, (byTrigger.get(trigger) ?? 0) + count);
  }
  const total = [...byTrigger.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...byTrigger].map(([trigger, count]) => `${count} ${trigger}`);
  return `${total} drain rounds${total === 0 ? "" : ` (${parts.join(", ")})`}`;
}

/**
 * The mean of b24gw_offline_lag_seconds over the window, and the bucket every observation fell in:
 * "mean 3.41 s, all ≤ 5 s".
 */
function lagText(
  before: Map<string, number>,
  after: Map<string, number>,
  sum: number,
  count: number,
): string {
  if (count === 0) return "n/a (no record drained)";
  let bound = "+Inf";
  const buckets = [...after.keys()]
    .map((key) => /^b24gw_offline_lag_seconds_bucket\{le="([^"]+)"\}$/.exec(key)?.[1])
    .filter((le): le is string => le !== undefined && le !== "+Inf")
    .sort((a, b) => Number(a) - Number(b));
  for (const le of buckets) {
    const key = `b24gw_offline_lag_seconds_bucket{le="${le}"}`;
    if ((after.get(key) ?? 0) - (before.get(key) ?? 0) >= count) {
      bound = le;
      break;
    }
  }
  return `mean ${round(sum / count, 2)} s over ${count} records, all ≤ ${bound} s`;
}

/** How much the series `matches` picks moved between two readings of /metrics. */
function delta(
  before: Map<string, number>,
  after: Map<string, number>,
  matches: (key: string) => boolean,
): number {
  let moved = 0;
  for (const [key, value] of after) if (matches(key)) moved += value - (before.get(key) ?? 0);
  return moved;
}

/** The gateway's /metrics, as "name{labels}" → value. */
async function gatewayMetrics(origin: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/** The sum of a labelled counter's series, of those whose labels contain `outcome` when given. */
function sumOf(metrics: Map<string, number>, name: string, outcome?: string): number {
  let sum = 0;
  for (const [key, value] of metrics) {
    if (!key.startsWith(`${name}{`)) continue;
    if (outcome !== undefined && !key.includes(`outcome="${outcome}"`)) continue;
    sum += value;
  }
  return sum;
}

/** Adds `count` bookings on resource 1 through the webhook; returns their ids. */
async function addBookings(portal: DemoPortal, count: number): Promise<number[]> {
  const ids: number[] = [];
  const start = Date.UTC(2026, 8, 1, 8) / 1000;
  for (let i = 0; i < count; i += 1) {
    const from = start + i * 3600;
    const answer = (await postJson(`${portal.webhookUrl}booking.v1.booking.add`, {
      fields: {
        resourceIds: [1],
        name: `Drain ${i}`,
        datePeriod: {
          from: { timestamp: from, timezone: "UTC" },
          to: { timestamp: from + 3600, timezone: "UTC" },
        },
      },
    })) as { result?: number };
    if (typeof answer.result !== "number") {
      throw new Error(`booking.add answered ${JSON.stringify(answer)}`);
    }
    ids.push(answer.result);
  }
  return ids;
}

/** A port nothing listens on now: the push+drain gateway must know its origin before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
