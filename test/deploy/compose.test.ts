import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { CONTEXT } from "../helpers/dockerfile";
import { execute } from "../helpers/graphql-http";
import { layOutImage, type ImageLayout } from "../helpers/image-layout";
import { sample, until } from "../helpers/metrics";
import { requestOnNewConnection } from "../helpers/new-connection";
import { runMarkerEnv } from "../process-check/processes";

/**
 * deploy/compose.yaml, run by scripts/compose-as-processes.mjs as plain processes (this machine has
 * no container engine): the router (Hive Gateway), two gateway replicas on the image's layout, Redis
 * and the demo portal, each with the environment the compose file gives it.
 */

interface Topology {
  services: Record<string, { url: string; containerPort: number; env: Record<string, string> }>;
  aliases: Record<string, string>;
}

/** Laying out the image and starting five services: a couple of minutes on a busy machine. */
const START_BOUND_MS = 480_000;
/** The compose file's longest stop_grace_period, and then some. */
const STOP_BOUND_MS = 30_000;

let layout: ImageLayout;
let runner: ChildProcess;
let stdout = "";
let stderr = "";
let topology: Topology;

/** Stops the runner's whole process group: the backstop when it did not stop by itself. */
function killGroup(): void {
  try {
    process.kill(-runner.pid!, "SIGKILL");
  } catch {
    // Gone already.
  }
}

beforeAll(async () => {
  layout = await layOutImage();
  // A process group of its own: should the runner itself be killed, its services go with it.
  runner = spawn(
    process.execPath,
    [join(CONTEXT, "scripts", "compose-as-processes.mjs"), "--app-root", layout.app, "--json"],
    {
      detached: true,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...runMarkerEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  runner.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  // Kept to explain a failure; the services log a line per request.
  runner.stderr!.on(
    "data",
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)),
  );
  // Settles only if the runner exits before it said it was up (it rejects then).
  const exited = once(runner, "exit").then(() => {
    if (!stdout.includes("\n")) throw new Error(`the runner exited while starting:\n${stderr}`);
  });
  await Promise.race([until(() => stdout.includes("\n")), exited]);
  topology = JSON.parse(stdout.split("\n")[0]!) as Topology;
}, START_BOUND_MS);

afterAll(async () => {
  if (runner?.exitCode === null && runner.signalCode === null) {
    runner.kill("SIGTERM");
    const bound = setTimeout(killGroup, STOP_BOUND_MS);
    await once(runner, "exit");
    clearTimeout(bound);
  }
  if (runner) killGroup();
  layout?.remove();
}, STOP_BOUND_MS + 10_000);

const url = (service: string) => `${topology.services[service]!.url}/graphql`;
const env = (service: string) => topology.services[service]!.env;
/** What the compose file gives the gateways: the secret only the router sends, a caller's token. */
const routerSecret = () => env("gateway-1").ROUTER_SECRET!;
const callerToken = () => env("gateway-1").GATEWAY_TOKENS!.split(",")[0]!;
const asCaller = () => ({ authorization: `Bearer ${callerToken()}` });
const asRouter = () => ({ ...asCaller(), "x-router-secret": routerSecret() });

/** A gateway replica's metrics, with the token the compose file gives it. */
async function metrics(service: string): Promise<string> {
  const response = await requestOnNewConnection(`${topology.services[service]!.url}/metrics`, {
    headers: { authorization: `Bearer ${env(service).METRICS_TOKEN}` },
  });
  return response.text;
}

