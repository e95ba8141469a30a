import Redis from "ioredis";

/**
 * Sends one command to the Redis server or sentinel on `port`, on a connection of its own that is
 * closed after the answer: a test asking a node of a topology what it is now (its role, the
 * cluster's state) must not hold a connection that would follow it through a failover.
 */
export async function askNode(port: number, command: string, ...args: string[]): Promise<unknown> {
  const node = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 1000,
  });
  node.on("error", () => undefined);
  try {
    await node.connect();
    return await node.call(command, ...args);
  } finally {
    node.disconnect();
  }
}

/** One field of an INFO section (`role`, `master_link_status`…) of the server on `port`. */
export async function infoField(port: number, section: string, field: string): Promise<string> {
  const info = String(await askNode(port, "INFO", section));
  return new RegExp(`^${field}:(.*)$`, "m").exec(info)?.[1]?.trim() ?? "";
}
