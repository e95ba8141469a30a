import qs from "qs";
import { listsAsArrays } from "./php-array";

/**
 * qs settings closest to PHP's parse_str:
 * - `arrayLimit: 0` makes any explicit index above 0 produce an object, so `cmd[0]&cmd[2]`
 *   keeps its keys instead of being compacted to a list (listsAsArrays then turns real
 *   0..n-1 runs back into arrays);
 * - depth 64 is PHP's max_input_nesting_level.
 */
const PARSE_OPTIONS: qs.IParseOptions = {
  arrayLimit: 0,
  depth: 64,
  parameterLimit: 10_000,
  allowPrototypes: false,
};

/**
 * Parses a query string or urlencoded body the way PHP does (`fields[datePeriod][from][timestamp]=…`,
 * `clients[0][id]=1`, `ids[]=1&ids[]=2`). Every leaf value stays a string, as in PHP.
 */
export function parsePhpQuery(query: string): Record<string, unknown> {
  const parsed = qs.parse(keepLastDuplicates(query), PARSE_OPTIONS);
  return listsAsArrays(parsed) as Record<string, unknown>;
}

/**
 * PHP lets a later `a=2` overwrite an earlier `a=1`; qs would combine them into ["1", "2"].
 * Dropping the earlier duplicates first keeps PHP's result; `a[]` still appends in both.
 */
function keepLastDuplicates(query: string): string {
  const pairs = query.split("&").filter((pair) => pair !== "");
  const keys = pairs.map(decodedKey);
  const lastIndexByKey = new Map<string, number>();
  keys.forEach((key, index) => lastIndexByKey.set(key, index));
  return pairs
    .filter((_pair, index) => {
      const key = keys[index] ?? "";
      return key.endsWith("[]") || lastIndexByKey.get(key) === index;
    })
    .join("&");
}

/**
 * The inverse, as PHP's http_build_query writes it: nested keys in brackets (`data[ID]=66`,
 * `auth[domain]=…`), lists with their indices, keys and values percent-encoded. Event deliveries
 * are posted in this form.
 */
export function encodePhpQuery(value: Record<string, unknown>): string {
  return qs.stringify(value, { arrayFormat: "indices", encoder: phpUrlencode });
}

/** PHP's urlencode: everything but letters, digits and "-_." is escaped, a space becomes "+". */
function phpUrlencode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

function decodedKey(pair: string): string {
  const separator = pair.indexOf("=");
  const rawKey = (separator === -1 ? pair : pair.slice(0, separator)).replace(/\+/g, " ");
  try {
    return decodeURIComponent(rawKey);
  } catch {
    return rawKey;
  }
}
