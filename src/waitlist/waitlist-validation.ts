import { userInputError } from "../errors/user-input-error";
import type { DayRangeInput } from "./waitlist-filter.input";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day range for `filter.createdWithin`, in the portal's `dd.mm.yyyy` form. Both ends must be real
 * calendar days and `from` before `to`, or the range holds no day at all.
 */
export function toWireDayRange(field: string, range: DayRangeInput): { from: string; to: string } {
  const from = readDay(`${field}.from`, range.from);
  const to = readDay(`${field}.to`, range.to);
  if (to.midnight <= from.midnight) {
    throw userInputError(
      `${field}.to`,
      `must be a day after ${field}.from (${range.from})`,
      range.to,
    );
  }
  return { from: from.wire, to: to.wire };
}

function readDay(field: string, value: string): { midnight: number; wire: string } {
  const match = DAY.exec(value);
  const rule = 'must be a calendar day as "YYYY-MM-DD"';
  if (!match) throw userInputError(field, rule, value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = Date.UTC(year, month - 1, day);
  const date = new Date(midnight);
  // Date.UTC rolls 2026-02-31 over into March; a real day survives the round trip.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw userInputError(field, rule, value);
  }
  return { midnight, wire: `${match[3]}.${match[2]}.${match[1]}` };
}
