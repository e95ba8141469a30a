import { type IncomingMessage, type ServerResponse } from "node:http";
import { readJsonBody } from "./json-body";
import { type DemoPortalLimitsUpdate } from "./portal-limits";
import { type PortalRuntime } from "./portal-runtime";
import { sendJson } from "./send-json";

/** PUT routes that set one limit; the JSON body is the new value (null turns a limit off). */
export const SINGLE_LIMIT_ROUTES: Readonly<Record<string, keyof DemoPortalLimitsUpdate>> = {
  "/_demo/rate-limit": "rateLimit",
  "/_demo/operating-limit": "operatingLimit",
  "/_demo/latency": "latencyMs",
  "/_demo/operating-cost": "operatingCostMs",
};

export function sendLimits(runtime: PortalRuntime, response: ServerResponse): void {
  sendJson(response, 200, runtime.limits.snapshot());
}

/**
 * Applies a limits update read from the body: PATCH /_demo/limits sends the update itself,
 * the single-limit PUT routes just its value (`key`). Answers with all limits now in force.
 */
export async function updateLimits(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  key?: keyof DemoPortalLimitsUpdate,
): Promise<void> {
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendJson(response, 400, { error: "INVALID_JSON", error_description: body.message });
    return;
  }
  try {
    runtime.limits.update(key === undefined ? body.value : { [key]: body.value });
  } catch (error) {
    sendJson(response, 400, {
      error: "INVALID_LIMITS",
      error_description: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  sendLimits(runtime, response);
}
