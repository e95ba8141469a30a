import type { Logger } from "../logger";
import type { UpstreamObserver } from "../transport/observer";
import type { GatewayMetrics } from "./metrics";

/**
 * What the transport reports, turned into metrics and into one log line per change of state (a
 * circuit opening, Redis going away or coming back), never one per request.
 */
export function upstreamEvents(
  metrics: GatewayMetrics | undefined,
  logger: Logger,
  localShare: number,
): UpstreamObserver {
  const measured = metrics?.upstreamObserver();
  return {
    ...measured,
    circuitState: (event) => {
      measured?.circuitState(event);
      // The circuit opening is the one line that says why the portal is unreachable.
      logger.warn(
        { origin: event.origin, state: event.state, ...(event.cause && { cause: event.cause }) },
        "upstream circuit changed state",
      );
    },
    rateLimitSharing: (event) => {
      measured?.rateLimitSharing(event);
      if (event.redis === "ready") {
        logger.info("Redis answers: the rate limit is shared between replicas");
      } else {
        logger.warn(
          { localShare },
          "Redis is unreachable: each replica now models its own share of the portal's rate limit (RATE_LIMIT_LOCAL_SHARE)",
        );
      }
    },
  };
}
