import type { RequestHandler } from "express";
import type { GatewayMetrics } from "../observability/metrics";
import { bearerToken } from "../security/bearer-token";
import { SecretSet } from "../security/secret-set";

/** GET /metrics, behind METRICS_TOKEN when one is set (compared in constant time). */
export function metricsRoute(metrics: GatewayMetrics, token: string | undefined): RequestHandler {
  const expected = token === undefined ? undefined : new SecretSet([token]);
  return (req, res, next) => {
    if (expected) {
      if (!expected.has(bearerToken(req.headers.authorization))) {
        res.status(401).setHeader("www-authenticate", "Bearer").end();
        return;
      }
    }
    metrics.render().then(({ contentType, body }) => {
      res.type(contentType).send(body);
    }, next);
  };
}
