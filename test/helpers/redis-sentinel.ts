import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { within } from "./bounded-wait";
import { stopChild } from "./child-processes";
import { askNode, infoField } from "./redis-node";
import { redisArgs, spawnRedisOnFreePorts } from "./redis-server";

/**
 * One Redis master with one replica, watched by three sentinels (quorum two), all on ports of the
 * test's own. The sentinels judge a master down after a short silence, so that a failover takes
 * seconds.
 */
export interface RedisSentinels {
  /** `redis-sentinel://` with the three sentinels and the master's name. */
  readonly url: string;
  readonly masterPort: number;
  readonly replicaPort: number;
  /** Kills the master (SIGKILL: no goodbye to its clients, its replica or the sentinels). */
  killMaster(): Promise<void>;
  /** Resolves once the replica is master and every sentinel names it. */
  failedOver(limitMs: number): Promise<void>;
  stop(): Promise<void>;
}

export const MASTER_NAME = "mymaster";

/** How long the master may be silent before a sentinel judges it down; Redis's default is 30 s. */
export const SENTINEL_DOWN_AFTER_MS = 1000;

export async function startRedisSentinels(): Promise<RedisSentinels> {
  const dir = await mkdtemp(join(tmpdir(), "b24gw-sentinel-"));
  const children: ChildProcess[] = [];
  const sentinelPorts: number[] = [];
  let masterPort = 0;
  let replicaPort = 0;
  try {
    // In the temporary directory: a replica writes the master's data to disk while it syncs.
    const inDir = ["--dir", dir];
    const master = await spawnRedisOnFreePorts(
      1,
      ([port]) => [...redisArgs(port!), ...inDir],
      "Ready to accept connections",
    );
    children.push(master.child);
    masterPort = master.ports[0]!;
    const replica = await spawnRedisOnFreePorts(
      1,
      ([port]) => [...redisArgs(port!), ...inDir, "--replicaof", "127.0.0.1", String(masterPort)],
      "Ready to accept connections",
    );
    children.push(replica.child);
    replicaPort = replica.ports[0]!;
    await within(10_000, "the replica is in sync", async () => {
      return (await infoField(replicaPort, "replication", "master_link_status")) === "up";
    });
    for (let i = 0; i < 3; i += 1) {
      const sentinel = await spawnRedisOnFreePorts(
        1,
        async ([port]) => {
          const file = join(dir, `sentinel-${port}.conf`);
          // The sentinel rewrites its file with what it learns (replicas, other sentinels, failovers).
          await writeFile(
            file,
            [
              `port ${port}`,
              "bind 127.0.0.1",
              `dir ${dir}`,
              `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${masterPort} 2`,
              `sentinel down-after-milliseconds ${MASTER_NAME} ${SENTINEL_DOWN_AFTER_MS}`,
              `sentinel failover-timeout ${MASTER_NAME} 10000`,
              "",
            ].join("\n"),
          );
          return [file, "--sentinel"];
        },
        "+monitor",
      );
      children.push(sentinel.child);
      sentinelPorts.push(sentinel.ports[0]!);
    }
    // A failover needs the sentinels to know the replica and each other (hello messages, every 2 s).
    await within(15_000, "the sentinels know the replica and each other", async () => {
      for (const port of sentinelPorts) {
        const replicas = (await askNode(port, "SENTINEL", "REPLICAS", MASTER_NAME)) as unknown[];
        const others = (await askNode(port, "SENTINEL", "SENTINELS", MASTER_NAME)) as unknown[];
        if (replicas.length !== 1 || others.length !== 2) return false;
      }
      return true;
    });
  } catch (error) {
    await Promise.all(children.map((child) => stopChild(child)));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const [master] = children;
  return {
    url: `redis-sentinel://${sentinelPorts.map((port) => `127.0.0.1:${port}`).join(",")}/${MASTER_NAME}`,
    masterPort,
    replicaPort,
    killMaster: () => stopChild(master!),
    async failedOver(limitMs) {
      await within(limitMs, "the sentinels promoted the replica", async () => {
        if ((await infoField(replicaPort, "replication", "role")) !== "master") return false;
        for (const port of sentinelPorts) {
          const [, named] = (await askNode(
            port,
            "SENTINEL",
            "GET-MASTER-ADDR-BY-NAME",
            MASTER_NAME,
          )) as [string, string];
          if (Number(named) !== replicaPort) return false;
        }
        return true;
      });
    },
    async stop() {
      await Promise.all(children.map((child) => stopChild(child)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
