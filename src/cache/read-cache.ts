import { createHash } from "node:crypto";
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
  invalidate(units: readonly string[]): Promise<boolean>;
}

/** Told of every value a scope served: how many seconds of its life in the cache are left. */
export type ServedListener = (secondsLeft: number) => void;

/**
 * The shape of cached values: raised whenever a wire type the services cache changes, so that a new
 * version never reads entries an older one wrote.
 */
export const CACHE_FORMAT_VERSION = 2;

/** How long a replica waits for another one loading the same entry before it loads it itself. */
const WAIT_FOR_OTHER_MS = 25;
const WAIT_FOR_OTHER_TIMES = 20;

/** A load on its way, and the tag its units had when it began. */
interface InflightLoad {
  tag: string;
  value: Promise<unknown>;
}

/** An entry as stored: the tag it was read under, when it was written, and the value. */
interface StoredEntry<T> {
  t: string;
  w: number;
  v: T;
}

/**
 * A read-through cache of what the services read from the portal. An entry is stored with the tag
 * (epoch and generations) its units had when its read started; a write or an event gives those
 * generations new values, so an entry read before a change can never be served after it, even when
 * its read finishes after the invalidation. Concurrent misses on one key are folded: in a replica by
 * sharing the load, but only with reads that find the same tag (a read never joins a load that began
 * before a change it can know of, on whichever replica it was made); across replicas by letting one
 * claim the load while the others wait briefly for its value. A read that bypasses the store (Redis
 * away, or its backlog not written yet) shares nothing: it cannot know what changed elsewhere.
 */
export class ReadCache {
  private readonly inflight = new Map<string, InflightLoad>();

  constructor(
    private readonly options: {
      /** Undefined: CACHE=off, every read goes upstream. */
      store: CacheStore | undefined;
      ttlSeconds: number;
      /** `{REDIS_KEY_PREFIX}cache:v{format}:{portal}:`: never a secret. */
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

  /**
   * The cache as seen by callers of one scope ("shared", or one OAuth user's); `served` hears how
   * long each value it hands out may still be kept (for the response's `max-age`).
   */
  scope(scope: string, served?: ServedListener): ScopedCache {
    return {
      read: (entry, load) => this.read(scope, entry, load, served),
      invalidate: (units) => this.invalidate(units),
    };
  }

  /** Resolves once the store has written what it kept during an outage (see `CacheStore.settled`). */
  settled(): Promise<void> {
    return this.options.store?.settled?.() ?? Promise.resolve();
  }

  /**
   * Makes what `units` name stale. Resolves true once every replica's reads see that (written to the
   * store, or there is no cache), false when it is only kept for when the store is back.
   */
  async invalidate(units: readonly string[]): Promise<boolean> {
    const { store, metrics } = this.options;
    if (!store) return true;
    const written = await store.bump(units.map((unit) => this.genKey(unit)));
    for (const unit of units) metrics?.recordInvalidation(unit.split(":")[0]!);
    return written;
  }

  private async read<T>(
    scope: string,
    entry: CacheEntry,
    load: () => Promise<T>,
    served: ServedListener | undefined,
  ): Promise<T> {
    const { store, metrics, ttlSeconds } = this.options;
    if (!store) return load();
    const key = `${this.options.base}${scope}:${entry.key}`;
    const stored = await store.read(
      key,
      entry.units.map((unit) => this.genKey(unit)),
    );
    if (!stored) {
      // The store cannot tell what changed meanwhile on other replicas: nothing is shared.
      metrics?.recordRead(entry.kind, "bypass");
      return load();
    }
    const { tag } = stored;
    const hit = current<T>(stored.entry, tag);
    if (hit) {
      metrics?.recordRead(entry.kind, "hit");
      served?.(Math.max(0, ttlSeconds - (this.options.clock.now() - hit.w) / 1000));
      return hit.v;
    }
    served?.(ttlSeconds);
    const shared = this.inflight.get(key);
    if (shared && shared.tag === tag) {
      metrics?.recordRead(entry.kind, "hit");
      return shared.value as Promise<T>;
    }
    const value = this.loadAndKeep(store, key, entry, tag, load);
    const inflight = { tag, value };
    this.inflight.set(key, inflight);
    const forget = () => {
      if (this.inflight.get(key) === inflight) this.inflight.delete(key);
    };
    value.then(forget, forget);
    return value;
  }

  private async loadAndKeep<T>(
    store: CacheStore,
    key: string,
    entry: CacheEntry,
    tag: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const { metrics } = this.options;
    // Per tag: a load begun before a change must not hold up the loads that begin after it.
    const claim = `${key}:loading:${createHash("sha256").update(tag).digest("base64url").slice(0, 16)}`;
    const claimed = await store.claim(claim, 3000);
    if (!claimed) {
      const theirs = await this.waitForOther<T>(store, key, entry);
      if (theirs) {
        metrics?.recordRead(entry.kind, "hit");
        return theirs.v;
      }
    }
    metrics?.recordRead(entry.kind, "miss");
    try {
      const value = await load();
      // Tagged as the units were before the load: if anything changed meanwhile, this entry is
      // already stale and will never be served.
      const stored: StoredEntry<T> = { t: tag, w: this.options.clock.now(), v: value };
      await store.write(key, JSON.stringify(stored), this.options.ttlSeconds);
      return value;
    } finally {
      // Only our own claim: after waiting in vain, the claim is still the other replica's.
      if (claimed) await store.release(claim);
    }
  }

  private async waitForOther<T>(
    store: CacheStore,
    key: string,
    entry: CacheEntry,
  ): Promise<StoredEntry<T> | undefined> {
    const genKeys = entry.units.map((unit) => this.genKey(unit));
    for (let attempt = 0; attempt < WAIT_FOR_OTHER_TIMES; attempt += 1) {
      await sleep(this.options.clock, WAIT_FOR_OTHER_MS);
      const stored = await store.read(key, genKeys);
      const found = stored && current<T>(stored.entry, stored.tag);
      if (found) return found;
    }
    return undefined;
  }

  private genKey(unit: string): string {
    return `${this.options.base}gen:${unit}`;
  }
}

/** The stored entry, if it was read under exactly the current tag. */
function current<T>(entry: string | undefined, tag: string): StoredEntry<T> | undefined {
  if (entry === undefined) return undefined;
  try {
    const parsed = JSON.parse(entry) as StoredEntry<T>;
    return parsed.t === tag ? parsed : undefined;
  } catch {
    return undefined;
  }
}
