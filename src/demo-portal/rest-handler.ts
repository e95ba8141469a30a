import { type IncomingMessage, type ServerResponse } from "node:http";
import { authenticate } from "./auth";
import { runBatch } from "./batch";
import { callMethod } from "./call-method";
import { errorEnvelope, successEnvelope } from "./envelope";
import { internalServerError, methodNotFound, PortalError } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { readRequestParams } from "./request-params";
import { parseRestPath } from "./rest-path";
import { nowSeconds, restTime } from "./rest-time";
import { sendJson } from "./send-json";

/**
 * One request under /rest/: read parameters, authenticate, run the method (or a batch), answer
 * with the envelope. Every failure becomes an error envelope; nothing escapes to the server.
 */
export async function handleRestRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  runtime.stats.recordHttpRequest();
  const startedAt = nowSeconds();
  try {
    const params = await readRequestParams(request, url);
    const route = parseRestPath(url.pathname);
    if (route === undefined) throw methodNotFound();
    const caller = authenticate(route, request.headers, params, runtime.auth);

    if (route.method.toLowerCase() === "batch") {
      const processingStartedAt = nowSeconds();
      const outcome = runBatch(runtime, caller, params);
      const time = restTime(startedAt, nowSeconds() - processingStartedAt);
      sendJson(response, 200, successEnvelope(outcome, time));
      return;
    }

    const call = callMethod(runtime, caller, route.method, params);
    if (!call.ok) throw call.error;
    sendJson(
      response,
      200,
      successEnvelope(call.outcome, restTime(startedAt, call.time.processing)),
    );
  } catch (error) {
    const portalError = asPortalError(runtime, error);
    runtime.stats.recordError(portalError.code);
    sendJson(response, portalError.status, errorEnvelope(portalError));
  }
}

function asPortalError(runtime: PortalRuntime, error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  runtime.onInternalError(error, "(request handling)");
  return internalServerError();
}
