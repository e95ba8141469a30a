import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { validate } from "dockerfile-utils";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";
import { stopChild, stoppedAfterAll } from "../helpers/child-processes";
import { CONTEXT, inBuildContext } from "../helpers/dockerfile";
import { layOutImage, type ImageLayout } from "../helpers/image-layout";
import { until } from "../helpers/metrics";
import { requestOnNewConnection } from "../helpers/new-connection";
import { freePort } from "../helpers/redis-server";
import { runMarkerEnv } from "../process-check/processes";

/**
 * The image without a container engine (this machine has none): its Dockerfile linted, its stages
 * followed into folders (test/helpers/image-layout.ts), and its CMD and HEALTHCHECK run from the
 * runtime stage's folder as a container would run them, with node as PID 1 of a PID namespace of
 * its own where `unshare` may make one (root, as here and in CI).
 */

/** The image's Node is 24; IMAGE_NODE names such a binary to run the CMD with instead of this one. */
const NODE = process.env.IMAGE_NODE ?? process.execPath;

/** Whether a PID namespace can be made here, with /proc mounted for it. */
const CAN_BE_PID_1 =
  spawnSync("unshare", ["--pid", "--fork", "--kill-child", "--mount-proc", "true"]).status === 0;

/** Laying out the image compiles and installs: a minute or two on a busy machine. */
const LAYOUT_BOUND_MS = 480_000;

let layout: ImageLayout;

beforeAll(async () => {
  layout = await layOutImage();
}, LAYOUT_BOUND_MS);
afterAll(() => layout?.remove());

