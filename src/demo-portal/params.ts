import { isPhpArray, phpGet, phpIsset, phpToString, type PhpArray } from "./php-array";
import { PortalError } from "./portal-error";

/**
 * Argument binding as the server's D7 controllers do it: action arguments are looked up by
 * exact name, and a missing or mistyped one is an ArgumentException with code 100.
 */
export type RequestParams = Record<string, unknown>;

export function bindInt(params: RequestParams, name: string): number {
  const value = requireParam(params, name);
  const integer = toInteger(value);
  if (integer === undefined) throw invalidParamType(name, value, "int");
  return integer;
}

export function bindArray(params: RequestParams, name: string): PhpArray {
  const value = requireParam(params, name);
  if (!isPhpArray(value)) throw invalidParamType(name, value, "array");
  return value;
}

/** For arguments with a default (`array $filter = []`): absent is fine, a scalar is not. */
export function bindOptionalArray(params: RequestParams, name: string): PhpArray | undefined {
  if (!phpIsset(params, name)) return undefined;
  return bindArray(params, name);
}

/**
 * Form bodies deliver every number as a string, so "14" binds to an int like 14 does;
 * "14.5", "abc" and booleans do not.
 */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== "string" || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

/**
 * The booking module's own check on keys inside `fields`, `filter` and similar objects:
 * code "0", listing every missing key.
 */
export function requireFields(container: PhpArray, names: readonly string[]): void {
  const missing = names.filter((name) => !phpIsset(container, name));
  if (missing.length > 0) throw new PortalError("0", `Required fields: ${missing.join(", ")}`);
}

function requireParam(params: RequestParams, name: string): unknown {
  const value = phpGet(params, name);
  if (value === undefined || value === null) {
    throw new PortalError("100", `Could not find value for parameter {${name}}`);
  }
  return value;
}

function invalidParamType(name: string, value: unknown, type: "int" | "array"): PortalError {
  return new PortalError(
    "100",
    `Invalid value {${phpToString(value)}} to match with parameter {${name}}. Should be value of type ${type}.`,
  );
}
