import { isPhpArray, phpGet } from "../php-array";
import { requireFields } from "../params";
import { PortalError } from "../portal-error";

/** Day boundaries as Unix seconds: `from` inclusive, `to` exclusive. */
export interface CreatedWindow {
  from: number;
  to: number;
}

/**
 * Reads `filter.createdWithin: {from, to}` (waitlist.list, and booking.list per the source).
 * Both dates are `dd.mm.yyyy` days; `from` counts from its midnight, `to` stops at its midnight.
 * A value that is not an object is reported like a missing one ("Required fields: createdWithin"),
 * as the server's required-field walk does; a missing end is code 0; a date that is not a real
 * `dd.mm.yyyy` day is 422 "Invalid date".
 * GUESS: days are taken in UTC (the server uses the portal's time zone, which the demo lacks).
 */
export function readCreatedWithin(value: unknown): CreatedWindow {
  if (!isPhpArray(value)) throw new PortalError("0", "Required fields: createdWithin");
  requireFields(value, ["from", "to"]);
  return { from: readDay(phpGet(value, "from")), to: readDay(phpGet(value, "to")) };
}

export function isCreatedWithin(createdAt: number, window: CreatedWindow): boolean {
  return createdAt >= window.from && createdAt < window.to;
}

const DAY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/;

function readDay(value: unknown): number {
  const match = typeof value === "string" ? DAY.exec(value) : null;
  if (match === null) throw invalidDate();
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = Date.UTC(year, month - 1, day);
  const date = new Date(midnight);
  // Date.UTC rolls 31.02 over into March (and maps years 0-99 to 19xx); a real day survives
  // the round trip unchanged.
  const roundTrip = [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()];
  if (roundTrip.join() !== [day, month, year].join()) throw invalidDate();
  return midnight / 1000;
}

function invalidDate(): PortalError {
  return new PortalError("422", "Invalid date");
}