describe("the Dockerfile", () => {
  it("has nothing dockerfile-utils' linter flags (and the linter does flag a mistake)", () => {
    const dockerfile = readFileSync(join(CONTEXT, "Dockerfile"), "utf8");
    expect(validate(dockerfile)).toEqual([]);
    const misspelt = dockerfile.replace("--start-period=", "--start-periode=");
    expect(validate(misspelt).map((problem) => problem.message)).toEqual([
      expect.stringContaining("start-periode"),
    ]);
  });

  it("builds on the Node 24 LTS line, in every stage", () => {
    for (const stage of layout.recipe.stages) expect(stage.from).toMatch(/^node:24[-.@]/);
  });

  it("builds in the build stage; the runtime stage only installs production dependencies", () => {
    const runtimeRuns = layout.recipe.final.steps.filter((step) => step.keyword === "RUN");
    expect(runtimeRuns.map((step) => step.args.slice(0, 2).join(" "))).toEqual(["npm ci"]);
    expect(runtimeRuns[0]!.args).toEqual(
      expect.arrayContaining(["--omit=dev", "--workspaces=false"]),
    );
    const build = layout.recipe.stages.find((stage) => stage.name === "build")!;
    expect(build.steps.some((step) => step.text === "npm run build")).toBe(true);
  });

  it("starts node itself on the compiled code, so that nothing builds at start and node gets SIGTERM", () => {
    const [program, ...args] = layout.recipe.cmd;
    expect(program).toBe("node");
    expect(args[args.length - 1]).toBe("dist/src/index.js");
    // The flags `npm start` passes (docs/operations.md, "Memory").
    const start = (
      JSON.parse(readFileSync(join(CONTEXT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts.start!;
    expect(`node ${args.join(" ")}`).toBe(start);
  });

  it("runs as a non-root user given by number, and gives it no file of its own", () => {
    expect(layout.recipe.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    const chowned = layout.recipe.final.steps.filter((step) => "chown" in step.flags);
    expect(chowned).toEqual([]);
  });

  it("keeps local files out of the build context", () => {
    for (const kept of [
      "package.json",
      "src/index.ts",
      "explorer/build.mjs",
      "schema/operations",
    ]) {
      expect([kept, inBuildContext(kept)]).toEqual([kept, true]);
    }
    for (const left of [
      ".git/config",
      ".env",
      "node_modules/graphql/package.json",
      "dist/src/index.js",
      "explorer/dist/graphiql.js",
      "examples/booking-board/package.json",
      "test/deploy/image.test.ts",
      "artifacts/screenshot.png",
    ]) {
      expect([left, inBuildContext(left)]).toEqual([left, false]);
    }
  });
});

describe("the runtime stage's install", () => {
  interface LockEntry {
    dev?: boolean;
  }

  /** Every package folder under `folder` (a node_modules), as package-lock.json names them. */
  function installed(folder: string, prefix = "node_modules"): string[] {
    if (!existsSync(folder)) return [];
    const found: string[] = [];
    const add = (key: string, path: string) =>
      found.push(key, ...installed(join(path, "node_modules"), `${key}/node_modules`));
    for (const name of readdirSync(folder)) {
      if (name.startsWith(".")) continue;
      if (!name.startsWith("@")) add(`${prefix}/${name}`, join(folder, name));
      else
        for (const sub of readdirSync(join(folder, name))) {
          add(`${prefix}/${name}/${sub}`, join(folder, name, sub));
        }
    }
    return found;
  }

  it("holds the production dependencies and no development one, nor the example's workspace", () => {
    const lock = JSON.parse(readFileSync(join(layout.app, "package-lock.json"), "utf8")) as {
      packages: Record<string, LockEntry>;
    };
    const packages = installed(join(layout.app, "node_modules"));
    expect(packages.length).toBeGreaterThan(100);
    const unknownOrDev = packages.filter((key) => !lock.packages[key] || lock.packages[key].dev);
    expect(unknownOrDev).toEqual([]);
    expect(packages).not.toContain("node_modules/booking-board");
    for (const devOnly of ["typescript", "jest", "esbuild", "@graphql-hive/gateway", "vite"]) {
      expect(packages).not.toContain(`node_modules/${devOnly}`);
    }
    const manifest = JSON.parse(readFileSync(join(CONTEXT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies)) {
      expect(packages).toContain(`node_modules/${name}`);
    }
  });

  it("holds the compiled gateway, the explorer bundle and the example operations, and no sources", () => {
    expect(existsSync(join(layout.app, "dist", "src", "index.js"))).toBe(true);
    expect(existsSync(join(layout.app, "explorer", "dist", "graphiql.js"))).toBe(true);
    expect(readdirSync(join(layout.app, "schema", "operations")).length).toBeGreaterThan(10);
    expect(existsSync(join(layout.app, "src"))).toBe(false);
    expect(existsSync(join(layout.app, "dist", "bench"))).toBe(false);
  });
});

/** A process started as the container would start it: `pid` is the one signals go to. */
interface Container {
  child: ChildProcess;
  /** The program's own process: PID 1 inside its namespace, `child` itself without one. */
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** The program's pid in this namespace: unshare's one child. */
async function childOf(pid: number): Promise<number> {
  for (;;) {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    if (children !== "") return Number(children.split(" ")[0]);
    await pause(10);
  }
}

async function startContainer(
  command: string[],
  env: Record<string, string>,
  asPid1: boolean,
): Promise<Container> {
  const [program, ...args] = command;
  const argv = [program === "node" ? NODE : program!, ...args];
  const child = stoppedAfterAll(
    spawn(
      asPid1 ? "unshare" : argv[0]!,
      asPid1 ? ["--pid", "--fork", "--kill-child", "--mount-proc", ...argv] : argv.slice(1),
      {
        cwd: layout.app,
        env: { PATH: process.env.PATH ?? "", ...runMarkerEnv(), ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    ),
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "close").then(([code]) => code as number | null);
  const pid = asPid1 ? await childOf(child.pid!) : child.pid!;
  if (asPid1) {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    // NSpid: its pid here, then in its own namespace.
    expect(/^NSpid:\s+\d+\s+(\d+)$/m.exec(status)?.[1]).toBe("1");
  }
  return { child, pid, output: () => output, exited };
}

/** Runs the image's HEALTHCHECK command with the container's environment: its exit code. */
function healthcheck(env: Record<string, string>): Promise<number | null> {
  const [program, ...args] = layout.recipe.healthcheck.cmd;
  const child = stoppedAfterAll(
    spawn(program === "node" ? NODE : program!, args, {
      cwd: layout.app,
      env: { PATH: process.env.PATH ?? "", ...runMarkerEnv(), ...env },
      stdio: "ignore",
    }),
  );
  return once(child, "close").then(([code]) => code as number | null);
}

describe("the image's start command", () => {
  let portal: DemoPortal;

  beforeAll(async () => {
    portal = await startDemoPortal({ seed: "demo" });
  });
  afterAll(() => portal?.close());

  const READINESS_DELAY_MS = 1000;
  const GRACE_MS = 2000;
  /** src/index.ts: how long past the two periods the process may take before it exits anyway. */
  const EXIT_MARGIN_MS = 3000;

  /** The image's ENV, with what a deployment sets: a portal, credentials, loopback for the test. */
  async function containerEnv(): Promise<Record<string, string>> {
    return {
      ...layout.recipe.env,
      // The image listens on 0.0.0.0; this test stays on loopback.
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      GATEWAY_TOKENS: "image-test-token-0001",
      METRICS_TOKEN: "image-test-metrics-0001",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: `b24gw-image-test-${process.pid}-${Date.now()}:`,
      EXPLORER: "graphiql",
      SHUTDOWN_READINESS_DELAY_MS: String(READINESS_DELAY_MS),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    };
  }

  async function startsServesAndDrains(asPid1: boolean): Promise<void> {
    const env = await containerEnv();
    const origin = `http://127.0.0.1:${env.PORT}`;
    expect(env.NODE_ENV).toBe("production");
    const container = await startContainer(layout.recipe.cmd, env, asPid1);
    try {
      let health: { status: number } | undefined;
      while (health?.status !== 200) {
        if (container.child.exitCode !== null) throw new Error(container.output());
        health = await requestOnNewConnection(`${origin}/healthz`).catch(() => undefined);
        if (health?.status !== 200) await pause(50);
      }
      expect(await healthcheck(env)).toBe(0);
      const ready = await requestOnNewConnection(`${origin}/readyz`);
      expect({ status: ready.status, body: JSON.parse(ready.text) as unknown }).toMatchObject({
        status: 200,
        body: { status: "ready", checks: { portal: { ok: true }, redis: { ok: true } } },
      });
      // The explorer bundle is where the gateway looks for it (projectRoot()/explorer/dist).
      expect((await requestOnNewConnection(`${origin}/explorer/graphiql.js`)).status).toBe(200);
      const query = await requestOnNewConnection(`${origin}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${env.GATEWAY_TOKENS}`,
        },
        body: JSON.stringify({ query: "{ booking(id: 14) { id } }" }),
      });
      expect(JSON.parse(query.text)).toEqual({ data: { booking: { id: 14 } } });

      const signalled = Date.now();
      process.kill(container.pid, "SIGTERM");
      // Draining: not ready, still serving, for the readiness delay.
      await until(async () => (await requestOnNewConnection(`${origin}/readyz`)).status === 503);
      expect((await requestOnNewConnection(`${origin}/healthz`)).status).toBe(200);
      const code = await container.exited;
      const took = Date.now() - signalled;
      expect({ code, output: container.output() }).toMatchObject({ code: 0 });
      expect(container.output()).toContain('"msg":"stopped"');
      expect(took).toBeGreaterThanOrEqual(READINESS_DELAY_MS);
      expect(took).toBeLessThan(READINESS_DELAY_MS + GRACE_MS + EXIT_MARGIN_MS);
      // Down: the HEALTHCHECK says so.
      expect(await healthcheck(env)).toBe(1);
    } finally {
      await stopChild(container.child);
    }
  }

  it(`answers /healthz, /readyz and the HEALTHCHECK, and on SIGTERM drains and exits 0 within the grace (${CAN_BE_PID_1 ? "as PID 1 of its own PID namespace, as in a container" : "as a plain process: no PID namespace can be made here"})`, async () => {
    await startsServesAndDrains(CAN_BE_PID_1);
  }, 60_000);

  (CAN_BE_PID_1 ? it : it.skip)(
    "would be caught ignoring SIGTERM: PID 1 without a handler does",
    async () => {
      const container = await startContainer(
        ["node", "-e", "setInterval(() => {}, 1000)"],
        {},
        true,
      );
      try {
        process.kill(container.pid, "SIGTERM");
        await pause(1000);
        expect(container.child.exitCode).toBeNull();
        expect(existsSync(`/proc/${container.pid}`)).toBe(true);
      } finally {
        await stopChild(container.child);
      }
    },
  );
});
