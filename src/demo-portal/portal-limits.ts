import { type Clock } from "../clock";
import {
  checkOperatingLimit,
  OperatingLedger,
  type OperatingLimit,
  type ResolvedOperatingLimit,
} from "./operating-time";
import { checkRateLimit, LeakyBucket, type RateLimit } from "./rate-limit";
import { showValue } from "./show-value";

/** The traffic settings in force; null and 0 mean "off". */
export interface DemoPortalLimits {
  rateLimit: RateLimit | null;
  operatingLimit: ResolvedOperatingLimit | null;
  operatingCostMs: number;
  latencyMs: number;
}

/** A change to some of the settings; absent keys stay as they are, null turns a limit off. */
export interface DemoPortalLimitsUpdate {
  rateLimit?: RateLimit | null;
  operatingLimit?: OperatingLimit | null;
  operatingCostMs?: number;
  latencyMs?: number;
}

export const NO_LIMITS: DemoPortalLimits = {
  rateLimit: null,
  operatingLimit: null,
  operatingCostMs: 0,
  latencyMs: 0,
};

/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Runtime-changeable limits with their live state (the request bucket and the operating
 * ledger). A new rate limit starts with an empty bucket and a new operating limit with no
 * recorded usage, so a test that changes a limit starts from a known state. The bucket drains
 * by `clock`, so a test that moves its own clock decides exactly when a request fits again.
 */
export class PortalLimits {
  private settings: DemoPortalLimits = NO_LIMITS;
  private bucket: LeakyBucket | undefined;
  private ledger: OperatingLedger | undefined;

  constructor(
    private readonly clock: Clock,
    initial: DemoPortalLimits = NO_LIMITS,
  ) {
    this.update(initial);
  }

  /** Validates the whole update first, so a bad value changes nothing. */
  update(changes: unknown): DemoPortalLimits {
    const checked = checkLimitsUpdate(changes);
    this.settings = { ...this.settings, ...checked };
    if (checked.rateLimit !== undefined) this.bucket = this.newBucket();
    if (checked.operatingLimit !== undefined) this.ledger = newLedger(this.settings.operatingLimit);
    return this.snapshot();
  }

  snapshot(): DemoPortalLimits {
    const { rateLimit, operatingLimit } = this.settings;
    return {
      ...this.settings,
      rateLimit: rateLimit && { ...rateLimit },
      operatingLimit: operatingLimit && { ...operatingLimit },
    };
  }

  /** Empties the bucket and forgets the operating usage; the settings stay. */
  forgetUsage(): void {
    this.bucket = this.newBucket();
    this.ledger = newLedger(this.settings.operatingLimit);
  }

  /** Counts one HTTP request against the rate limit; false means "answer 503". */
  admitRequest(): boolean {
    return this.bucket?.tryAdd(this.clock.now()) ?? true;
  }

  /**
   * The operating ledger, or undefined while the operating limit is off; callers pass it the
   * time from the portal's clock.
   */
  get operating(): OperatingLedger | undefined {
    return this.ledger;
  }

  get latencyMs(): number {
    return this.settings.latencyMs;
  }

  get operatingCostMs(): number {
    return this.settings.operatingCostMs;
  }

  private newBucket(): LeakyBucket | undefined {
    const limit = this.settings.rateLimit;
    return limit === null ? undefined : new LeakyBucket(limit, this.clock.now());
  }
}

/** Checks an update from options or a control request; messages name the key, rule and value. */
export function checkLimitsUpdate(value: unknown): Partial<DemoPortalLimits> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`limits must be an object, got ${showValue(value)}`);
  }
  const { rateLimit, operatingLimit, operatingCostMs, latencyMs, ...rest } = value as Record<
    string,
    unknown
  >;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) {
    throw new TypeError(
      `limits accept only rateLimit, operatingLimit, operatingCostMs and latencyMs, got ${unknownKeys.join(", ")}`,
    );
  }
  const checked: Partial<DemoPortalLimits> = {};
  if (rateLimit !== undefined) checked.rateLimit = checkRateLimit(rateLimit, "rateLimit");
  if (operatingLimit !== undefined) {
    checked.operatingLimit = checkOperatingLimit(operatingLimit, "operatingLimit");
  }
  if (operatingCostMs !== undefined) {
    checked.operatingCostMs = checkMilliseconds(operatingCostMs, "operatingCostMs");
  }
  if (latencyMs !== undefined) checked.latencyMs = checkMilliseconds(latencyMs, "latencyMs");
  return checked;
}

export function checkMilliseconds(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new TypeError(
      `${name} must be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${showValue(value)}`,
    );
  }
  return value;
}

function newLedger(limit: ResolvedOperatingLimit | null): OperatingLedger | undefined {
  return limit === null ? undefined : new OperatingLedger(limit);
}
