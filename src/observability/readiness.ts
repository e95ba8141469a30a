import { systemClock, type Clock } from "../clock";

/** One dependency's state, as /readyz reports it. */
export interface CheckResult {
  ok: boolean;
  /** For a watched state (see `watch`): what it is now. */
  state?: string;
  /** Seconds since the check ran (it is cached). */
  ageSeconds?: number;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  /** Degradable dependencies that fail now: the replica serves, with less. */
  degraded: string[];
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  /** Named checks; each resolves to whether the dependency answers. Each must pass to be ready. */
  checks: Record<string, () => Promise<boolean>>;
  /** Checks of dependencies the replica can do without for a while: reported, never unready. */
  degradable?: Record<string, () => Promise<boolean>>;
  /** How long a result is reused; probes from many replicas and a tight probe period stay cheap. */
  cacheMs: number;
  /** A check that takes longer than this counts as failed. */
  timeoutMs: number;
  /** Default: the system clock. */
  clock?: Clock;
}

/**
 * Readiness: not draining, and every dependency answers. Results are cached for `cacheMs` and a check
 * already running is shared, so a flood of probes costs one check per dependency per period.
 */
export class Readiness {
  private draining = false;
  private readonly cache = new Map<string, { ok: boolean; at: number }>();
  private readonly running = new Map<string, Promise<boolean>>();
  private readonly clock: Clock;
  private readonly watched = new Map<string, { state: () => string; healthy: string }>();

  constructor(private readonly options: ReadinessOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** From now on /readyz answers 503, so load balancers stop sending new requests. */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Reports a state the replica knows without asking anyone (the application's installation): shown
   * under `checks`, and degraded while it is not `healthy`, but never unready. An installation
   * that is missing or refused is fixed by a call from the portal, which must still reach the replica.
   */
  watch(name: string, state: () => string, healthy = "valid"): void {
    this.watched.set(name, { state, healthy });
  }

  async report(): Promise<ReadinessReport> {
    const required = Object.keys(this.options.checks);
    const degradable = Object.keys(this.options.degradable ?? {});
    const names = [...required, ...degradable];
    const results = await Promise.all(names.map((name) => this.check(name)));
    const checks = Object.fromEntries(names.map((name, index) => [name, results[index]!]));
    for (const [name, { state, healthy }] of this.watched) {
      const now = state();
      checks[name] = { ok: now === healthy, state: now };
    }
    const watched = [...this.watched.keys()];
    return {
      ready: !this.draining && required.every((name) => checks[name]!.ok),
      draining: this.draining,
      degraded: [...degradable, ...watched].filter((name) => !checks[name]!.ok),
      checks,
    };
  }

  private async check(name: string): Promise<CheckResult> {
    const cached = this.cache.get(name);
    const now = this.clock.now();
    if (cached && now - cached.at < this.options.cacheMs) {
      return { ok: cached.ok, ageSeconds: Math.round((now - cached.at) / 1000) };
    }
    let running = this.running.get(name);
    if (!running) {
      const check = this.options.checks[name] ?? this.options.degradable?.[name];
      running = withTimeout(this.clock, check!(), this.options.timeoutMs).finally(() =>
        this.running.delete(name),
      );
      this.running.set(name, running);
    }
    const ok = await running;
    this.cache.set(name, { ok, at: this.clock.now() });
    return { ok, ageSeconds: 0 };
  }
}

function withTimeout(clock: Clock, check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let cancel = () => {};
  const timeout = new Promise<boolean>((resolve) => {
    cancel = clock.setTimer(timeoutMs, () => resolve(false));
  });
  return Promise.race([check.catch(() => false), timeout]).finally(() => cancel());
}
