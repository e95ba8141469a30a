import { stringify } from "qs";
import type { BitrixParams } from "./http-client";

/**
 * One `batch` command: `method?query`, the query in PHP's nested-key form (`clients[0][id]=1`), which the
 * portal reads back with `parse_str`. Placeholders such as `$result[add]` survive the URL encoding,
 * because the portal substitutes them after decoding.
 */
export function encodeBatchCommand(method: string, params: BitrixParams): string {
  const query = stringify(params, { arrayFormat: "indices" });
  return query ? `${method}?${query}` : method;
}

/** The key of the command at `index` of a batch this gateway sends. */
export function commandKey(index: number): string {
  return `c${index}`;
}

/** A value that the portal replaces with the result of an earlier command of the same batch. */
export function resultOf(index: number): string {
  return `$result[${commandKey(index)}]`;
}
