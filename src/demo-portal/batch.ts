import { callMethod, type CallResult, type Invocation } from "./call-method";
import { errorEnvelope } from "./envelope";
import { type MethodOutcome } from "./methods/method";
import { encodePhpMap, isPhpArray, isPhpTruthy, phpEntries, phpUpperCaseKeys } from "./php-array";
import { parsePhpQuery } from "./php-query";
import { type RequestParams } from "./params";
import { batchLengthExceeded, batchMethodNotAllowed } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { substitutePlaceholders, type BatchResults } from "./batch-placeholders";

/** CRestUtil::BATCH_MAX_LENGTH: later commands are answered with an error, not run. */
export const BATCH_MAX_LENGTH = 50;

/**
 * The `batch` method (CRestProvider::methodsBatch). `cmd` is a map or list of
 * "method?php-query" strings, run in order as the batch's caller; entries that are not strings
 * are skipped. The request itself always succeeds: each command's outcome lands under its key
 * in result / result_error / result_total / result_next / result_time. With a truthy `halt`,
 * the first failing command stops the rest. The request's latency belongs to the batch, so
 * commands are charged only the minimum operating cost.
 */
export function runBatch(
  runtime: PortalRuntime,
  invocation: Invocation,
  params: RequestParams,
): MethodOutcome {
  const commandInvocation: Invocation = { ...invocation, latencyMs: 0 };
  // The server upper-cases the batch's own keys, so cmd/CMD and halt/HALT all work.
  const options = phpUpperCaseKeys(params);
  const halt = isPhpTruthy(options.HALT);
  const commands = isPhpArray(options.CMD) ? phpEntries(options.CMD) : [];
  runtime.stats.recordBatch(commands.length);

  const results: BatchResults = {
    result: new Map(),
    error: new Map(),
    total: new Map(),
    next: new Map(),
    time: new Map(),
  };
  for (const [index, [key, command]] of commands.entries()) {
    let call: CallResult;
    if (index >= BATCH_MAX_LENGTH) call = { ok: false, error: batchLengthExceeded() };
    else if (typeof command === "string")
      call = runCommand(runtime, commandInvocation, command, results);
    else continue;
    record(runtime, results, key, call);
    if (!call.ok && halt) break;
  }

  return {
    result: {
      result: encodePhpMap(results.result),
      result_error: encodePhpMap(results.error),
      result_total: encodePhpMap(results.total),
      result_next: encodePhpMap(results.next),
      result_time: encodePhpMap(results.time),
    },
  };
}

function runCommand(
  runtime: PortalRuntime,
  invocation: Invocation,
  command: string,
  results: BatchResults,
): CallResult {
  const { method, query } = splitCommand(command);
  if (method.toLowerCase() === "batch") return { ok: false, error: batchMethodNotAllowed() };
  const params = substitutePlaceholders(parsePhpQuery(query), results) as RequestParams;
  return callMethod(runtime, invocation, method, params);
}

/** parse_url's path and query: "booking.v1.booking.get?id=14#ignored". */
function splitCommand(command: string): { method: string; query: string } {
  const withoutFragment = command.split("#", 1)[0] ?? "";
  const separator = withoutFragment.indexOf("?");
  return separator === -1
    ? { method: withoutFragment, query: "" }
    : { method: withoutFragment.slice(0, separator), query: withoutFragment.slice(separator + 1) };
}

function record(
  runtime: PortalRuntime,
  results: BatchResults,
  key: string,
  call: CallResult,
): void {
  if (!call.ok) {
    results.error.set(key, errorEnvelope(call.error));
    runtime.stats.recordError(call.error.code);
    return;
  }
  results.result.set(key, call.outcome.result);
  if (call.outcome.total !== undefined) results.total.set(key, call.outcome.total);
  if (call.outcome.next !== undefined) results.next.set(key, call.outcome.next);
  results.time.set(key, call.time);
}
