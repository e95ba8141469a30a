/** One dependency's state, as /readyz reports it. */
export interface CheckResult {
  ok: boolean;
  /** Seconds since the check ran (it is cached). */
  ageSeconds?: number;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  /** Named checks; each resolves to whether the dependency answers. */
  checks: Record<string, () => Promise<boolean>>;
  /** How long a result is reused; probes from many replicas and a tight probe period stay cheap. */
  cacheMs: number;
  /** A check that takes longer than this counts as failed. */
  timeoutMs: number;
  now?: () => number;
}

/**
 * Readiness: not draining, and every dependency answers. Results are cached for `cacheMs` and a check
 * already running is shared, so a flood of probes costs one check per dependency per period.
 */
export class Readiness {
  private draining = false;
  private readonly cache = new Map<string, { ok: boolean; at: number }>();
  private readonly running = new Map<string, Promise<boolean>>();
  private readonly now: () => number;

  constructor(private readonly options: ReadinessOptions) {
    this.now = options.now ?? Date.now;
  }

  /** From now on /readyz answers 503, so load balancers stop sending new requests. */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    const names = Object.keys(this.options.checks);
    const results = await Promise.all(names.map((name) => this.check(name)));
    const checks = Object.fromEntries(names.map((name, index) => [name, results[index]!]));
    return {
      ready: !this.draining && results.every((result) => result.ok),
      draining: this.draining,
      checks,
    };
  }

  private async check(name: string): Promise<CheckResult> {
    const cached = this.cache.get(name);
    const now = this.now();
    if (cached && now - cached.at < this.options.cacheMs) {
      return { ok: cached.ok, ageSeconds: Math.round((now - cached.at) / 1000) };
    }
    let running = this.running.get(name);
    if (!running) {
      running = withTimeout(this.options.checks[name]!(), this.options.timeoutMs).finally(() =>
        this.running.delete(name),
      );
      this.running.set(name, running);
    }
    const ok = await running;
    this.cache.set(name, { ok, at: this.now() });
    return { ok, ageSeconds: 0 };
  }
}

function withTimeout(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([check.catch(() => false), timeout]).finally(() => clearTimeout(timer));
}
