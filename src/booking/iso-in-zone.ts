import { LRUCache } from "lru-cache";
import { canonicalTimeZone } from "./time-zone-name";

/**
 * Formats a Unix time as ISO-8601 local time with the UTC offset of an IANA zone, which is what a
 * browser needs to show the time the booking was made in. An unknown zone falls back to UTC.
 */
export function isoInZone(timestamp: number, timeZone: string): string {
  const date = new Date(timestamp * 1000);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(date);
  } catch {
    return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const localAsUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  const offsetMinutes = Math.round((localAsUtc - Math.floor(timestamp) * 1000) / 60_000);
  const local = new Date(localAsUtc).toISOString().slice(0, 19);
  return `${local}${formatOffset(offsetMinutes)}`;
}

/**
 * One formatter per canonical zone, the most the runtime knows (some 600 names), so the cache cannot
 * grow with what callers send. Bounded all the same, should a runtime accept open-ended names (UTC
 * offsets such as "+05:30").
 */
const formatters = new LRUCache<string, Intl.DateTimeFormat>({ max: 700 });

/** Throws a RangeError for a zone the runtime does not know, as the Intl constructor would. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const canonical = canonicalTimeZone(timeZone);
  if (canonical === undefined)
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  let formatter = formatters.get(canonical);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: canonical,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(canonical, formatter);
  }
  return formatter;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whether `timeZone` names a zone this runtime knows, in any case ("europe/berlin" too). */
export function isKnownTimeZone(timeZone: string): boolean {
  // Only the name is checked: a formatter is built when a time is formatted in the zone.
  return canonicalTimeZone(timeZone) !== undefined;
}
