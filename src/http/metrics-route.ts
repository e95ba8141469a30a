import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { GatewayMetrics } from "../observability/metrics";
import { bearerToken } from "../security/bearer-token";

/** GET /metrics, behind METRICS_TOKEN when one is set (compared in constant time). */
export function metricsRoute(metrics: GatewayMetrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : sha256(token);
  return (req, res, next) => {
    if (expected) {
      const given = bearerToken(req.headers.authorization);
      if (!given || !timingSafeEqual(sha256(given), expected)) {
        res.status(401).setHeader("www-authenticate", "Bearer").end();
        return;
      }
    }
    metrics.render().then(({ contentType, body }) => {
      res.type(contentType).send(body);
    }, next);
  };
}

function sha256(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
