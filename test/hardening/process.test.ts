import { execFile, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync, rmSync } from "node:fs";
import { connect, createServer, type AddressInfo, type Server } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { READ_VARIABLES } from "../../src/config";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { stopChild } from "../helpers/child-processes";
import { ManualClock } from "../helpers/manual-clock";
import { until } from "../helpers/metrics";
import { runMarkerEnv } from "../process-check/processes";

const ROOT = join(__dirname, "..", "..");
/** The gateway is compiled here, apart from dist/, so that tests never race a developer's build. */
const OUT = join(ROOT, "node_modules", ".cache", "b24gw-process-test");
const ENTRY = join(OUT, "src", "index.js");
const run = promisify(execFile);

/** Compiling takes seconds; the bound is only there so that a hung compiler ends the run. */
const COMPILE_BOUND_MS = 280_000;

beforeAll(async () => {
  // A file left from an earlier layout (config.js beside config/) would shadow the new one.
  rmSync(OUT, { recursive: true, force: true });
  await run(
    process.execPath,
    [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(ROOT, "tsconfig.build.json"),
      "--outDir",
      OUT,
    ],
    // A compiler past the bound is killed, not left running after the run gave up on it.
    { timeout: COMPILE_BOUND_MS, killSignal: "SIGKILL" },
  );
}, COMPILE_BOUND_MS + 20_000);

/** Every gateway process a test started: killed once its test is over, whatever the outcome. */
const children = new Set<ChildProcess>();

afterEach(async () => {
  const left = [...children];
  children.clear();
  await Promise.all(left.map((child) => stopChild(child)));
});

interface Launched {
  child: ChildProcess;
  /** stdout and stderr as they arrived. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  /** Settles once the process has exited and its output is read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the GraphQL URL once the gateway says it listens; pending otherwise. */
  listening: Promise<string>;
}

function launch(env: Record<string, string>, args: readonly string[] = []): Launched {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    // The run's marker too: the suite's check of leftover processes knows the gateway by it.
    env: {
      PATH: process.env.PATH ?? "",
      ...runMarkerEnv(),
      NODE_ENV: "development",
      PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  // "close", not "exit": "exit" may come while the pipes still hold some of the output.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<string>((resolve) => {
    const check = () => {
      const match = /GraphQL endpoint(?: and (?:Apollo Sandbox|GraphiQL))?: (\S+)/.exec(output);
      if (!match) return;
      child.stdout.off("data", check);
      resolve(match[1]!);
    };
    child.stdout.on("data", check);
  });
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    listening,
  };
}

interface Started extends Launched {
  url: string;
}

/** A start that never completes ends in the test's timeout; a failed one rejects with its output. */
async function startGatewayProcess(env: Record<string, string>): Promise<Started> {
  const launched = launch(env);
  const url = await Promise.race([
    launched.listening,
    launched.exited.then(({ code }) => {
      throw new Error(`gateway exited (${code}): ${launched.output()}`);
    }),
  ]);
  return { ...launched, url };
}

/**
 * Starting the compiled gateway takes about a second, several on a busy machine. Tests that start it
 * allow a minute (none of their verdicts depends on time); a process that has neither exited nor
 * started listening after this long is given up on, well within that minute.
 */
const OUTCOME_BOUND_MS = 40_000;

/**
 * How a process that should exit without serving ended: its exit, or that it started listening (the
 * bug), or that it did neither within OUTCOME_BOUND_MS. afterEach kills a process still running.
 */
async function outcome(gateway: Launched): Promise<unknown> {
  let bound: NodeJS.Timeout | undefined;
  return Promise.race([
    gateway.exited,
    gateway.listening.then((url) => ({ startedAt: url, output: gateway.output() })),
    new Promise<string>((resolve) => {
      bound = setTimeout(
        () => resolve(`neither exited nor listening after ${OUTCOME_BOUND_MS} ms`),
        OUTCOME_BOUND_MS,
      );
    }),
  ]).finally(() => clearTimeout(bound));
}

/** A server of the test's own on a free loopback port. */
async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, port: (server.address() as AddressInfo).port };
}

/** What connecting to a loopback port comes to: "connected", or the error's code. */
function connection(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const query = (url: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ booking(id: 14) { id } }" }),
  });

