import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { within } from "./bounded-wait";
import { ended, stopChild, stoppedAfterAll } from "./child-processes";
import { askNode, infoField } from "./redis-node";
import { redisArgs, spawnRedisOnFreePorts } from "./redis-server";

/**
 * A Redis Cluster of the test's own: three masters, each with one replica, on ports of their own.
 * The node timeout is short, so that a master that dies is failed over within seconds.
 */
export interface RedisCluster {
  /** `redis-cluster://` with the three masters as seed nodes. */
  readonly url: string;
  /** The port of the master serving `key` now. */
  masterOf(key: string): Promise<number>;
  /** The port of the replica of the master on `port`. */
  replicaOf(port: number): Promise<number>;
  /** Kills the node on `port` (SIGKILL: no goodbye to its clients or the cluster). */
  kill(port: number): Promise<void>;
  /** Resolves once `replica` serves the slots of the dead master and every live node says so. */
  failedOver(replica: number, limitMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** How long a node may be unreachable before its replica takes over; Redis's default is 15 s. */
export const CLUSTER_NODE_TIMEOUT_MS = 1000;

type SlotRange = [number, number, ...Array<[string, number, string]>];

export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), "b24gw-cluster-"));
  const nodes = new Map<number, ChildProcess>();
  try {
    for (let i = 0; i < 6; i += 1) {
      const { child, ports } = await spawnRedisOnFreePorts(
        2,
        ([port, busPort]) => [
          ...redisArgs(port!),
          ...["--dir", dir, "--cluster-enabled", "yes"],
          ...["--cluster-config-file", `nodes-${port}.conf`, "--cluster-port", String(busPort)],
          ...["--cluster-node-timeout", String(CLUSTER_NODE_TIMEOUT_MS)],
        ],
        "Ready to accept connections",
      );
      nodes.set(ports[0]!, child);
    }
    const ports = [...nodes.keys()];
    await createCluster(ports);
    await within(20_000, "the cluster is formed", async () => {
      for (const port of ports) {
        if ((await infoField(port, "replication", "role")) === "slave") {
          if ((await infoField(port, "replication", "master_link_status")) !== "up") return false;
        }
        if (!(await clusterStateOk(port))) return false;
        // Each node knows every other one, and which master each replica follows.
        const known = await clusterNodes(port);
        if (known.filter((node) => node.master !== undefined).length !== 3) return false;
      }
      return true;
    });
  } catch (error) {
    await Promise.all([...nodes.values()].map((node) => stopChild(node)));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const live = () => [...nodes].filter(([, node]) => !ended(node)).map(([port]) => port);
  const slots = async (port: number) => (await askNode(port, "CLUSTER", "SLOTS")) as SlotRange[];
  const ports = [...nodes.keys()];

  return {
    url: `redis-cluster://${ports
      .slice(0, 3)
      .map((port) => `127.0.0.1:${port}`)
      .join(",")}`,
    async masterOf(key) {
      const port = live()[0]!;
      const slot = Number(await askNode(port, "CLUSTER", "KEYSLOT", key));
      const range = (await slots(port)).find(([first, last]) => first <= slot && slot <= last);
      if (!range) throw new Error(`no node serves slot ${slot}`);
      return range[2]![1];
    },
    async replicaOf(master) {
      const known = await clusterNodes(master);
      const id = known.find((node) => node.port === master)?.id;
      const replica = known.find((node) => id !== undefined && node.master === id);
      if (!replica) throw new Error(`the master on ${master} has no replica`);
      return replica.port;
    },
    async kill(port) {
      await stopChild(nodes.get(port)!);
    },
    async failedOver(replica, limitMs) {
      await within(limitMs, `the replica on ${replica} took over`, async () => {
        if ((await infoField(replica, "replication", "role")) !== "master") return false;
        for (const port of live()) {
          if (!(await clusterStateOk(port))) return false;
          const served = (await slots(port)).some(([, , master]) => master![1] === replica);
          if (!served) return false;
        }
        return true;
      });
    },
    async stop() {
      await Promise.all([...nodes.values()].map((node) => stopChild(node)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** CLUSTER NODES as the node on `port` sees the cluster; `master` is set for a replica. */
async function clusterNodes(
  port: number,
): Promise<Array<{ id: string; port: number; master: string | undefined }>> {
  const lines = String(await askNode(port, "CLUSTER", "NODES"))
    .trim()
    .split("\n");
  return lines.map((line) => {
    const [id, address, flags, master] = line.split(" ");
    return {
      id: id!,
      port: Number(/:(\d+)@/.exec(address!)?.[1]),
      master: flags!.includes("slave") ? master : undefined,
    };
  });
}

async function clusterStateOk(port: number): Promise<boolean> {
  return /^cluster_state:ok/m.test(String(await askNode(port, "CLUSTER", "INFO")));
}

/** `redis-cli --cluster create`: the first three nodes become masters, the others their replicas. */
async function createCluster(ports: number[]): Promise<void> {
  const cli = stoppedAfterAll(
    spawn(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...ports.map((port) => `127.0.0.1:${port}`),
        ...["--cluster-replicas", "1", "--cluster-yes"],
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    ),
  );
  let output = "";
  cli.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => cli.once("exit", resolve));
  if (code !== 0) throw new Error(`redis-cli --cluster create failed (${code}): ${output}`);
}
