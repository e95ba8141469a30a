import type { RedisConnection } from "../redis/redis-connection";
import type { RateLimitSharing } from "./observer";
import type { RateLimiter, Reservation } from "./rate-limiter";

/**
 * The portal's limit shared by every replica through Redis, with a local model to fall back on while
 * Redis is away. The local model holds only a share of the portal's limit (RATE_LIMIT_LOCAL_SHARE),
 * because the other replicas fall back at the same moment and each spends its own share; the portal's
 * own refusals, retried, absorb what the share gets wrong. Sharing resumes when Redis answers again.
 */
export class SharedRateLimiter implements RateLimiter {
  constructor(
    private readonly shared: RateLimiter,
    private readonly local: RateLimiter,
    private readonly connection: RedisConnection,
  ) {}

  get sharing(): RateLimitSharing {
    return this.connection.state === "ready" ? "shared" : "local";
  }

  async reserve(bucket: string, maxWaitMs: number): Promise<Reservation> {
    if (this.connection.state === "ready") {
      try {
        return await this.shared.reserve(bucket, maxWaitMs);
      } catch {
        this.connection.reportFailure();
      }
    }
    return this.local.reserve(bucket, maxWaitMs);
  }

  async markFull(bucket: string): Promise<void> {
    // The local model learns too, so that a fall-back starts from what the portal said last.
    await this.local.markFull(bucket);
    if (this.connection.state !== "ready") return;
    try {
      await this.shared.markFull(bucket);
    } catch {
      this.connection.reportFailure();
    }
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.shared.close();
  }
}