describe("the compose file's services, as processes", () => {
  it("runs every service the compose file has, with its environment", () => {
    const compose = parseYaml(readFileSync(join(CONTEXT, "deploy", "compose.yaml"), "utf8"), {
      merge: true,
    }) as { services: Record<string, unknown> };
    expect(Object.keys(topology.services).sort()).toEqual(Object.keys(compose.services).sort());
    const portal = topology.services["demo-portal"]!.url;
    for (const gateway of ["gateway-1", "gateway-2"]) {
      expect(env(gateway).BITRIX24_WEBHOOK_URL).toMatch(new RegExp(`^${portal}/rest/1/`));
      expect(env(gateway).REDIS_URL).toBe(topology.services.redis!.url.replace("http", "redis"));
      expect(env(gateway).BITRIX24_APPLICATION_TOKEN).toBe(
        env("demo-portal").DEMO_PORTAL_APPLICATION_TOKEN,
      );
    }
    // The portal posts its events to the address both replicas answer to.
    expect(env("demo-portal").DEMO_PORTAL_EVENT_HANDLER_URL).toBe(
      `${topology.aliases.gateway}/bitrix24/events`,
    );
  });

  it("answers a query through the router, which passes the caller's credential on", async () => {
    const query = "{ booking(id: 14) { id } }";
    expect(await execute(url("router"), query, undefined, asCaller())).toMatchObject({
      status: 200,
      data: { booking: { id: 14 } },
    });
    const anonymous = await execute(url("router"), query);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a request that reaches a replica without the router's secret", async () => {
    const direct = await execute(url("gateway-1"), "{ booking(id: 14) { id } }", {}, asCaller());
    expect(direct.status).toBe(401);
  });

  it("shows a write through one replica on a read through the other", async () => {
    const read = () =>
      execute<{ booking: { name: string } }, never>(
        url("gateway-2"),
        "{ booking(id: 14) { name } }",
        undefined,
        asRouter(),
      );
    // gateway-2 reads (and caches) the booking first.
    expect((await read()).data?.booking.name).not.toBe("Renamed through gateway-1");
    const renamed = await execute(
      url("gateway-1"),
      'mutation { updateBooking(id: 14, input: { name: "Renamed through gateway-1" }) { name } }',
      undefined,
      asRouter(),
    );
    expect(renamed.data).toEqual({ updateBooking: { name: "Renamed through gateway-1" } });
    expect((await read()).data?.booking.name).toBe("Renamed through gateway-1");
  });

  it("delivers a change made on the portal, through its events and Redis, to a subscription through the router", async () => {
    const eventsBefore = await Promise.all(
      ["gateway-1", "gateway-2"].map(async (gateway) =>
        sample(await metrics(gateway), "b24gw_events_total", '{outcome="published"}'),
      ),
    );
    const controller = new AbortController();
    const response = await fetch(url("router"), {
      method: "POST",
      headers: { ...asCaller(), "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: "subscription { bookingChanged(ids: [14]) { kind id booking { name } } }",
      }),
      signal: controller.signal,
    });
    try {
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      // The router has opened its graphql-ws subscription to one of the replicas.
      await until(async () => {
        const held = await Promise.all(
          ["gateway-1", "gateway-2"].map(async (gateway) =>
            sample(await metrics(gateway), "b24gw_subscriptions_active", '{transport="ws"}'),
          ),
        );
        return held.some((count) => count === 1);
      });
      // A change on the portal itself, as another Bitrix24 client or user would make it.
      const portalChange = await fetch(
        `${env("gateway-1").BITRIX24_WEBHOOK_URL}booking.v1.booking.update`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ id: 14, fields: { name: "Renamed on the portal" } }),
        },
      );
      expect(await portalChange.json()).toMatchObject({ result: true });

      let text = "";
      const decoder = new TextDecoder();
      let event: RegExpExecArray | null = null;
      while (!(event = /event: next\ndata: (.+)\n\n/.exec(text))) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended without an event: ${text}`);
        text += decoder.decode(value as Uint8Array, { stream: true });
      }
      expect(JSON.parse(event[1]!)).toEqual({
        data: {
          bookingChanged: { kind: "UPDATED", id: 14, booking: { name: "Renamed on the portal" } },
        },
      });
      // It came by the events route: one of the replicas took the portal's delivery.
      const eventsAfter = await Promise.all(
        ["gateway-1", "gateway-2"].map(async (gateway) =>
          sample(await metrics(gateway), "b24gw_events_total", '{outcome="published"}'),
        ),
      );
      const total = (counts: Array<number | undefined>) =>
        counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
      expect(total(eventsAfter)).toBeGreaterThan(total(eventsBefore));
    } finally {
      controller.abort();
    }
  });

  it(
    "stops every service on SIGTERM, each exiting 0, as `docker compose down` would",
    async () => {
      const exited = once(runner, "exit");
      runner.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      const { stopped } = JSON.parse(stdout.trim().split("\n").pop()!) as {
        stopped: Record<string, number | null>;
      };
      expect({ code, stopped }).toEqual({
        code: 0,
        stopped: {
          router: 0,
          "gateway-1": 0,
          "gateway-2": 0,
          redis: 0,
          "demo-portal": 0,
        },
      });
    },
    STOP_BOUND_MS,
  );
});
