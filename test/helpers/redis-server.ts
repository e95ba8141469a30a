import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { stopChild, stoppedAfterAll } from "./child-processes";

/** A `redis-server` of the test's own, on its own port, that the test can stop and start again. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and commands get no answer. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The arguments every test server starts with: loopback only, nothing kept on disk, and a replica
 * synced at once (Redis waits 5 s by default for more replicas to share a diskless sync).
 */
export function redisArgs(port: number): string[] {
  return [
    ...["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    ...["--repl-diskless-sync-delay", "0"],
  ];
}

/**
 * Starts `redis-server` with `args` and resolves once its log shows `readyLine` (a server's "Ready to
 * accept connections", a sentinel's "+monitor"); it is killed after the test file whatever happens.
 */
export async function spawnRedis(args: string[], readyLine: string): Promise<ChildProcess> {
  const child = stoppedAfterAll(spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] }));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return child;
}

/**
 * Starts `redis-server` (see `spawnRedis`) on `count` ports nothing listens on, given to `argsFor`.
 * A port found free may be taken, by any process's outgoing connection, before the server binds it
 * (a Cluster node binds a second port for its bus): the server then exits saying so, and is started
 * again on other ports.
 */
export async function spawnRedisOnFreePorts(
  count: number,
  argsFor: (ports: number[]) => string[] | Promise<string[]>,
  readyLine: string,
): Promise<{ child: ChildProcess; ports: number[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const ports: number[] = [];
    for (let i = 0; i < count; i += 1) ports.push(await freePort());
    try {
      return { child: await spawnRedis(await argsFor(ports), readyLine), ports };
    } catch (error) {
      const taken = (error as Error).message.includes("Address already in use");
      if (!taken || attempt === 5) throw error;
    }
  }
}

/** Starts a Redis that keeps nothing on disk; `stop` and `start` reuse its port. */
export async function startRedisServer(): Promise<RedisServer> {
  const first = await spawnRedisOnFreePorts(
    1,
    ([port]) => redisArgs(port!),
    "Ready to accept connections",
  );
  const port = first.ports[0]!;
  let child: ChildProcess | undefined = first.child;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = await spawnRedis(redisArgs(port), "Ready to accept connections");
    },
    async stop() {
      const running = child;
      child = undefined;
      if (running) await stopChild(running);
    },
    freeze() {
      child?.kill("SIGSTOP");
    },
    thaw() {
      child?.kill("SIGCONT");
    },
  };
  return server;
}
