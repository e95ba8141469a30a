/** What is in the shared store for one read: the entry (if any), the epoch and each generation. */
export interface TaggedRead {
  entry: string | undefined;
  epoch: string;
  gens: string[];
}

/**
 * The commands the shared read cache needs from its server, each one round trip and atomic. Redis
 * implements them (`RedisCacheKv`); the model-based tests implement them in memory, with faults.
 * Any command may throw: the server went away, or did not answer in time.
 */
export interface CacheKv {
  /** Whether commands may be sent now. */
  readonly ready: boolean;
  /** Calls `listener` each time the connection becomes ready again (after being down). */
  onReady(listener: () => void): void;
  /** A command failed: the connection counts as down until the server answers again. */
  reportFailure(): void;
  /**
   * The entry, the epoch and the generations, in one atomic step that first makes sure the epoch is
   * one made on the server answering: an epoch made on another server (this one restarted, or took
   * over from a master that failed) or none at all is replaced by `<server id>:<fresh>`, so that
   * nothing cached before the restart or the failover, whose writes may be lost, matches again. A
   * generation that does not exist is created with `fresh` (one value for every missing generation
   * of this read: values need only differ from the ones they replace), expiring after
   * `genTtlSeconds`.
   */
  readTagged(
    keys: { entry: string; epoch: string; gens: readonly string[] },
    fresh: string,
    genTtlSeconds: number,
  ): Promise<TaggedRead>;
  /** Gives every key of `keys` the value `value` (one never held before), expiring after `ttlSeconds`. */
  setGens(keys: readonly string[], value: string, ttlSeconds: number): Promise<void>;
  /**
   * Replaces the epoch, whoever made it, by `<server id>:<fresh>`: what was cached before a lost
   * backlog of invalidations is stale.
   */
  renewEpoch(key: string, fresh: string): Promise<void>;
  setEntry(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets `key` for `ms` unless it exists; whether it was set. */
  claim(key: string, ms: number): Promise<boolean>;
  release(key: string): Promise<void>;
}
