import { sleep, type Clock } from "../clock";
import type { CacheMetrics } from "../observability/cache-metrics";
import type { CacheStore } from "./cache-store";

/** One thing read from the portal, as the cache keys it. */
export interface CacheEntry {
  /** What it is, for metrics: "booking", "bookingClients", "bookingList"… */
  kind: string;
  /** Within the scope: "booking:14", "booking:list:{…}:0". */
  key: string;
  /** What invalidates it: "booking:14", "booking:list", "booking:all". */
  units: readonly string[];
}

/** The cache as one caller's reads and writes use it. */
export interface ScopedCache {
  /** `load`'s value, from the cache when it holds a current one, else loaded and kept. */
  read<T>(entry: CacheEntry, load: () => Promise<T>): Promise<T>;
  /** Every entry under these units is stale from now on, on every replica. */
  invalidate(units: readonly string[]): Promise<void>;
}

/**
 * The shape of cached values: raised whenever a wire type the services cache changes, so that a new
 * version never reads entries an older one wrote.
 */
export const CACHE_FORMAT_VERSION = 1;

/** Bumped when Redis comes back: what was cached before the outage may have missed changes. */
const EPOCH_UNIT = "epoch";

/** How long a replica waits for another one loading the same entry before it loads it itself. */
const WAIT_FOR_OTHER_MS = 25;
const WAIT_FOR_OTHER_TIMES = 20;

/**
 * A read-through cache of what the services read from the portal. An entry is stored with the
 * generations of its units at the time its read started; a write or an event moves those
 * generations on, so an entry read before a change can never be served after it, even when its read
 * finishes after the invalidation. Concurrent misses on one key are folded: in a replica by sharing
 * the load, across replicas by letting one claim it while the others wait briefly for its value.
 */
export class ReadCache {
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      /** Undefined: CACHE=off, every read goes upstream. */
      store: CacheStore | undefined;
      ttlSeconds: number;
      /** `{REDIS_KEY_PREFIX}cache:v{schema}:{portal}:`: never a secret. */
      base: string;
      clock: Clock;
      metrics: CacheMetrics | undefined;
    },
  ) {}

  get enabled(): boolean {
    return this.options.store !== undefined;
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  /** The cache as seen by callers of one scope ("shared", or one OAuth user's). */
  scope(scope: string): ScopedCache {
    return {
      read: (entry, load) => this.read(scope, entry, load),
      invalidate: (units) => this.invalidate(units),
    };
  }

  async invalidate(units: readonly string[]): Promise<void> {
    const { store, metrics } = this.options;
    if (!store) return;
    // Loads already on their way must not answer reads that come after this.
    this.inflight.clear();
    await store.bump(units.map((unit) => this.genKey(unit)));
    for (const unit of units) metrics?.recordInvalidation(unit.split(":")[0]!);
  }

  /** Everything cached so far is stale: called when Redis comes back after being away. */
  async invalidateAll(): Promise<void> {
    await this.invalidate([EPOCH_UNIT]);
  }

  private read<T>(scope: string, entry: CacheEntry, load: () => Promise<T>): Promise<T> {
    const { store } = this.options;
    if (!store) return load();
    const key = `${this.options.base}${scope}:${entry.key}`;
    const shared = this.inflight.get(key) as Promise<T> | undefined;
    if (shared) {
      this.options.metrics?.recordRead(entry.kind, "hit");
      return shared;
    }
    const read = this.readThrough(store, key, entry, load);
    this.inflight.set(key, read);
    const forget = () => {
      if (this.inflight.get(key) === read) this.inflight.delete(key);
    };
    read.then(forget, forget);
    return read;
  }

  private async readThrough<T>(
    store: CacheStore,
    key: string,
    entry: CacheEntry,
    load: () => Promise<T>,
  ): Promise<T> {
    const { metrics } = this.options;
    const genKeys = [...entry.units, EPOCH_UNIT].map((unit) => this.genKey(unit));
    const stored = await store.read(key, genKeys);
    if (!stored) {
      metrics?.recordRead(entry.kind, "bypass");
      return load();
    }
    const hit = current<T>(stored.entry, stored.gens);
    if (hit) {
      metrics?.recordRead(entry.kind, "hit");
      return hit.value;
    }
    const claim = `${key}:loading`;
    const claimed = await store.claim(claim, 3000);
    if (!claimed) {
      const theirs = await this.waitForOther<T>(store, key, genKeys);
      if (theirs) {
        metrics?.recordRead(entry.kind, "hit");
        return theirs.value;
      }
    }
    metrics?.recordRead(entry.kind, "miss");
    try {
      const value = await load();
      // Tagged with the generations read before the load: if anything changed meanwhile, this
      // entry is already stale and will never be served.
      await store.write(key, JSON.stringify({ g: stored.gens, v: value }), this.options.ttlSeconds);
      return value;
    } finally {
      // Only our own claim: after waiting in vain, the claim is still the other replica's.
      if (claimed) await store.release(claim);
    }
  }

  private async waitForOther<T>(
    store: CacheStore,
    key: string,
    genKeys: string[],
  ): Promise<{ value: T } | undefined> {
    for (let attempt = 0; attempt < WAIT_FOR_OTHER_TIMES; attempt += 1) {
      await sleep(this.options.clock, WAIT_FOR_OTHER_MS);
      const stored = await store.read(key, genKeys);
      const found = stored && current<T>(stored.entry, stored.gens);
      if (found) return found;
    }
    return undefined;
  }

  private genKey(unit: string): string {
    return `${this.options.base}gen:${unit}`;
  }
}

/** The stored value, if it was read under exactly the current generations. */
function current<T>(entry: string | undefined, gens: number[]): { value: T } | undefined {
  if (entry === undefined) return undefined;
  try {
    const parsed = JSON.parse(entry) as { g: number[]; v: T };
    const same = parsed.g.length === gens.length && parsed.g.every((gen, i) => gen === gens[i]);
    return same ? { value: parsed.v } : undefined;
  } catch {
    return undefined;
  }
}