describe("the gateway process", () => {
  let portal: DemoPortal;

  // The portal's clock moves only when a test moves it: each REST request is held until then.
  const LATENCY_MS = 1000;
  const portalClock = new ManualClock();

  beforeAll(async () => {
    portal = await startDemoPortal({ latencyMs: LATENCY_MS, clock: portalClock });
  });
  afterAll(() => portal.close());

  it.each(["--help", "-h"])(
    "prints the help for %s, listing every variable it reads, and exits 0",
    async (flag) => {
      const gateway = launch({}, [flag]);
      expect(await outcome(gateway)).toEqual({ code: 0, signal: null });
      expect(gateway.stdout()).toMatch(/^Usage: /);
      for (const name of READ_VARIABLES) expect(gateway.stdout()).toContain(name);
      expect(gateway.stderr()).toBe("");
    },
    60_000,
  );

  it("refuses an unsupported Node.js in one line, before loading anything, and exits 1", async () => {
    const gateway = launch({
      NODE_OPTIONS: `--require ${join(ROOT, "test", "fixtures", "pretend-node-20.js")}`,
    });
    expect(await gateway.exited).toEqual({ code: 1, signal: null });
    expect(gateway.stderr()).toBe(
      "This needs Node.js 24 or later (tested on 24 and 26); this is Node.js 20.20.2.\n",
    );
    expect(gateway.stdout()).toBe("");
  });

  it("runs with npm start's V8 flags on this Node.js, which accepts every one of them", async () => {
    const start = (
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        scripts: { start: string };
      }
    ).scripts.start;
    const flags = start.split(" ").filter((word) => word.startsWith("--"));
    expect(flags.length).toBeGreaterThan(0);
    const { stdout, stderr } = await run(process.execPath, [...flags, "-p", "process.version"]);
    expect({ stdout, stderr }).toEqual({ stdout: `${process.version}\n`, stderr: "" });
  });

  it("refuses an unknown option in one line and exits 2", async () => {
    const gateway = launch({}, ["--nope"]);
    expect(await outcome(gateway)).toEqual({ code: 2, signal: null });
    expect(gateway.stderr()).toBe("unknown option --nope; see --help\n");
    expect(gateway.stdout()).toBe("");
  }, 60_000);

  it("exits 1 with one line naming PORT when its port is taken, and leaves nothing listening", async () => {
    const taken = await listening();
    // The embedded demo portal's port, chosen here so that the test can check it is closed after.
    const free = await listening();
    free.server.close();
    await once(free.server, "close");
    try {
      const gateway = launch({
        HOST: "127.0.0.1",
        PORT: String(taken.port),
        DEMO_PORTAL_PORT: String(free.port),
      });
      expect(await outcome(gateway)).toEqual({ code: 1, signal: null });
      expect(gateway.stderr()).toBe(
        `PORT ${taken.port} is in use: stop what listens there or set PORT to another port (0 picks a free one)\n`,
      );
      expect(await connection(free.port)).toBe("ECONNREFUSED");
      // The port's owner was left alone.
      expect(await connection(taken.port)).toBe("connected");
    } finally {
      taken.server.close();
    }
  }, 60_000);

  it("refuses to start in production without caller authentication, in one line, and exits non-zero", async () => {
    const gateway = launch({
      NODE_ENV: "production",
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      // Only the missing caller authentication is wrong here: public metrics are refused too.
      METRICS: "off",
    });
    expect(await outcome(gateway)).toEqual({ code: 1, signal: null });
    const lines = gateway.stderr().trim().split("\n");
    expect(lines).toEqual([
      "Invalid configuration:",
      expect.stringMatching(
        /^ {2}- NODE_ENV=production: no caller authentication is configured; set /,
      ),
    ]);
    expect(gateway.stderr()).not.toContain(new URL(portal.webhookUrl).pathname);
  }, 60_000);

  it("drains on SIGTERM: the in-flight request completes, then the process exits 0", async () => {
    const gateway = await startGatewayProcess({
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_RATE_LIMIT: "off",
      LOG_LEVEL: "info",
      // Far more than the test needs: the process leaves as soon as it has drained.
      SHUTDOWN_GRACE_MS: "60000",
    });
    const base = gateway.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // The portal holds the request until its clock moves: it is surely in flight at SIGTERM.
    const held = portal.stats().inFlight;
    const inFlight = query(gateway.url);
    await portal.waitFor((stats) => stats.inFlight === held + 1);
    gateway.child.kill("SIGTERM");
    await until(() => gateway.output().includes("draining"));
    portalClock.advance(LATENCY_MS);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { booking: { id: 14 } } });
    expect((await gateway.exited).code).toBe(0);
    // Once drained, nothing listens any more.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 60_000);

  it("exits after SHUTDOWN_GRACE_MS when a request would never end", async () => {
    // The portal holds this request until the test ends, and its timeout is further away than the
    // test's: only the grace period can end the process.
    const gateway = await startGatewayProcess({
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_RATE_LIMIT: "off",
      BITRIX24_TIMEOUT_MS: "120000",
      REQUEST_DEADLINE_MS: "120000",
      LOG_LEVEL: "warn",
      SHUTDOWN_GRACE_MS: "500",
    });
    const held = portal.stats().inFlight;
    const stuck = query(gateway.url).then(
      (response) => response.status,
      () => "connection closed",
    );
    await portal.waitFor((stats) => stats.inFlight === held + 1);
    gateway.child.kill("SIGTERM");
    await gateway.exited;
    expect(await stuck).toBe("connection closed");
  }, 60_000);
});
