import { Batcher } from "./batcher";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker";
import { BitrixClient } from "./client";
import { Dispatcher, type UpstreamObserver, type UpstreamRequestEvent } from "./dispatcher";
import { OperatingTimeTracker } from "./operating-time";
import {
  MemoryRateLimiter,
  UnlimitedRateLimiter,
  type LeakyBucketSpec,
  type RateLimiter,
} from "./rate-limiter";

export interface UpstreamLayerOptions {
  timeoutMs: number;
  /** The portal's request limit to stay under; undefined for none. */
  rateLimit: LeakyBucketSpec | undefined;
  /** Share the limit model between replicas through this Redis; in memory when undefined. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  operatingLimitSeconds: number;
  batching: { enabled: boolean; windowMs: number; maxWaitMs: number };
  /** Per portal origin; absent or threshold 0: no breaker. */
  circuitBreaker?: { threshold: number; cooldownMs: number };
  onRequest?: (event: UpstreamRequestEvent) => void;
  observer?: UpstreamObserver & {
    circuitState?(event: { origin: string; state: CircuitState }): void;
  };
}

/** The whole upstream stack, shared by every GraphQL request of the process. */
export interface UpstreamLayer {
  batcher: Batcher;
  limiter: RateLimiter;
  breaker: CircuitBreaker;
  /** Whether the portal's origin answers HTTP; costs no REST request (see BitrixClient.probe). */
  probe(origin: string, timeoutMs: number): Promise<boolean>;
  /** Whether the shared rate-limit store answers; true when there is none. */
  pingStore(): Promise<boolean>;
  close(): Promise<void>;
}

export function createUpstreamLayer(options: UpstreamLayerOptions): UpstreamLayer {
  const client = new BitrixClient({ timeoutMs: options.timeoutMs });
  const modelled = options.rateLimit && withHeadroom(options.rateLimit);
  const limiter: RateLimiter = !modelled
    ? new UnlimitedRateLimiter()
    : options.redisUrl
      ? redisRateLimiter(options.redisUrl, modelled, `${options.redisKeyPrefix}bucket:`)
      : new MemoryRateLimiter(modelled);
  const observer = options.observer;
  const breaker = new CircuitBreaker({
    threshold: options.circuitBreaker?.threshold ?? 0,
    cooldownMs: options.circuitBreaker?.cooldownMs ?? 10_000,
    ...(observer?.circuitState && {
      onStateChange: (origin: string, state: CircuitState) =>
        observer.circuitState?.({ origin, state }),
    }),
  });
  const dispatcher = new Dispatcher({
    client,
    limiter,
    operating: new OperatingTimeTracker({ limitSeconds: options.operatingLimitSeconds }),
    breaker,
    ...(options.onRequest && { onRequest: options.onRequest }),
    ...(observer && { observer }),
  });
  return {
    batcher: new Batcher(dispatcher, options.batching),
    limiter,
    breaker,
    probe: (origin, timeoutMs) => client.probe(origin, timeoutMs),
    async pingStore() {
      const ping = (limiter as Partial<{ ping(): Promise<boolean> }>).ping;
      if (!ping) return true;
      try {
        return await ping.call(limiter);
      } catch {
        return false;
      }
    },
    async close() {
      await limiter.close();
      await client.close();
    },
  };
}

/**
 * The bucket the gateway models is a tenth smaller than the portal's. Requests reach the portal a
 * little later than they leave the queue, and not in the order they were granted, so the portal's own
 * bucket drains later than the model's; the headroom absorbs that instead of a 503.
 */
export function withHeadroom(spec: LeakyBucketSpec): LeakyBucketSpec {
  return { burst: Math.max(1, spec.burst - Math.ceil(spec.burst / 10)), perSecond: spec.perSecond };
}

/** Loaded only when Redis is configured: the client library is a sizeable share of a lone replica's memory. */
function redisRateLimiter(url: string, spec: LeakyBucketSpec, prefix: string): RateLimiter {
  const { RedisRateLimiter } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./redis-rate-limiter") as typeof import("./redis-rate-limiter");
  return new RedisRateLimiter(url, spec, prefix);
}
