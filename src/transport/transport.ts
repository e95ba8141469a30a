import { systemClock, type Clock } from "../clock";
import { rateLimitKey } from "../redis/portal-keys";
import { RedisConnection, type RedisState } from "../redis/redis-connection";
import { Call } from "./call";
import { CallQueue, type QueueCounts } from "./call-queue";
import { CircuitBreaker } from "./circuit-breaker";
import { abortErrorFor, BitrixCircuitOpenError } from "./errors";
import { HttpClient, type BitrixParams } from "./http-client";
import { identityKey, portalOrigin, type UpstreamIdentity } from "./identity";
import { InFlightBound } from "./in-flight-bound";
import type { RateLimitSharing, UpstreamObserver } from "./observer";
import { OperatingTimeTracker } from "./operating-time";
import { MAX_BATCH_COMMANDS } from "./protocol";
import {
  MemoryRateLimiter,
  UnlimitedRateLimiter,
  type LeakyBucketSpec,
  type RateLimiter,
} from "./rate-limiter";
import { BatchSender } from "./sender";
import { SessionClient } from "./session-client";
import type { BitrixSuccess } from "./envelope";
import type { CallContext, Upstream, UpstreamCall } from "./upstream";

export interface TransportOptions {
  timeoutMs: number;
  /** The portal's request limit to stay under; undefined for none. */
  rateLimit: LeakyBucketSpec | undefined;
  /** Share the limit model between replicas through this Redis; in memory when undefined. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  /** A Redis command that takes longer fails, and Redis counts as down until it answers again. */
  redisCommandTimeoutMs?: number;
  /** While Redis is away, it counts as back once the node holding this key answers for it. */
  redisProbeKey?: string;
  /** While Redis is away, the share of the portal's limit this replica models for itself. */
  localShare: number;
  operatingLimitSeconds: number;
  /** Folding off sends every call as its own request at once (the benchmark's baseline). */
  folding: boolean;
  /** Per portal origin; absent or threshold 0: no breaker. */
  circuitBreaker?: { threshold: number; cooldownMs: number };
  /**
   * What the transport waits on and reads the time from. Default: the system clock, with the Redis
   * server's clock for the shared bucket. A given clock replaces both (tests move it themselves).
   */
  clock?: Clock;
  observer?: UpstreamObserver;
}

/** Everything between the typed APIs and the portal, shared by all GraphQL requests of the process. */
export interface Transport {
  /** The portal as one GraphQL request sees it. */
  upstream(identity: UpstreamIdentity, context: CallContext): Upstream;
  /** Whether the portal's origin answers HTTP; costs no REST request (see HttpClient.probe). */
  probe(origin: string, timeoutMs: number): Promise<boolean>;
  /** How the rate limit is modelled now: shared through Redis, or a local share while Redis is away. */
  readonly sharing: RateLimitSharing | undefined;
  /** Redis's state, when Redis is configured. */
  readonly redis: RedisConnection | undefined;
  close(): Promise<void>;
}

export function createTransport(options: TransportOptions): Transport {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const observer = options.observer;
  const http = new HttpClient({ timeoutMs: options.timeoutMs, clock });
  const client = new SessionClient(http);
  const redis = options.redisUrl
    ? new RedisConnection(options.redisUrl, {
        commandTimeoutMs: options.redisCommandTimeoutMs,
        ...(options.redisProbeKey && { probeKey: options.redisProbeKey }),
      })
    : undefined;
  const limiter = createLimiter(options, redis, options.clock && now);
  const breaker = new CircuitBreaker(
    {
      threshold: options.circuitBreaker?.threshold ?? 0,
      cooldownMs: options.circuitBreaker?.cooldownMs ?? 10_000,
      onStateChange: (origin, state, cause) =>
        observer?.circuitState?.({ origin, state, ...(cause && { cause }) }),
    },
    now,
  );
  const sender = new BatchSender({
    client,
    limiter,
    breaker,
    operating: new OperatingTimeTracker({ limitSeconds: options.operatingLimitSeconds }, now),
    clock,
    observer,
  });
  redis?.onChange((state: RedisState) =>
    observer?.rateLimitSharing?.({ sharing: state === "ready" ? "shared" : "local", redis: state }),
  );

  const bounds = new Map<string, InFlightBound>();
  const queues = new Map<string, CallQueue>();
  const totals: QueueCounts = { waitingCalls: 0, requestsInFlight: 0, callsInFlight: 0 };
  observer?.queueCounts?.(() => totals);
  const queueOf = (identity: UpstreamIdentity): CallQueue => {
    const key = identityKey(identity);
    let queue = queues.get(key);
    if (!queue) {
      const origin = portalOrigin(identity);
      let bound = bounds.get(origin);
      if (!bound) bounds.set(origin, (bound = new InFlightBound(options.rateLimit?.perSecond)));
      queue = new CallQueue(
        identity,
        sender,
        bound,
        clock,
        { maxBatch: options.folding ? MAX_BATCH_COMMANDS : 1, unbounded: !options.folding },
        {
          observer,
          counts: (delta) => {
            totals.waitingCalls += delta.waitingCalls;
            totals.requestsInFlight += delta.requestsInFlight;
            totals.callsInFlight += delta.callsInFlight;
          },
          // OAuth identities come and go with their users: an idle queue is forgotten.
          idle: () => queues.delete(key),
        },
      );
      queues.set(key, queue);
    }
    return queue;
  };

  return {
    upstream: (identity, context) => new QueuedUpstream(queueOf, identity, context, breaker),
    probe: (origin, timeoutMs) => http.probe(origin, timeoutMs),
    get sharing() {
      if (!redis || !options.rateLimit) return undefined;
      return redis.state === "ready" ? "shared" : "local";
    },
    redis,
    async close() {
      await limiter.close();
      await redis?.close();
      await http.close();
    },
  };
}

