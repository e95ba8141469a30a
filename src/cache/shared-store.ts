import type { CacheKv } from "./cache-kv";
import type { CacheStore, StoredRead } from "./cache-store";
import { freshGeneration } from "./fresh-generation";
import { InvalidationBacklog } from "./invalidation-backlog";

export interface SharedCacheStoreOptions {
  /** Where the epoch lives: `{base}epoch`. */
  epochKey: string;
  /** Generations outlive every entry that could carry them. */
  genTtlSeconds: number;
  /** Most generations kept while the store cannot be written; past it the epoch is renewed. */
  maxBacklog: number;
}

/**
 * The read cache in a store shared by the replicas (Redis), which may go away at any time.
 *
 * - **Tags never repeat.** A generation is given a fresh random value on every bump, and every
 *   entry's tag also holds the store's epoch, which carries the id of the server it was made on and
 *   is renewed by the first read that reaches another server (it restarted, or a replica took over:
 *   a Sentinel or Cluster failover, noticed by the client or not). An emptied, restored or
 *   failed-over store cannot make an old entry current again.
 * - **No invalidation is lost.** A bump that cannot be written is kept in a bounded backlog; the
 *   store is not read again (reads bypass the cache, so this replica never serves what it knows is
 *   stale) until the backlog is written after reconnecting. Other replicas keep their entries, so a
 *   reconnect costs no miss storm; only an overflowing backlog renews the epoch.
 */
export class SharedCacheStore implements CacheStore {
  private readonly backlog: InvalidationBacklog;
  /**
   * The backlog is written (and the epoch renewed, had it overflowed) since the connection last
   * became ready.
   */
  private synced = false;
  private syncing: Promise<void> | undefined;

  constructor(
    private readonly kv: CacheKv,
    private readonly options: SharedCacheStoreOptions,
  ) {
    this.backlog = new InvalidationBacklog(options.maxBacklog);
    kv.onReady(() => void this.sync());
    if (kv.ready) void this.sync();
  }

  /** Whether reads may use the store now. */
  get usable(): boolean {
    return this.kv.ready && this.synced;
  }

  /** Resolves once a sync under way, if any, has ended (tests and shutdown). */
  settled(): Promise<void> {
    return this.syncing ?? Promise.resolve();
  }

  async read(entryKey: string, genKeys: readonly string[]): Promise<StoredRead | undefined> {
    if (!this.usable) return undefined;
    try {
      const read = await this.kv.readTagged(
        { entry: entryKey, epoch: this.options.epochKey, gens: genKeys },
        freshGeneration(),
        this.options.genTtlSeconds,
      );
      // A bump failed meanwhile: this replica knows of a change the store does not show yet.
      if (!this.usable) return undefined;
      return { entry: read.entry, tag: [read.epoch, ...read.gens].join("|") };
    } catch {
      this.failed();
      return undefined;
    }
  }

  async write(entryKey: string, value: string, ttlSeconds: number): Promise<void> {
    if (!this.usable) return;
    try {
      await this.kv.setEntry(entryKey, value, ttlSeconds);
    } catch {
      this.failed();
    }
  }

  async bump(genKeys: readonly string[]): Promise<boolean> {
    if (!this.usable) {
      this.backlog.add(genKeys);
      return false;
    }
    try {
      await this.writeGenerations(genKeys);
      return true;
    } catch {
      // It may or may not have been written: written again after reconnecting, either way.
      this.backlog.add(genKeys);
      this.failed();
      return false;
    }
  }

  async claim(key: string, ms: number): Promise<boolean> {
    if (!this.usable) return true;
    try {
      return await this.kv.claim(key, ms);
    } catch {
      this.failed();
      return true;
    }
  }

  async release(key: string): Promise<void> {
    if (!this.usable) return;
    try {
      await this.kv.release(key);
    } catch {
      this.failed();
    }
  }

  private failed(): void {
    this.synced = false;
    this.kv.reportFailure();
  }

  private sync(): Promise<void> {
    this.synced = false;
    this.syncing ??= this.runSync().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  /**
   * After (re)connecting, before the store is read: renew the epoch if the backlog overflowed, then
   * write the backlog. (A server other than the one the epoch was made on is the reads' to notice:
   * each read checks.) A failure leaves the connection down; the next ready runs this again.
   */
  private async runSync(): Promise<void> {
    try {
      if (this.backlog.takeOverflow()) {
        try {
          await this.kv.renewEpoch(this.options.epochKey, freshGeneration());
        } catch (error) {
          this.backlog.markOverflowed();
          throw error;
        }
      }
      // Bumps made while this runs join the backlog; written until none is left.
      while (!this.backlog.empty) {
        if (this.backlog.overflowed) return await this.runSync();
        const keys = this.backlog.take();
        try {
          await this.writeGenerations(keys);
        } catch (error) {
          this.backlog.add(keys);
          throw error;
        }
      }
      this.synced = this.kv.ready;
    } catch {
      this.synced = false;
      this.kv.reportFailure();
    }
  }

  private writeGenerations(keys: readonly string[]): Promise<void> {
    return this.kv.setGens(keys, freshGeneration(), this.options.genTtlSeconds);
  }
}
