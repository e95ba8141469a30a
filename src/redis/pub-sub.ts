import type { RedisConnection } from "./redis-connection";

/*
 * Pub/sub on the topology REDIS_URL names. On a Cluster it is sharded (SPUBLISH and SSUBSCRIBE,
 * Redis 7): a message goes to the shard that owns the channel's slot, where a classic PUBLISH is
 * relayed over the cluster bus to every node; the channel carries the portal's hash tag, so it lives
 * on the shard that holds the portal's keys. One server and Sentinel use classic pub/sub, which every
 * Redis version has. Either way a message reaches those listening when it is sent, or nobody.
 */

/** Sends `message` to whoever listens to `channel` now; rejects when Redis cannot be reached. */
export function publish(
  connection: RedisConnection,
  channel: string,
  message: string,
): Promise<unknown> {
  return connection.topology === "cluster"
    ? connection.client.spublish(channel, message)
    : connection.client.publish(channel, message);
}

/**
 * Hands every message on `channel` to `onMessage` for as long as the connection (one held for
 * subscriptions) lives, through outages. A new connection to a server listens to nothing, so each
 * one subscribes again; a Cluster client, once subscribed, subscribes again by itself on the node
 * that serves the channel after a failover. A failed attempt marks the connection down, and is made
 * again when it is ready. Resolves once the first attempt has ended, either way; never rejects.
 */
export function listen(
  connection: RedisConnection,
  channel: string,
  onMessage: (message: string) => void,
): Promise<void> {
  const sharded = connection.topology === "cluster";
  const { client } = connection;
  client.on(sharded ? "smessage" : "message", (from: string, message: string) => {
    if (from !== channel) return;
    try {
      onMessage(message);
    } catch {
      // Thrown inside the client's event: whatever arrives on the channel never ends the process.
    }
  });
  let subscribed = false;
  const subscribe = (): Promise<void> => {
    if (sharded && subscribed) return Promise.resolve();
    return (sharded ? client.ssubscribe(channel) : client.subscribe(channel)).then(
      () => void (subscribed = true),
      () => connection.reportFailure(),
    );
  };
  connection.onChange((state) => {
    if (state === "ready") void subscribe();
  });
  return connection.settled().then((state) => (state === "ready" ? subscribe() : undefined));
}
