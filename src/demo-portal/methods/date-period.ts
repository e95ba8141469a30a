import { isPhpArray, phpGet } from "../php-array";
import { toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type BookingTime, type DatePeriod } from "../store";

/**
 * Reads `datePeriod: {from: {timestamp, timezone}, to: {…}}`. Anything wrong with it (a missing
 * end, a non-numeric timestamp, an unknown zone, an end not after the start) is the booking
 * module's INVALID_ARGUMENT: code 422 "Invalid date period".
 */
export function readDatePeriod(value: unknown): DatePeriod {
  if (!isPhpArray(value)) throw invalidDatePeriod();
  const from = readBookingTime(phpGet(value, "from"));
  const to = readBookingTime(phpGet(value, "to"));
  if (from.timestamp >= to.timestamp) throw invalidDatePeriod();
  return { from, to };
}

export function invalidDatePeriod(): PortalError {
  return new PortalError("422", "Invalid date period");
}

function readBookingTime(value: unknown): BookingTime {
  if (!isPhpArray(value)) throw invalidDatePeriod();
  const timestamp = toInteger(phpGet(value, "timestamp"));
  const timezone = phpGet(value, "timezone");
  if (timestamp === undefined || typeof timezone !== "string" || !isKnownTimeZone(timezone)) {
    throw invalidDatePeriod();
  }
  return { timestamp, timezone };
}

/**
 * PHP's DateTimeZone accepts IANA names case-insensitively, and so does Intl. Nothing is remembered:
 * the names come from callers, and a map of them would grow with every new spelling.
 */
export function isKnownTimeZone(name: string): boolean {
  if (name.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
