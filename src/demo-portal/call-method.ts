import { type Caller } from "./auth";
import { type CallFault } from "./faults";
import { operationTimeLimit } from "./limit-errors";
import { listWindowFromStart } from "./list-window";
import { type MethodOutcome } from "./methods/method";
import { type RequestParams } from "./params";
import { internalServerError, methodNotFound, PortalError } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { nowSeconds, restTime, type RestTime } from "./rest-time";

export type CallResult =
  { ok: true; outcome: MethodOutcome; time: RestTime } | { ok: false; error: PortalError };

/** Who runs a method, and what the call costs besides the handler's own time. */
export interface Invocation {
  caller: Caller;
  /**
   * The operating-time account: the server keeps apart webhooks and OAuth apps, so this is
   * "webhook:<user>" or "oauth:<user>".
   */
  account: string;
  /** Latency injected for this call alone: the request's for a plain call, 0 inside a batch. */
  latencyMs: number;
  /** The HTTP request it belongs to, shared by the commands of a batch (ONOFFLINEEVENT minTimeout 0). */
  requestId: number;
}

/** Operating time is kept per caller and method. */
export function operatingKey(account: string, method: string): string {
  return `${account} ${method.toLowerCase()}`;
}

/**
 * Runs one REST method (not `batch`) for a caller: lower-cases the name, lets an injected call
 * fault answer instead, enforces and charges the operating limit, counts the call, sends the
 * events of a successful change, and turns any exception that is not a PortalError into
 * INTERNAL_SERVER_ERROR, so bad input can never take the server down. Used for plain requests
 * and for each batch command, so a batch's events go out in command order.
 */
export function callMethod(
  runtime: PortalRuntime,
  invocation: Invocation,
  methodName: string,
  params: RequestParams,
): CallResult {
  const method = methodName.toLowerCase();
  const key = operatingKey(invocation.account, method);
  // A fault stands in for the whole execution, so it also answers for unknown methods.
  const fault = runtime.faults.takeCall(method);
  if (fault !== undefined) return answerWithFault(runtime, key, fault);
  const handler = runtime.methods.get(method);
  if (handler === undefined) return { ok: false, error: methodNotFound() };
  const ledger = runtime.limits.operating;
  const startedAt = nowSeconds(runtime.clock);
  if (ledger?.isExhausted(key, startedAt)) {
    runtime.stats.recordOperatingRejected();
    return { ok: false, error: operationTimeLimit() };
  }

  runtime.stats.recordMethodCall(method, invocation.caller.userId);
  let outcome: MethodOutcome | PortalError;
  try {
    outcome = handler({
      params,
      store: runtime.store,
      window: listWindowFromStart(params.start),
      now: startedAt,
      caller: invocation.caller,
      eventHandlers: runtime.events.handlers,
      application: runtime.application,
    });
  } catch (error) {
    if (!(error instanceof PortalError)) runtime.onInternalError(error, method);
    outcome = error instanceof PortalError ? error : internalServerError();
  }
  const finishedAt = nowSeconds(runtime.clock);
  // Failed calls cost time too; the charge lands before the time object is built, as on the server.
  const cost = Math.max(runtime.limits.operatingCostMs, invocation.latencyMs);
  ledger?.charge(key, cost, finishedAt);
  if (outcome instanceof PortalError) return { ok: false, error: outcome };
  // The change is in the store: its events are queued now and delivered in the background, so the
  // answer does not wait for the handlers.
  if (outcome.events !== undefined) runtime.events.publish(outcome.events, invocation.requestId);
  const usage = ledger?.usage(key, finishedAt);
  return {
    ok: true,
    outcome,
    time: restTime(runtime.clock, startedAt, finishedAt - startedAt, usage),
  };
}

function answerWithFault(runtime: PortalRuntime, key: string, fault: CallFault): CallResult {
  runtime.stats.recordFault();
  if (fault.kind === "error") {
    return {
      ok: false,
      error: new PortalError(fault.error, fault.description ?? "", fault.status ?? 400),
    };
  }
  const now = nowSeconds(runtime.clock);
  const time = restTime(runtime.clock, now, 0, runtime.limits.operating?.usage(key, now));
  return { ok: true, outcome: { result: fault.result }, time };
}
