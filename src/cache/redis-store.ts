import type { RedisConnection } from "../redis/redis-connection";
import type { CacheStore, StoredRead } from "./cache-store";

/**
 * The read cache in Redis, shared by the replicas. Redis may go away: while it does not answer,
 * reads report "unavailable" and the cache is bypassed (reads go upstream), writes and bumps are
 * dropped, and nothing throws.
 */
export class RedisCacheStore implements CacheStore {
  constructor(
    private readonly connection: RedisConnection,
    /** Generations outlive every entry that could carry them. */
    private readonly genTtlSeconds: number,
  ) {}

  async read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead | undefined> {
    if (this.connection.state !== "ready") return undefined;
    try {
      const [entry, ...gens] = await this.connection.client.mget(entryKey, ...genKeys);
      return { entry: entry ?? undefined, gens: gens.map((gen) => Number(gen ?? 0)) };
    } catch {
      this.connection.reportFailure();
      return undefined;
    }
  }

  async write(entryKey: string, value: string, ttlSeconds: number): Promise<void> {
    if (this.connection.state !== "ready") return;
    try {
      await this.connection.client.set(entryKey, value, "EX", ttlSeconds);
    } catch {
      this.connection.reportFailure();
    }
  }

  async bump(genKeys: readonly string[]): Promise<void> {
    if (this.connection.state !== "ready") return;
    const batch = this.connection.client.multi();
    for (const key of genKeys) batch.incr(key).expire(key, this.genTtlSeconds);
    try {
      await batch.exec();
    } catch {
      this.connection.reportFailure();
    }
  }

  async release(key: string): Promise<void> {
    if (this.connection.state !== "ready") return;
    try {
      await this.connection.client.del(key);
    } catch {
      this.connection.reportFailure();
    }
  }

  async claim(key: string, ms: number): Promise<boolean> {
    if (this.connection.state !== "ready") return true;
    try {
      return (await this.connection.client.set(key, "1", "PX", ms, "NX")) === "OK";
    } catch {
      this.connection.reportFailure();
      return true;
    }
  }
}
