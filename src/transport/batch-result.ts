import type { BitrixSuccess, BitrixTime } from "./envelope";
import { BitrixApiError, BitrixError, BitrixNotExecutedError } from "./errors";
import { STATUS_OF_CODE } from "./protocol";

/** What one command of a batch came to. */
export type CommandOutcome = { ok: true; value: BitrixSuccess } | { ok: false; error: BitrixError };

/**
 * Splits a `batch` result into one outcome per command key. Each inner map may arrive as a JSON
 * object or, when PHP saw keys 0..n-1, as an array; an empty map arrives as `[]`. Every string in
 * `result` was scrubbed of credentials when the answer was parsed (parseEnvelope), each command's
 * error code and description included, so none is scrubbed here.
 */
export function readBatchResult(
  result: unknown,
  commands: ReadonlyArray<{ key: string; method: string }>,
): CommandOutcome[] {
  const body = asMap(result);
  const results = asMap(body.result);
  const errors = asMap(body.result_error);
  const totals = asMap(body.result_total);
  const nexts = asMap(body.result_next);
  const times = asMap(body.result_time);

  return commands.map(({ key, method }): CommandOutcome => {
    const error = errors[key] as { error?: unknown; error_description?: unknown } | undefined;
    if (error && (typeof error.error === "string" || typeof error.error === "number")) {
      const code = String(error.error);
      const description =
        typeof error.error_description === "string" ? error.error_description : "";
      return {
        ok: false,
        error: new BitrixApiError(code, description, method, STATUS_OF_CODE[code] ?? 400),
      };
    }
    if (!(key in results)) return { ok: false, error: new BitrixNotExecutedError(method) };
    const value: BitrixSuccess = { result: results[key] };
    const time = times[key];
    if (time && typeof time === "object") value.time = time as BitrixTime;
    if (typeof totals[key] === "number") value.total = totals[key];
    if (typeof nexts[key] === "number") value.next = nexts[key];
    return { ok: true, value };
  });
}

function asMap(value: unknown): Record<string, unknown> {
  if (Array.isArray(value))
    return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}
