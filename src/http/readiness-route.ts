import type { RequestHandler } from "express";
import type { Readiness } from "../observability/readiness";

/**
 * GET /readyz: 200 `ready`, or `degraded` while a dependency the replica can do without (Redis) is
 * away; 503 `unavailable` or `draining`.
 */
export function readinessRoute(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    readiness.report().then((report) => {
      res.status(report.ready ? 200 : 503).json({
        status: report.draining
          ? "draining"
          : !report.ready
            ? "unavailable"
            : report.degraded.length > 0
              ? "degraded"
              : "ready",
        checks: report.checks,
        ...(report.degraded.length > 0 && { degraded: report.degraded }),
      });
    }, next);
  };
}
