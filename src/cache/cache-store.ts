/** What the read cache keeps its entries and generations in: Redis, or this process's memory. */
export interface CacheStore {
  /**
   * The entry under `entryKey` and the tag of its units now (the store's epoch and the generation of
   * each key), in one round trip; undefined when the store cannot answer now, or may not: the cache
   * is then bypassed. A generation that does not exist yet is created by this read.
   */
  read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead | undefined>;
  write(entryKey: string, value: string, ttlSeconds: number): Promise<void>;
  /**
   * Gives each generation a value it never had: every entry tagged with an older one is stale from
   * now on. Never lost: what cannot be written now is kept and written before the store is read again.
   * Resolves true when written, false when only kept for later.
   */
  bump(genKeys: readonly string[]): Promise<boolean>;
  /** Claims the right to load `key` for `ms`; false while another replica holds it. */
  claim(key: string, ms: number): Promise<boolean>;
  /** Gives up a claim once the load is done (or failed), so the next miss need not wait for it. */
  release(key: string): Promise<void>;
  /** Resolves once invalidations kept during an outage, if any, have been written (or failed again). */
  settled?(): Promise<void>;
}

export interface StoredRead {
  entry: string | undefined;
  /**
   * The epoch and generations the entry's units have now, as one string: an entry is current only
   * when it was tagged with exactly this. Values never repeat, so equal tags mean no change between.
   */
  tag: string;
}
