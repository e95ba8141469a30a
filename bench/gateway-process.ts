import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startNodeProcess, type NodeProcess } from "./node-process";

/** The gateway as its own process, started the way `npm start` starts it. */
export type GatewayProcess = NodeProcess;

/** `nodeFlags` come before `npm start`'s own (a profiler's, say). */
export function startGatewayProcess(
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<GatewayProcess> {
  return startNodeProcess({
    args: [...nodeFlags, ...gatewayStartArguments()],
    // Per-operation figures are measured with the read cache off; scenarios that measure it say so.
    env: { PORT: "0", LOG_LEVEL: "warn", CACHE: "off", ...env },
    ready: /GraphQL endpoint(?: and (?:Apollo Sandbox|GraphiQL))?: (\S+)/,
  });
}

/**
 * The node arguments of `npm start` (V8 flags and entry file), read from package.json so the benchmark
 * measures the gateway exactly as it is started.
 */
export function gatewayStartArguments(): string[] {
  const root = join(__dirname, "..", "..");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`npm start should run node, not ${command}`);
  return args.map((arg) => (arg.endsWith(".js") ? join(root, arg) : arg));
}