/** Calls of one GraphQL request, bound to its identity, signal and deadline. */
class QueuedUpstream implements Upstream {
  constructor(
    private readonly queueOf: (identity: UpstreamIdentity) => CallQueue,
    private readonly identity: UpstreamIdentity,
    private readonly context: CallContext,
    private readonly breaker: CircuitBreaker,
  ) {}

  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>> {
    const [call] = this.enqueue([{ method, params }], false);
    return call!.promise as Promise<BitrixSuccess<T>>;
  }

  sequence(calls: UpstreamCall[]): Array<Promise<BitrixSuccess>> {
    const promises = this.enqueue(calls, true).map((call) => call.promise);
    // A caller may stop at the first failure; the later rejections are expected, not unhandled.
    for (const promise of promises) promise.catch(() => undefined);
    return promises;
  }

  private enqueue(specs: UpstreamCall[], halting: boolean): Call[] {
    const { signal, deadline } = this.context;
    const calls = specs.map((spec) => new Call(spec.method, spec.params, deadline, signal));
    if (signal?.aborted) {
      for (const call of calls) call.reject(abortErrorFor(call.method, signal));
      return calls;
    }
    // A portal whose circuit is open fails the calls before they wait for anything.
    const open = this.breaker.isRejecting(portalOrigin(this.identity));
    if (!open.allowed) {
      const retryAfter = Math.max(1, Math.ceil(open.retryAfterMs / 1000));
      for (const call of calls) call.reject(new BitrixCircuitOpenError(call.method, retryAfter));
      return calls;
    }
    this.queueOf(this.identity).add(calls, halting);
    return calls;
  }
}

function createLimiter(
  options: TransportOptions,
  redis: RedisConnection | undefined,
  now: (() => number) | undefined,
): RateLimiter {
  const modelled = options.rateLimit && withHeadroom(options.rateLimit);
  if (!modelled) return new UnlimitedRateLimiter();
  const local = (share: number) =>
    new MemoryRateLimiter(
      {
        burst: Math.max(1, Math.floor(modelled.burst * share)),
        perSecond: modelled.perSecond * share,
      },
      now,
    );
  if (!redis) return local(1);
  // Loaded only when Redis is configured: the script and its glue are not needed otherwise.
  const { RedisRateLimiter } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./redis-rate-limiter") as typeof import("./redis-rate-limiter");
  const { SharedRateLimiter } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./shared-rate-limiter") as typeof import("./shared-rate-limiter");
  return new SharedRateLimiter(
    new RedisRateLimiter(
      redis.client,
      modelled,
      (origin) => rateLimitKey(options.redisKeyPrefix, origin),
      now,
    ),
    local(options.localShare),
    redis,
  );
}

/**
 * The bucket the gateway models is a tenth smaller than the portal's. Requests reach the portal a
 * little later than they leave the queue, and not in the order they were granted, so the portal's own
 * bucket drains later than the model's; the headroom absorbs that instead of a 503.
 */
export function withHeadroom(spec: LeakyBucketSpec): LeakyBucketSpec {
  return { burst: Math.max(1, spec.burst - Math.ceil(spec.burst / 10)), perSecond: spec.perSecond };
}
