import { createRedisClient, type RedisClient } from "./redis-client";
import { parseRedisUrl, type RedisTarget } from "./redis-url";

/** "connecting" until the first answer; "down" while Redis cannot be used; "ready" otherwise. */
export type RedisState = "connecting" | "ready" | "down";

export interface RedisConnectionOptions {
  /** A command that takes longer fails, and the connection counts as down. Default 1000. */
  commandTimeoutMs?: number;
  /** While down, how often Redis is asked whether it is back. Default 1000. */
  probeIntervalMs?: number;
  /**
   * While down, Redis counts as back once the server holding this key answers (default: once a
   * server answers PING). On a Cluster a PING reaches any node, which may answer while the node
   * holding the portal's keys is dead.
   */
  probeKey?: string;
  /** The connection holds subscriptions (see RedisClientOptions.subscriber). Default false. */
  subscriber?: boolean;
}

/**
 * Attempts that must fail in a row before a starting connection counts as down. One failed attempt
 * is not enough: a pause of the event loop longer than the connect timeout (a loaded node as the
 * replica starts) fails it while Redis is fine, and the next attempt, a fraction of a second later,
 * succeeds. Counting it down would start the replica on its local share and degraded for nothing.
 */
const FAILED_ATTEMPTS_AT_START = 2;

/**
 * The one connection to Redis for what replicas share, on any topology REDIS_URL names (one server,
 * Sentinel, Cluster). Redis is a dependency that may fail, so: commands fail at once while it is
 * away instead of piling up in a queue; the connection retries in the background for ever; a command
 * that fails or hangs marks it down until a probe answers again; and each change of state is
 * reported once, not once per reconnect attempt. A failover is one more way of being away: down
 * while the old master is gone, ready once the new one answers. Nothing here throws into the
 * process: every error event is taken.
 */
export class RedisConnection {
  readonly client: RedisClient;
  readonly topology: RedisTarget["topology"];
  private current: RedisState = "connecting";
  private readonly listeners = new Set<(state: RedisState) => void>();
  private probe: NodeJS.Timeout | undefined;
  private closing = false;
  /** Attempts that failed before Redis first answered. */
  private failedAtStart = 0;

  constructor(
    url: string,
    private readonly options: RedisConnectionOptions = {},
  ) {
    const target = parseRedisUrl(url);
    this.topology = target.topology;
    this.client = createRedisClient(target, {
      commandTimeoutMs: options.commandTimeoutMs ?? 1000,
      subscriber: options.subscriber ?? false,
    });
    this.client.on("ready", () => this.enter("ready"));
    // Taking "error" keeps ioredis from reporting it as unhandled; the state says what matters.
    this.client.on("error", () => this.enter("down"));
    this.client.on("close", () => this.enter("down"));
    // Emitted once per failed attempt, as the next one is scheduled.
    this.client.on("reconnecting", () => {
      if (this.current !== "connecting") return;
      this.failedAtStart += 1;
      this.enter("down");
    });
  }

  get state(): RedisState {
    return this.current;
  }

  /**
   * Resolves once Redis has answered, or once FAILED_ATTEMPTS_AT_START attempts in a row have
   * failed: until then the state stays "connecting", which every user already treats as away.
   */
  settled(): Promise<RedisState> {
    if (this.current !== "connecting") return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const stop = this.onChange((state) => {
        stop();
        resolve(state);
      });
    });
  }

  /** Calls `listener` on every change of state; returns a function that stops it. */
  onChange(listener: (state: RedisState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A command failed or timed out: Redis counts as down until the probe answers. */
  reportFailure(): void {
    this.enter("down");
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopProbing();
    this.listeners.clear();
    if (this.client.status === "ready") {
      try {
        await this.client.quit();
        return;
      } catch {
        // The connection broke meanwhile: fall through and drop it.
      }
    }
    // Stops the reconnect attempts as well.
    this.client.disconnect(false);
  }

  private enter(state: RedisState): void {
    if (this.closing || state === this.current) return;
    const stillStarting =
      this.current === "connecting" && this.failedAtStart < FAILED_ATTEMPTS_AT_START;
    if (state === "down" && stillStarting) return;
    this.current = state;
    if (state === "down") this.startProbing();
    else this.stopProbing();
    for (const listener of this.listeners) listener(state);
  }

  /**
   * While down, ask Redis now and then whether it answers: a connection that stayed open but stopped
   * answering (a paused server, say) never emits "ready" again by itself, and neither does a Cluster
   * after one of its masters was failed over.
   */
  private startProbing(): void {
    const { probeKey } = this.options;
    this.probe ??= setInterval(() => {
      if (this.client.status !== "ready") return;
      const answer = probeKey === undefined ? this.client.ping() : this.client.exists(probeKey);
      answer.then(
        () => this.enter("ready"),
        () => undefined,
      );
    }, this.options.probeIntervalMs ?? 1000);
    this.probe.unref();
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }
}
