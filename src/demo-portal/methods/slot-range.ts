import { isPhpArray, phpGet, phpValues, type PhpArray } from "../php-array";
import { toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type SlotRange, type WeekDay } from "../store";
import { isKnownTimeZone } from "./date-period";

export const SLOT_KEYS = ["from", "to", "timezone", "weekDays", "slotSize"] as const;

export const WEEK_DAYS: readonly WeekDay[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const MINUTES_IN_DAY = 1440;

export type SlotRangeDraft = Omit<SlotRange, "id">;

/**
 * One item of slots.set, checked the way the server's Range entity checks it. Any rule broken is
 * 422 "Invalid range fields": from and to are minutes 0..1440 with from strictly before to (the
 * docs say "greater than or equal", the entity refuses equal), weekDays is a non-empty list of
 * Mon..Sun (a single day may be sent bare, PHP's (array) cast wraps it), slotSize is not negative.
 * An unknown time zone is not an error: the entity quietly stores UTC instead.
 * GUESS: numbers that are not integers are refused; PHP's (int) cast would have read them as 0.
 */
export function readSlotRange(fields: PhpArray): SlotRangeDraft {
  const from = toInteger(phpGet(fields, "from"));
  const to = toInteger(phpGet(fields, "to"));
  const slotSize = toInteger(phpGet(fields, "slotSize"));
  const weekDays = readWeekDays(phpGet(fields, "weekDays"));
  const validTimes =
    from !== undefined && to !== undefined && from >= 0 && to <= MINUTES_IN_DAY && from < to;
  if (!validTimes || slotSize === undefined || slotSize < 0 || weekDays === undefined) {
    throw new PortalError("422", "Invalid range fields");
  }
  const timezone = phpGet(fields, "timezone");
  return {
    from,
    to,
    timezone: typeof timezone === "string" && isKnownTimeZone(timezone) ? timezone : "UTC",
    weekDays,
    slotSize,
  };
}

function readWeekDays(value: unknown): WeekDay[] | undefined {
  const items = isPhpArray(value) ? phpValues(value) : [value];
  if (items.length === 0) return undefined;
  const days = items.map((item) => WEEK_DAYS.find((day) => day === item));
  return days.every((day) => day !== undefined) ? days : undefined;
}
