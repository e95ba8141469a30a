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
  /** Names the running server: another value after it restarted or another one took over. */
  serverId(): Promise<string>;
  /**
   * The entry, the epoch and the generations; an epoch or generation that does not exist is created
   * first, with the fresh value given for it (one for every missing generation of this read: values
   * need only differ from the ones they replace; generations expire after `genTtlSeconds`).
   */
  readTagged(
    keys: { entry: string; epoch: string; gens: readonly string[] },
    fresh: { epoch: string; gen: string },
    genTtlSeconds: number,
  ): Promise<TaggedRead>;
  /** Gives every key of `keys` the value `value` (one never held before), expiring after `ttlSeconds`. */
  setGens(keys: readonly string[], value: string, ttlSeconds: number): Promise<void>;
  /**
   * Sets the epoch to `fresh` unless it was made for `serverId` (its value starts with it), or always
   * when `force`: what was cached before a restart of the server, or before a lost backlog, is stale.
   */
  renewEpoch(key: string, serverId: string, fresh: string, force: boolean): Promise<void>;
  setEntry(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets `key` for `ms` unless it exists; whether it was set. */
  claim(key: string, ms: number): Promise<boolean>;
  release(key: string): Promise<void>;
}
