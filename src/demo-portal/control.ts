import { type IncomingMessage, type ServerResponse } from "node:http";
import {
  APPLICATION_ROUTES,
  handleApplicationRequest,
  isApplicationRoute,
} from "./control-application";
import { addFaults, sendFaults } from "./control-faults";
import { sendLimits, SINGLE_LIMIT_ROUTES, updateLimits } from "./control-limits";
import { type PortalRuntime } from "./portal-runtime";
import { isPortalSeed, PORTAL_SEEDS } from "./seed";
import { sendJson } from "./send-json";

const ROUTES = [
  "GET /_demo/stats",
  "POST /_demo/reset",
  "GET /_demo/limits",
  "PATCH /_demo/limits",
  ...Object.keys(SINGLE_LIMIT_ROUTES).map((path) => `PUT ${path}`),
  "GET /_demo/faults",
  "POST /_demo/faults",
  "DELETE /_demo/faults",
  ...APPLICATION_ROUTES,
];

/**
 * Test-only control routes under /_demo/ (no auth: the portal is meant for loopback):
 * - GET  /_demo/stats              → the counters and the requests in flight;
 * - POST /_demo/reset[?seed=demo|empty] → zero the counters, drop queued faults, empty the
 *   rate-limit bucket and the operating usage, and with `seed` reload the data;
 * - GET  /_demo/limits, PATCH /_demo/limits {rateLimit?, operatingLimit?, operatingCostMs?,
 *   latencyMs?} → read or change the traffic limits;
 * - PUT /_demo/rate-limit | operating-limit | latency | operating-cost with the new value
 *   (null turns a limit off);
 * - GET | POST | DELETE /_demo/faults → list, add (one or an array), clear injected faults;
 * - /_demo/application… → the application: its credentials, payment, install, uninstall, and
 *   expiring its access token (see control-application.ts).
 *
 * A reset leaves the application alone: its installation, tokens, bindings and offline queue are
 * portal settings like the event bindings, not booking data.
 */
export async function handleControlRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${request.method ?? "GET"} ${url.pathname}`;
  const singleLimit = SINGLE_LIMIT_ROUTES[url.pathname];
  if (request.method === "PUT" && singleLimit !== undefined) {
    return updateLimits(runtime, request, response, singleLimit);
  }
  if (isApplicationRoute(route)) return handleApplicationRequest(runtime, request, response, route);
  switch (route) {
    case "PATCH /_demo/limits":
      return updateLimits(runtime, request, response);
    case "POST /_demo/faults":
      return addFaults(runtime, request, response);
  }
  // The remaining routes take no body.
  request.resume();
  switch (route) {
    case "GET /_demo/stats":
      sendJson(response, 200, runtime.stats.snapshot());
      return;
    case "POST /_demo/reset":
      reset(runtime, response, url.searchParams.get("seed"));
      return;
    case "GET /_demo/limits":
      sendLimits(runtime, response);
      return;
    case "GET /_demo/faults":
      sendFaults(runtime, response);
      return;
    case "DELETE /_demo/faults":
      runtime.faults.clear();
      sendFaults(runtime, response);
      return;
    default:
      sendJson(response, 404, {
        error: "NOT_FOUND",
        error_description: `Unknown control route ${route}; use one of ${ROUTES.join(", ")}`,
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
  // A test that resets starts clean: no leftover faults or limiter state from the last one.
  runtime.faults.clear();
  runtime.limits.forgetUsage();
  if (seed !== null) runtime.reseed(seed);
  sendJson(response, 200, { statsReset: true, dataReset: seed });
}
