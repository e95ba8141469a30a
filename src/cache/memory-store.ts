import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import type { CacheStore, StoredRead } from "./cache-store";

/**
 * The read cache in this process's memory, bounded in entries and in generations: for a single
 * replica (with REDIS_URL the cache must be shared; see `cacheStoreConflict`).
 *
 * Generations come from one counter that only grows, so a value never repeats. A generation the LRU
 * forgot is created afresh on its next read: entries tagged with the forgotten one can no longer
 * match, which costs a miss, never a stale answer.
 */
export class MemoryCacheStore implements CacheStore {
  private readonly entries: LRUCache<string, string>;
  private readonly gens: LRUCache<string, string>;
  private lastGeneration = 0;

  constructor(maxEntries: number, clock: Clock) {
    // Counted by maxSize rather than `max`, which would allocate room for every entry up front.
    // Entries expire by the gateway's clock, read at every check (no resolution to cache it for).
    this.entries = new LRUCache({
      maxSize: maxEntries,
      sizeCalculation: () => 1,
      perf: { now: () => clock.now() },
      ttlResolution: 0,
    });
    this.gens = new LRUCache({ maxSize: maxEntries * 4, sizeCalculation: () => 1 });
  }

  read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead> {
    const gens = genKeys.map((key) => this.gens.get(key) ?? this.renew(key));
    return Promise.resolve({ entry: this.entries.get(entryKey), tag: gens.join("|") });
  }

  write(entryKey: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(entryKey, value, { ttl: ttlSeconds * 1000 });
    return Promise.resolve();
  }

  bump(genKeys: readonly string[]): Promise<boolean> {
    for (const key of genKeys) this.renew(key);
    return Promise.resolve(true);
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  claim(): Promise<boolean> {
    // One process: the in-flight loads of the read cache already fold its misses.
    return Promise.resolve(true);
  }

  /** How many generations are held: bounded, whatever the number of records changed. */
  get generationCount(): number {
    return this.gens.size;
  }

  private renew(key: string): string {
    const value = String(++this.lastGeneration);
    this.gens.set(key, value);
    return value;
  }
}
