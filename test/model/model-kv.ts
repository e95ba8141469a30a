import type { Scheduler } from "fast-check";
import type { CacheKv, TaggedRead } from "../../src/cache/cache-kv";

/**
 * Redis as the model sees it: keys and values, and a run id that changes when it restarts (empty, or
 * from an older snapshot).
 * Expiry is not modelled: the model's time never reaches a TTL.
 */
export class ModelRedis {
  readonly data = new Map<string, string>();
  private restarts = 0;
  runId = "run-0";

  /** What the data was at each past snapshot, oldest first. */
  private readonly history: Map<string, string>[] = [];

  restartEmpty(): void {
    this.restartWith(new Map());
  }

  /** Persistence (or replication): what a restart, or a replica taking over, may come back with. */
  snapshot(): void {
    this.history.push(new Map(this.data));
  }

  /**
   * Restarts from the snapshot taken `back` snapshots ago: every write since is lost, as with an RDB
   * file or an asynchronous replica that takes over.
   */
  restartFromSnapshot(back: number): void {
    const index = Math.max(0, this.history.length - back);
    this.restartWith(this.history[index] ?? new Map());
  }

  private restartWith(data: ReadonlyMap<string, string>): void {
    this.data.clear();
    for (const [key, value] of data) this.data.set(key, value);
    this.restarts += 1;
    this.runId = `run-${this.restarts}`;
  }
}

/**
 * One replica's connection to the model Redis, implementing the shared read cache's commands. Every
 * command is two steps of the fast-check scheduler: it is applied at the first (unless the connection
 * dropped since it was sent) and answered at the second (unless it dropped meanwhile: applied, and
 * yet failed, as a timed-out command is). So the scheduler interleaves every command of every replica
 * with the portal's answers, the events and the faults.
 */
export class ModelKv implements CacheKv {
  private connected = true;
  /** A command failed: down until the "probe" (a scheduled step) finds the server again. */
  private failed = false;
  private connection = 0;
  private readonly listeners: (() => void)[] = [];
  /** The next command times out: before Redis applied it, or after (its answer lost). */
  failNext: "before" | "after" | undefined;

  constructor(
    private readonly redis: ModelRedis,
    private readonly scheduler: Scheduler,
    private readonly name: string,
  ) {}

  get ready(): boolean {
    return this.connected && !this.failed;
  }

  onReady(listener: () => void): void {
    this.listeners.push(listener);
  }

  reportFailure(): void {
    if (this.failed) return;
    this.failed = true;
    const connection = this.connection;
    void this.scheduler.schedule(Promise.resolve(), `${this.name} probe`).then(() => {
      if (this.connection !== connection || !this.connected) return;
      this.failed = false;
      this.announceReady();
    });
  }

  /** The replica loses Redis: commands on their way fail, new ones are refused. */
  disconnect(): void {
    this.connected = false;
    this.connection += 1;
  }

  /** Redis is back for this replica: a new connection, announced as ready. */
  reconnect(): void {
    this.connected = true;
    this.failed = false;
    this.connection += 1;
    this.announceReady();
  }

  readTagged(
    keys: { entry: string; epoch: string; gens: readonly string[] },
    fresh: string,
  ): Promise<TaggedRead> {
    return this.command("readTagged", () => {
      const { data, runId } = this.redis;
      if (!data.get(keys.epoch)?.startsWith(`${runId}:`)) data.set(keys.epoch, `${runId}:${fresh}`);
      const gens = keys.gens.map((key) => {
        if (!data.has(key)) data.set(key, fresh);
        return data.get(key)!;
      });
      return { entry: data.get(keys.entry), epoch: data.get(keys.epoch)!, gens };
    });
  }

  setGens(keys: readonly string[], value: string): Promise<void> {
    return this.command("setGens", () => {
      for (const key of keys) this.redis.data.set(key, value);
    });
  }

  renewEpoch(key: string, fresh: string): Promise<void> {
    return this.command("renewEpoch", () => {
      this.redis.data.set(key, `${this.redis.runId}:${fresh}`);
    });
  }

  setEntry(key: string, value: string): Promise<void> {
    return this.command("setEntry", () => void this.redis.data.set(key, value));
  }

  claim(key: string): Promise<boolean> {
    return this.command("claim", () => {
      if (this.redis.data.has(key)) return false;
      this.redis.data.set(key, "1");
      return true;
    });
  }

  release(key: string): Promise<void> {
    return this.command("release", () => void this.redis.data.delete(key));
  }

  private announceReady(): void {
    for (const listener of this.listeners) listener();
  }

  private async command<T>(label: string, apply: () => T): Promise<T> {
    if (!this.ready) throw new Error(`${this.name}: Redis is not ready`);
    const connection = this.connection;
    await this.scheduler.schedule(Promise.resolve(), `${this.name} ${label}`);
    if (this.connection !== connection) throw new Error(`${this.name}: connection lost`);
    const fault = this.failNext;
    this.failNext = undefined;
    if (fault === "before") throw new Error(`${this.name}: ${label} timed out`);
    const result = apply();
    await this.scheduler.schedule(Promise.resolve(), `${this.name} ${label} answered`);
    if (this.connection !== connection) throw new Error(`${this.name}: answer lost`);
    if (fault === "after") throw new Error(`${this.name}: ${label} timed out after it was applied`);
    return result;
  }
}
