/**
 * PHP arrays are ordered maps, and every decoded request value on the real server is one.
 * JSON bodies and parsed query strings are read through these helpers so that a JS array and
 * an object with index keys behave the same, as they would after json_decode or parse_str.
 */
export type PhpArray = Record<string, unknown> | unknown[];

export function isPhpArray(value: unknown): value is PhpArray {
  return typeof value === "object" && value !== null;
}

export function phpEntries(value: PhpArray): Array<[string, unknown]> {
  return Array.isArray(value)
    ? value.map((item, index): [string, unknown] => [String(index), item])
    : Object.entries(value);
}

export function phpValues(value: PhpArray): unknown[] {
  return Array.isArray(value) ? value : Object.values(value);
}

/** Reads a key without ever reaching into the prototype chain ("constructor", "__proto__"). */
export function phpGet(value: PhpArray, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * PHP's isset(): present and not null. Binding and "Required fields" checks treat a JSON null
 * as absent, like the server does.
 */
export function phpIsset(value: PhpArray, key: string): boolean {
  const item = phpGet(value, key);
  return item !== undefined && item !== null;
}

/** PHP truthiness, used for flags such as batch `halt` ("0", "" and empty arrays are false). */
export function isPhpTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (value === 0 || value === "" || value === "0") return false;
  if (isPhpArray(value)) return phpEntries(value).length > 0;
  return true;
}

/** PHP's intval(): leading digits of a string ("15abc" is 15), 0 for what has none. */
export function phpIntval(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const digits = /^\s*[+-]?\d+/.exec(value);
    return digits === null ? 0 : Number.parseInt(digits[0], 10);
  }
  return isPhpArray(value) && phpEntries(value).length > 0 ? 1 : 0;
}

/** array_change_key_case($value, CASE_UPPER): of keys that differ only in case, the last wins. */
export function phpUpperCaseKeys(value: PhpArray): Record<string, unknown> {
  return Object.fromEntries(phpEntries(value).map(([key, item]) => [key.toUpperCase(), item]));
}

/** How PHP prints a value inside an error message (`"{$value}"`). */
export function phpToString(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "1" : "";
  if (isPhpArray(value)) return "Array";
  return "";
}

/**
 * json_encode writes a PHP array as a JSON list only when its keys are exactly 0..n-1 in
 * order, and writes an empty array as `[]`. Batch result maps keep that quirk on the wire.
 */
export function encodePhpMap(entries: ReadonlyMap<string, unknown>): unknown {
  const keys = [...entries.keys()];
  if (keys.every((key, index) => key === String(index))) return [...entries.values()];
  return Object.fromEntries(entries);
}

/**
 * Turns every object whose keys are exactly "0".."n-1" into an array, recursively, so that
 * `clients[0][id]=1` from a form body and `{"clients": [{"id": 1}]}` from JSON look alike.
 */
export function listsAsArrays(value: unknown): unknown {
  if (!isPhpArray(value)) return value;
  if (Array.isArray(value)) return value.map(listsAsArrays);
  const entries = phpEntries(value).map(([key, item]): [string, unknown] => [
    key,
    listsAsArrays(item),
  ]);
  const isList = entries.length > 0 && entries.every(([key], index) => key === String(index));
  return isList ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}
