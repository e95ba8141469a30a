import type { Scheduler } from "fast-check";
import type { DrainLease } from "../../src/app/drain-lease";
import type { Clock } from "../../src/clock";

/**
 * The Redis keys RedisDrainLease keeps (the lease and its `:signal` key), shared by every replica.
 * The lease expires by the model's clock (the scheduler's timers): a holder that dies, or one too
 * slow to renew, loses it once `ttl` has passed since its last renewal.
 *
 * Each grant of the lease to an owner that did not hold it (free, expired or lost before) starts a
 * new term; `valid(owner, term)` says whether a term is still held, so that a test can tell two
 * drains running at once under one live lease from an overlap across an expiry.
 */
export class ModelLeaseStore {
  private holder: string | undefined;
  private expiresAt = 0;
  term = 0;
  private signalled = false;

  constructor(
    private readonly clock: Clock,
    readonly ttl: number,
  ) {}

  /** The lease script: take it when free (or expired), extend it when `owner` holds it. */
  acquire(owner: string): number | undefined {
    if (this.holder !== undefined && this.clock.now() >= this.expiresAt) this.holder = undefined;
    if (this.holder !== undefined && this.holder !== owner) return undefined;
    if (this.holder === undefined) this.term += 1;
    this.holder = owner;
    this.expiresAt = this.clock.now() + this.ttl;
    return this.term;
  }

  release(owner: string): void {
    if (this.holder === owner) this.holder = undefined;
  }

  /** A failover to a replica that had not received the key: nobody holds the lease. */
  lose(): void {
    this.holder = undefined;
  }

  valid(owner: string, term: number): boolean {
    return this.holder === owner && this.term === term && this.clock.now() < this.expiresAt;
  }

  signal(): void {
    this.signalled = true;
  }

  takeSignal(): boolean {
    const signalled = this.signalled;
    this.signalled = false;
    return signalled;
  }

  describe(): string {
    return `lease: ${this.holder ?? "free"} (term ${this.term}, expires at ${this.expiresAt}, now ${this.clock.now()})`;
  }
}

/**
 * One replica's connection to Redis. It may go away (an outage: the lease commands answer "not
 * held" at once, as RedisDrainLease does while its connection is not ready), come back, or fail its
 * next command before or after Redis applied it.
 */
export class RedisLink {
  up = true;
  /** Moves on at every outage, so that a command sent before one fails. */
  epoch = 0;
  failNext: "before" | "after" | undefined;

  down(): void {
    this.up = false;
    this.epoch += 1;
  }

  back(): void {
    this.up = true;
  }
}

/**
 * RedisDrainLease's semantics over the model store: every command is two steps of the fast-check
 * scheduler (applied at the first, answered at the second). A crashed replica's commands still reach
 * Redis, but their answers never return.
 */
export class ModelDrainLease implements DrainLease {
  /** The term of the lease as this handle last heard it granted (undefined: never). */
  heldTerm: number | undefined;

  constructor(
    private readonly store: ModelLeaseStore,
    private readonly link: RedisLink,
    private readonly scheduler: Scheduler,
    readonly owner: string,
    private readonly alive: () => boolean,
  ) {}

  async acquire(): Promise<boolean> {
    if (!this.link.up) return false;
    try {
      const term = await this.command("acquire", () => this.store.acquire(this.owner));
      if (term === undefined) return false;
      this.heldTerm = term;
      return true;
    } catch {
      return false;
    }
  }

  async release(): Promise<void> {
    if (!this.link.up) return;
    try {
      await this.command("release", () => this.store.release(this.owner));
    } catch {
      // It expires on its own.
    }
  }

  async signal(): Promise<void> {
    if (!this.link.up) return;
    try {
      await this.command("signal", () => this.store.signal());
    } catch {
      // The holder polls anyway.
    }
  }

  async takeSignal(): Promise<boolean> {
    if (!this.link.up) return false;
    try {
      return await this.command("take signal", () => this.store.takeSignal());
    } catch {
      return false;
    }
  }

  private async command<T>(label: string, apply: () => T): Promise<T> {
    if (!this.link.up) throw new Error(`${this.owner}: Redis is not ready`);
    const epoch = this.link.epoch;
    await this.scheduler.schedule(Promise.resolve(), `${this.owner} ${label}`);
    if (this.link.epoch !== epoch) throw new Error(`${this.owner}: connection lost`);
    const fault = this.link.failNext;
    this.link.failNext = undefined;
    if (fault === "before") throw new Error(`${this.owner}: ${label} timed out`);
    const result = apply();
    await this.scheduler.schedule(Promise.resolve(), `${this.owner} ${label} answered`);
    if (!this.alive()) return new Promise<never>(() => undefined);
    if (this.link.epoch !== epoch) throw new Error(`${this.owner}: answer lost`);
    if (fault === "after") throw new Error(`${this.owner}: ${label} timed out after it ran`);
    return result;
  }
}
