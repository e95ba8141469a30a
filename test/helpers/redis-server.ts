import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { stopChild, stoppedAfterAll } from "./child-processes";

/** A `redis-server` of the test's own, on its own port, that the test can stop and start again. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a Redis that keeps nothing on disk; `stop` and `start` reuse its port. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = stoppedAfterAll(
        spawn(
          "redis-server",
          ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
          { stdio: ["ignore", "pipe", "pipe"] },
        ),
      );
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = "";
        started.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Ready to accept connections")) resolve();
        });
        started.once("exit", (code) =>
          reject(new Error(`redis-server exited (${code}): ${output}`)),
        );
      });
    },
    async stop() {
      const running = child;
      child = undefined;
      if (running) await stopChild(running);
    },
  };
  await server.start();
  return server;
}
