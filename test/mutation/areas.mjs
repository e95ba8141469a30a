// The critical modules that `npm run mutate` mutates, grouped by area. The areas name what a score in
// docs/testing.md covers; stryker.config.mjs mutates their union, or one area with MUTATE_AREA.

/** @type {Record<string, string[]>} */
export const AREAS = {
  // The one way to the portal: queue → limiter → breaker → operating time → batch → classification.
  transport: [
    "src/transport/call-queue.ts",
    "src/transport/call.ts",
    "src/transport/sender.ts",
    "src/transport/retry-policy.ts",
    "src/transport/failure.ts",
    "src/transport/rate-limiter.ts",
    "src/transport/redis-rate-limiter.ts",
    "src/transport/shared-rate-limiter.ts",
    "src/transport/in-flight-bound.ts",
    "src/transport/circuit-breaker.ts",
    "src/transport/operating-time.ts",
    "src/transport/envelope.ts",
    "src/transport/batch-command.ts",
    "src/transport/batch-reference.ts",
    "src/transport/batch-result.ts",
  ],
  // The read cache and what a write makes stale.
  cache: ["src/cache/*.ts", "src/services/write-effects.ts", "src/services/cache-entries.ts"],
  // A change from an event or a write: delivery, the bus, what subscribers are sent.
  events: [
    "src/events/event-delivery.ts",
    "src/events/change-bus.ts",
    "src/events/relay-outbox.ts",
    "src/events/live-data.ts",
    "src/events/live-feed.ts",
    "src/events/live-reads.ts",
  ],
  // Who may call, and credentials kept out of answers, errors and logs.
  security: [
    "src/security/caller-auth.ts",
    "src/security/secret-set.ts",
    "src/http/http-guards.ts",
    "src/transport/scrub.ts",
    "src/config/redact.ts",
    "src/bitrix/portal-url.ts",
    "src/logger.ts",
  ],
  limits: ["src/limits/*.ts"],
  errors: ["src/errors/*.ts"],
};

/** The area a source file (relative to the project root, with forward slashes) belongs to. */
export function areaOf(file) {
  for (const [area, patterns] of Object.entries(AREAS)) {
    for (const pattern of patterns) {
      const re = new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`);
      if (re.test(file)) return area;
    }
  }
  return undefined;
}
