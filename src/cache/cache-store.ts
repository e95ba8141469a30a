/** What the read cache keeps its entries and generations in: Redis, or this process's memory. */
export interface CacheStore {
  /**
   * The entry under `entryKey` and the current value of each generation key (0 when unset), in one
   * round trip; undefined when the store cannot answer now (the cache is then bypassed).
   */
  read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead | undefined>;
  write(entryKey: string, value: string, ttlSeconds: number): Promise<void>;
  /** Moves each generation on: every entry recorded under an older one is stale from now on. */
  bump(genKeys: readonly string[]): Promise<void>;
  /** Claims the right to load `key` for `ms`; false while another replica holds it. */
  claim(key: string, ms: number): Promise<boolean>;
  /** Gives up a claim once the load is done (or failed), so the next miss need not wait for it. */
  release(key: string): Promise<void>;
}

export interface StoredRead {
  entry: string | undefined;
  gens: number[];
}
