import { type IncomingMessage, type ServerResponse } from "node:http";
import { type PortalRuntime } from "./portal-runtime";
import { isPortalSeed, PORTAL_SEEDS } from "./seed";
import { sendJson } from "./send-json";

/**
 * Test-only control routes under /_demo/ (no auth: the portal is meant for loopback):
 * - GET  /_demo/stats              → the counters;
 * - POST /_demo/reset[?seed=demo|empty] → zero the counters, and with `seed` reload the data.
 */
export function handleControlRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): void {
  request.resume();
  const route = `${request.method ?? "GET"} ${url.pathname}`;
  switch (route) {
    case "GET /_demo/stats":
      sendJson(response, 200, runtime.stats.snapshot());
      return;
    case "POST /_demo/reset":
      reset(runtime, response, url.searchParams.get("seed"));
      return;
    default:
      sendJson(response, 404, {
        error: "NOT_FOUND",
        error_description: `Unknown control route ${route}; use GET /_demo/stats or POST /_demo/reset`,
      });
  }
}

function reset(runtime: PortalRuntime, response: ServerResponse, seed: string | null): void {
  if (seed !== null && !isPortalSeed(seed)) {
    sendJson(response, 400, {
      error: "INVALID_SEED",
      error_description: `seed must be one of ${PORTAL_SEEDS.join(", ")}, got "${seed}"`,
    });
    return;
  }
  runtime.stats.reset();
  if (seed !== null) runtime.reseed(seed);
  sendJson(response, 200, { statsReset: true, dataReset: seed });
}
