import type { RedisClient } from "../redis/redis-client";
import type { LeakyBucketSpec, RateLimiter, Reservation } from "./rate-limiter";

/**
 * The leaky bucket kept in Redis, so that every replica of the gateway draws on one model of the
 * portal's limit. Each reservation is one atomic script run, timed by the Redis server's clock so
 * replicas with skewed clocks still agree (or by the caller's clock, given as ARGV[5], in tests).
 * Same arithmetic as `reserveInBucket`.
 */
const RESERVE = `
local now
if ARGV[5] ~= '' then
  now = tonumber(ARGV[5])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local burst, rate, maxWait, full = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4] == '1'
local level, at = 0, now
local stored = redis.call('HMGET', KEYS[1], 'level', 'at')
if stored[1] then level, at = tonumber(stored[1]), tonumber(stored[2]) end
local drained = math.max(0, level - (now - at) / 1000 * rate)
local ttl = math.ceil((math.max(drained, burst) + 1) / rate) + 1
if full then
  redis.call('HSET', KEYS[1], 'level', tostring(math.max(drained, burst)), 'at', now)
  redis.call('EXPIRE', KEYS[1], ttl)
  return {1, 0}
end
local wait = math.max(0, math.ceil((drained + 1 - burst) / rate * 1000))
if wait > maxWait then
  redis.call('HSET', KEYS[1], 'level', tostring(drained), 'at', now)
  redis.call('EXPIRE', KEYS[1], ttl)
  return {0, wait}
end
redis.call('HSET', KEYS[1], 'level', tostring(drained + 1), 'at', now)
redis.call('EXPIRE', KEYS[1], ttl)
return {1, wait}
`;

/** The command the script is registered as on the connection. */
const COMMAND = "b24gwReserve";

export class RedisRateLimiter implements RateLimiter {
  constructor(
    /** A connection owned by the caller, who closes it. */
    private readonly redis: RedisClient,
    private readonly spec: LeakyBucketSpec,
    /** The key of a bucket's state. */
    private readonly keyOf: (bucket: string) => string,
    /** The time to judge the bucket by; default the Redis server's own clock. */
    private readonly now?: () => number,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: RESERVE });
  }

  async reserve(bucket: string, maxWaitMs: number): Promise<Reservation> {
    const [granted, waitMs] = await this.run(bucket, maxWaitMs, false);
    return { granted: granted === 1, waitMs };
  }

  async markFull(bucket: string): Promise<void> {
    await this.run(bucket, 0, true);
  }

  /** The connection belongs to the caller. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private run(bucket: string, maxWaitMs: number, full: boolean): Promise<[number, number]> {
    const command = (
      this.redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number]>>
    )[COMMAND];
    return command!.call(
      this.redis,
      this.keyOf(bucket),
      this.spec.burst,
      this.spec.perSecond,
      Math.max(0, Math.floor(maxWaitMs)),
      full ? "1" : "0",
      this.now ? String(Math.floor(this.now())) : "",
    );
  }
}
