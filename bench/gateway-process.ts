import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The gateway as its own process, started the way `npm start` starts it, so its memory is its own. */
export interface GatewayProcess {
  url: string;
  pid: number;
  /** Peak resident set size so far, in MB (Linux VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, startCommandArguments(), {
    // Per-operation figures are measured with the read cache off; scenarios that measure it say so.
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", CACHE: "off", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL endpoint and Apollo Sandbox: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    peakRssMb: () => readPeakRss(child),
    stop: () => stopChild(child),
  };
}

/**
 * The node arguments of `npm start` (V8 flags and entry file), read from package.json so the benchmark
 * measures the gateway exactly as it is started.
 */
function startCommandArguments(): string[] {
  const root = join(__dirname, "..", "..");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`npm start should run node, not ${command}`);
  return args.map((arg) => (arg.endsWith(".js") ? join(root, arg) : arg));
}

function readPeakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Resident set size now, in MB, and the number of open file descriptors (sockets included). */
export function currentUsage(pid: number): { rssMb: number; openFds: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb / 1024), openFds: readdirSync(`/proc/${pid}/fd`).length };
}
