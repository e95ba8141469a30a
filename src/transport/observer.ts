import type { RedisState } from "../redis/redis-connection";
import type { QueueCounts } from "./call-queue";
import type { CircuitState } from "./circuit-breaker";

/** What the transport reports about each HTTP request, for metrics and logs. */
export interface UpstreamRequestEvent {
  /** The method in the URL: a booking.v1 method, or "batch". */
  method: string;
  commands: number;
  /** "ok", or the Bitrix24 error code the request failed with. */
  outcome: string;
  /** HTTP status of the answer; undefined when none arrived. */
  status: number | undefined;
  durationMs: number;
}

/** How the portal's rate limit is modelled right now. */
export type RateLimitSharing = "shared" | "local";

/**
 * Everything the transport reports, for metrics and logs. Events never carry an identity, a URL path
 * or parameters: only method names, codes, origins and numbers.
 */
export interface UpstreamObserver {
  request?(event: UpstreamRequestEvent): void;
  /** A call goes back into its queue after `code`. */
  retry?(event: { method: string; code: string }): void;
  /** A rate-limit reservation: how long it waits, or would have waited when not granted. */
  rateLimitWait?(event: { waitMs: number; granted: boolean }): void;
  /** Calls refused without a request because the portal's circuit is open. */
  circuitRejected?(event: { origin: string; calls: number }): void;
  /** `cause`: the failure that opened the circuit, scrubbed like every portal answer. */
  circuitState?(event: { origin: string; state: CircuitState; cause?: string }): void;
  /**
   * Told once, as the transport starts: how to read the calls waiting in the queues, and the requests
   * on their way with their calls, across all identities. The counts change several times per
   * request, so they are read when wanted rather than reported on every change.
   */
  queueCounts?(read: () => Readonly<QueueCounts>): void;
  /** Redis changed state, and with it where the rate limit is modelled. */
  rateLimitSharing?(event: { sharing: RateLimitSharing; redis: RedisState }): void;
}
