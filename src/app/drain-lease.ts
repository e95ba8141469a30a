import { randomUUID } from "node:crypto";
import type { RedisClient } from "../redis/redis-client";
import type { RedisConnection } from "../redis/redis-connection";

/**
 * Who drains the offline queue now. The lease saves the portal's budget: one replica drains, the
 * others only stand by. It is not what keeps changes from being lost or processed twice: the portal
 * hands parallel `event.offline.get` calls disjoint records, and a record drained twice is published
 * once by the content rule. So a lease lost mid-drain (a Redis failover) costs requests, not data.
 */
export interface DrainLease {
  /** Takes the lease, or extends it when this replica holds it; false when another replica does. */
  acquire(): Promise<boolean>;
  /** Gives it up, so that another replica may take over at once (shutdown). */
  release(): Promise<void>;
  /**
   * ONOFFLINEEVENT reached a replica that does not drain: it leaves a note for the holder, which
   * looks for one at each tick.
   */
  signal(): Promise<void>;
  /** Whether a note was left since the last look; takes it. */
  takeSignal(): Promise<boolean>;
}

/** One replica, no Redis: it always drains, and remembers its process id in memory. */
export class LocalDrainLease implements DrainLease {
  acquire(): Promise<boolean> {
    return Promise.resolve(true);
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  // The only replica is always the holder: a signal drains at once, and no note is needed.
  signal(): Promise<void> {
    return Promise.resolve();
  }

  takeSignal(): Promise<boolean> {
    return Promise.resolve(false);
  }
}

/** Takes the key when free, or extends it when this owner holds it. */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** Deletes the key only while this owner holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type LeaseRedis = RedisClient & {
  b24gwLeaseAcquire(key: string, owner: string, ttlMs: number): Promise<number>;
  b24gwLeaseRelease(key: string, owner: string): Promise<number>;
};

/**
 * A lease in Redis: a key holding the owner's random id, with a time to live. The holder extends it
 * each time it drains; if it dies, the key expires and the next replica to ask takes it. While
 * Redis cannot be reached nobody holds it: the drain waits for Redis to come back, since a drained
 * record is cleared only once its invalidation is written there (see OfflineDrain).
 */
export class RedisDrainLease implements DrainLease {
  private readonly owner = randomUUID();
  private readonly client: LeaseRedis;

  constructor(
    private readonly connection: RedisConnection,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {
    const client = connection.client;
    if (!("b24gwLeaseAcquire" in client)) {
      client.defineCommand("b24gwLeaseAcquire", { numberOfKeys: 1, lua: ACQUIRE });
      client.defineCommand("b24gwLeaseRelease", { numberOfKeys: 1, lua: RELEASE });
    }
    this.client = client as LeaseRedis;
  }

  async acquire(): Promise<boolean> {
    if (this.connection.state !== "ready") return false;
    try {
      return (await this.client.b24gwLeaseAcquire(this.key, this.owner, this.ttlMs)) === 1;
    } catch {
      this.connection.reportFailure();
      return false;
    }
  }

  async signal(): Promise<void> {
    if (this.connection.state !== "ready") return;
    try {
      await this.client.set(`${this.key}:signal`, "1", "PX", this.ttlMs * 10);
    } catch {
      this.connection.reportFailure();
    }
  }

  async takeSignal(): Promise<boolean> {
    if (this.connection.state !== "ready") return false;
    try {
      return (await this.client.getdel(`${this.key}:signal`)) !== null;
    } catch {
      this.connection.reportFailure();
      return false;
    }
  }

  async release(): Promise<void> {
    if (this.connection.state !== "ready") return;
    try {
      await this.client.b24gwLeaseRelease(this.key, this.owner);
    } catch {
      // It expires on its own.
    }
  }
}
