import { LRUCache } from "lru-cache";
import type { CacheStore, StoredRead } from "./cache-store";

/** The read cache in this process's memory, bounded in entries: for a single replica. */
export class MemoryCacheStore implements CacheStore {
  private readonly entries: LRUCache<string, string>;
  private readonly gens = new Map<string, number>();

  constructor(maxEntries: number) {
    // Counted by maxSize rather than `max`, which would allocate room for every entry up front.
    this.entries = new LRUCache({
      maxSize: maxEntries,
      sizeCalculation: () => 1,
      ttlAutopurge: false,
    });
  }

  read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead> {
    return Promise.resolve({
      entry: this.entries.get(entryKey),
      gens: genKeys.map((key) => this.gens.get(key) ?? 0),
    });
  }

  write(entryKey: string, value: string, ttlSeconds: number): Promise<void> {
    this.entries.set(entryKey, value, { ttl: ttlSeconds * 1000 });
    return Promise.resolve();
  }

  bump(genKeys: readonly string[]): Promise<void> {
    for (const key of genKeys) this.gens.set(key, (this.gens.get(key) ?? 0) + 1);
    return Promise.resolve();
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  claim(): Promise<boolean> {
    // One process: the in-flight map of the read cache already folds its misses.
    return Promise.resolve(true);
  }
}
