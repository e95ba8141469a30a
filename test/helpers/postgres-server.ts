import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

import { stopChild, stoppedAfterAll } from "./child-processes";
import { freePort } from "./redis-server";

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, in a temporary directory, on its own port, that the test can
 * stop and start again (what was committed survives, as it would a restart of a real one).
 */
export interface PostgresServer {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication: no password). */
  readonly url: string;
  /** Starts it again, on the same port and data directory. */
  start(): Promise<void>;
  /** Shuts it down as an orderly restart does: sessions are ended (57P01), the data is kept. */
  stop(): Promise<void>;
  /** Stops it and deletes its data directory. */
  close(): Promise<void>;
}

/** Where Debian's postgresql packages put the binaries: /usr/lib/postgresql/<major>/bin; the newest wins. */
const DEBIAN_POSTGRESQL = "/usr/lib/postgresql";

/** Readiness is polled with a short backoff; this many attempts is about 15 s. */
const READY_ATTEMPTS = 160;

/**
 * Creates a database cluster (initdb) and starts it. PostgreSQL refuses to run as root, and CI runs
 * as root: then both run as the `postgres` user (Node's spawn sets the uid itself, so a signal sent
 * to the child reaches the server, not a wrapper such as runuser that would turn it into another).
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = await newestBinaries();
  const owner = await serverOwner();
  const dir = await mkdtemp(join(tmpdir(), "b24gw-pg-"));
  if (owner) await chown(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  await run(
    join(bin, "initdb"),
    ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"],
    { ...owner },
  ).catch((error: Error & { stderr?: string }) => {
    throw new Error(`initdb failed: ${error.stderr || error.message}`);
  });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;

  const server: PostgresServer = {
    port,
    url,
    async start() {
      const started = stoppedAfterAll(
        spawn(
          join(bin, "postgres"),
          // fsync=off: a test never survives a power cut; shared_buffers small: a test keeps little.
          ["-D", data, "-p", String(port), "-k", dir, "-h", "127.0.0.1"].concat(
            ["fsync=off", "shared_buffers=16MB", "max_connections=40"].flatMap((s) => ["-c", s]),
          ),
          { stdio: ["ignore", "ignore", "pipe"], ...owner },
        ),
      );
      child = started;
      let log = "";
      started.stderr?.on("data", (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
      });
      await acceptsConnections(url, started, () => log);
    },
    async stop() {
      const running = child;
      child = undefined;
      // SIGINT: "fast" shutdown, which ends the sessions and writes a checkpoint.
      if (running) await stopChild(running, "SIGINT");
    },
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

async function newestBinaries(): Promise<string> {
  const versions = (await readdir(DEBIAN_POSTGRESQL).catch(() => []))
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error(`no PostgreSQL under ${DEBIAN_POSTGRESQL}: install the postgresql package`);
  }
  return join(DEBIAN_POSTGRESQL, versions[0]!, "bin");
}

/** The `postgres` user's ids when this process is root; undefined when it may run the server itself. */
async function serverOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
  return { uid: await id("-u"), gid: await id("-g") };
}

/** Resolves once a client can connect; fails at once if the server exits, with its log. */
async function acceptsConnections(
  url: string,
  server: ChildProcess,
  log: () => string,
): Promise<void> {
  for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`postgres exited (${server.exitCode ?? server.signalCode}): ${log()}`);
    }
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 100)));
    }
  }
  throw new Error(`postgres did not accept connections on ${url}: ${log()}`);
}
