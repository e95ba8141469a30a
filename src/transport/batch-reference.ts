import { resultOf } from "./batch-command";
import type { BitrixParams } from "./http-client";

/**
 * Inside a `batch`, Bitrix24 replaces `$result[key]…` in a command's values with what an earlier
 * command of the same batch returned (CRestUtil::ParseBatchQuery), and likewise `$error[`,
 * `$total[`, `$next[` and `$time[` (`$result_error[` and the like match too, as `$result` followed by
 * more). A batch folds calls of concurrent requests of one identity, so a client's string that
 * holds such a reference would read another request's answer. Any `$` followed by one of these
 * words counts, in any case and whatever follows: a false alarm only costs a call its folding.
 */
const REFERENCE = /\$(?:result|error|total|next|time)/i;

/**
 * Whether any value of `params`, or any key, at any depth, holds batch reference syntax. A call
 * that does must not travel inside a `batch`: sent on its own, the portal reads it literally.
 *
 * `earlier` is for a sequence (see Upstream.sequence): the gateway chains a call to the command
 * at index i < earlier with a value that is exactly `resultOf(i)`, and those are its own. Such a
 * reference reads an answer of the same request, never another's.
 */
export function holdsBatchReference(params: BitrixParams, earlier = 0): boolean {
  // Every call passes here on its way into the queue: a lone call builds nothing.
  const own =
    earlier === 0 ? NONE : new Set(Array.from({ length: earlier }, (_, index) => resultOf(index)));
  return holds(params, own);
}

const NONE: ReadonlySet<string> = new Set();

function holds(value: unknown, own: ReadonlySet<string>): boolean {
  if (typeof value === "string") return !own.has(value) && REFERENCE.test(value);
  if (typeof value !== "object" || value === null) return false;
  for (const [key, item] of Object.entries(value)) {
    if (REFERENCE.test(key) || holds(item, own)) return true;
  }
  return false;
}

/**
 * `params` with each value that is exactly `resultOf(i)` replaced by `results[i]`, as the portal
 * would have replaced it inside a batch: for the calls of a sequence sent one after another as plain
 * calls, where the portal replaces nothing.
 */
export function withOwnResults(params: BitrixParams, results: readonly unknown[]): BitrixParams {
  const own = new Map(results.map((result, index) => [resultOf(index), result]));
  return put(params, own) as BitrixParams;
}

function put(value: unknown, own: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === "string") return own.has(value) ? own.get(value) : value;
  if (Array.isArray(value)) return value.map((item) => put(item, own));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, put(item, own)]));
}
