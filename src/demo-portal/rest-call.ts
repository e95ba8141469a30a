import { type IncomingHttpHeaders } from "node:http";
import { authenticate } from "./auth";
import { runBatch } from "./batch";
import { callMethod, operatingKey, type Invocation } from "./call-method";
import { errorEnvelope, successEnvelope } from "./envelope";
import { type RequestParams } from "./params";
import { internalServerError, methodNotFound, PortalError } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { parseRestPath } from "./rest-path";
import { nowSeconds, restTime, sinceArrival } from "./rest-time";

/** A portal answer before it goes on the wire: faults may still truncate or drop it. */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/**
 * What the portal answers to one request under /rest/: authenticate, run the method (or a
 * batch), wrap it in the envelope. Every failure becomes an error envelope. The parameters were
 * read on arrival (see readRequestParams), so a rejection of `pendingParams` is answered here.
 * `latencyMs` is the latency this request waited, charged to a plain call's operating time.
 */
export async function answerRestCall(
  runtime: PortalRuntime,
  headers: IncomingHttpHeaders,
  url: URL,
  pendingParams: Promise<RequestParams>,
  arrivedAt: number,
  latencyMs: number,
): Promise<JsonAnswer> {
  try {
    const params = await pendingParams;
    const route = parseRestPath(url.pathname);
    if (route === undefined) throw methodNotFound();
    const caller = authenticate(route, headers, params, runtime.auth, runtime.application.tokens);
    const invocation: Invocation = {
      caller,
      account: `${route.kind}:${caller.userId}`,
      latencyMs,
      requestId: runtime.nextRequestId(),
    };

    if (route.method.toLowerCase() === "batch") {
      const processingStartedAt = nowSeconds(runtime.clock);
      const outcome = runBatch(runtime, invocation, params);
      // The batch wrapper is never charged, so its own usage reads 0 while the limiter is on.
      const finishedAt = nowSeconds(runtime.clock);
      const usage = runtime.limits.operating?.usage(
        operatingKey(invocation.account, "batch"),
        finishedAt,
      );
      const time = restTime(runtime.clock, arrivedAt, finishedAt - processingStartedAt, usage);
      return { status: 200, body: successEnvelope(outcome, time) };
    }

    const call = callMethod(runtime, invocation, route.method, params);
    if (!call.ok) throw call.error;
    return { status: 200, body: successEnvelope(call.outcome, sinceArrival(call.time, arrivedAt)) };
  } catch (error) {
    const portalError = asPortalError(runtime, error);
    runtime.stats.recordError(portalError.code);
    return { status: portalError.status, body: errorEnvelope(portalError) };
  }
}

function asPortalError(runtime: PortalRuntime, error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  runtime.onInternalError(error, "(request handling)");
  return internalServerError();
}
