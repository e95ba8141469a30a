import { type Caller } from "./auth";
import { listWindowFromStart } from "./list-window";
import { type MethodOutcome } from "./methods/method";
import { type RequestParams } from "./params";
import { internalServerError, methodNotFound, PortalError } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { nowSeconds, restTime, type RestTime } from "./rest-time";

export type CallResult =
  { ok: true; outcome: MethodOutcome; time: RestTime } | { ok: false; error: PortalError };

/**
 * Runs one REST method (not `batch`) for a caller: lower-cases the name, counts the call,
 * and turns any exception that is not a PortalError into INTERNAL_SERVER_ERROR, so bad input
 * can never take the server down. Used for plain requests and for each batch command.
 */
export function callMethod(
  runtime: PortalRuntime,
  caller: Caller,
  methodName: string,
  params: RequestParams,
): CallResult {
  const method = methodName.toLowerCase();
  const handler = runtime.methods.get(method);
  if (handler === undefined) return { ok: false, error: methodNotFound() };
  runtime.stats.recordMethodCall(method, caller.userId);
  const startedAt = nowSeconds();
  try {
    const window = listWindowFromStart(params.start);
    const outcome = handler({ params, store: runtime.store, window });
    return { ok: true, outcome, time: restTime(startedAt, nowSeconds() - startedAt) };
  } catch (error) {
    if (error instanceof PortalError) return { ok: false, error };
    runtime.onInternalError(error, method);
    return { ok: false, error: internalServerError() };
  }
}
