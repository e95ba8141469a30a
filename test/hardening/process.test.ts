import { execFile, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { READ_VARIABLES } from "../../src/config";
import { startDemoPortal, type DemoPortal } from "../../src/demo-portal";

const ROOT = join(__dirname, "..", "..");
/** The gateway is compiled here, apart from dist/, so that tests never race a developer's build. */
const OUT = join(ROOT, "node_modules", ".cache", "b24gw-process-test");
const ENTRY = join(OUT, "src", "index.js");
const run = promisify(execFile);

beforeAll(async () => {
  await run(process.execPath, [
    join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    join(ROOT, "tsconfig.build.json"),
    "--outDir",
    OUT,
  ]);
}, 60_000);

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function startGatewayProcess(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output}`)), 15_000);
    const check = () => {
      const match = /GraphQL endpoint(?: and Apollo Sandbox)?: (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off("data", check);
      resolve({ child, url: match[1]!, output: () => output, exited });
    };
    child.stdout.on("data", check);
    void exited.then(() => reject(new Error(`gateway exited: ${output}`)));
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

  beforeAll(async () => {
    portal = await startDemoPortal({ latencyMs: 1200 });
  });
  afterAll(() => portal.close());

  it("lists every variable it reads in --help", async () => {
    const { stdout } = await run(process.execPath, [ENTRY, "--help"]);
    for (const name of READ_VARIABLES) expect(stdout).toContain(name);
  });

  it("refuses to start in production without caller authentication, in one line, and exits non-zero", async () => {
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        PORT: "0",
        BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toEqual([
      "Invalid configuration:",
      expect.stringMatching(
        /^ {2}- NODE_ENV=production: no caller authentication is configured; set /,
      ),
    ]);
    expect(stderr).not.toContain(new URL(portal.webhookUrl).pathname);
  });

  it("drains on SIGTERM: readiness turns false, the in-flight request completes, the process exits", async () => {
    const gateway = await startGatewayProcess({
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      BITRIX24_RATE_LIMIT: "off",
      LOG_LEVEL: "warn",
      SHUTDOWN_READINESS_DELAY_MS: "300",
      SHUTDOWN_GRACE_MS: "5000",
    });
    const base = gateway.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const inFlight = query(gateway.url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalledAt = Date.now();
    gateway.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const readiness = await fetch(`${base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: "draining" });

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { booking: { id: 14 } } });
    const { code, at } = await gateway.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5000);
    // Once drained, nothing listens any more.
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 20_000);

  it("exits within SHUTDOWN_GRACE_MS when a request outlasts it", async () => {
    portal.setLimits({ latencyMs: 10_000 });
    try {
      const gateway = await startGatewayProcess({
        BITRIX24_WEBHOOK_URL: portal.webhookUrl,
        BITRIX24_RATE_LIMIT: "off",
        BITRIX24_TIMEOUT_MS: "20000",
        LOG_LEVEL: "warn",
        SHUTDOWN_GRACE_MS: "500",
      });
      const stuck = query(gateway.url).then(
        (response) => response.status,
        () => "connection closed",
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signalledAt = Date.now();
      gateway.child.kill("SIGTERM");
      const { at } = await gateway.exited;
      expect(at - signalledAt).toBeLessThan(2500);
      expect(await stuck).toBe("connection closed");
    } finally {
      portal.setLimits({ latencyMs: 1200 });
    }
  }, 20_000);
});
