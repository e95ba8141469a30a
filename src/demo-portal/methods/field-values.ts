import { isPhpArray, phpToString } from "../php-array";
import { toInteger } from "../params";
import { PortalError } from "../portal-error";

/**
 * Readers for single values inside `fields` and `filter`. Each returns undefined for a value it
 * cannot accept, and the caller answers with invalidFieldValue(name).
 */

/** The booking module's INVALID_ARGUMENT wording (ErrorCode::getInvalidArgumentError). */
export function invalidFieldValue(name: string): PortalError {
  return new PortalError("422", `Invalid value of the ${name} field`);
}

/**
 * Flags travel as "Y"/"N" strings. JSON booleans are taken too, since a form body cannot carry
 * them and a JSON client may send them. GUESS: anything else is refused with 422.
 */
export function readYesNo(value: unknown): boolean | undefined {
  if (value === "Y" || value === true) return true;
  if (value === "N" || value === false) return false;
  return undefined;
}

export function yesNo(flag: boolean): "Y" | "N" {
  return flag ? "Y" : "N";
}

/** Integers, also as the numeric strings a form body delivers. */
export function readInteger(value: unknown): number | undefined {
  return toInteger(value);
}

/** Scalars as PHP would print them; arrays have no text form and are refused. */
export function readText(value: unknown): string | undefined {
  if (value === undefined || value === null || isPhpArray(value)) return undefined;
  return phpToString(value);
}

/** A reader that accepts only the listed strings, compared exactly. */
export function readOneOf<T extends string>(
  allowed: readonly T[],
): (value: unknown) => T | undefined {
  return (value) => allowed.find((item) => item === value);
}
