import { unknownValueError } from "../errors/unknown-value-error";
import type { WireSlot, WireSlotFields } from "../bitrix/resource-wire-types";
import type { SlotInput } from "./slot.input";
import type { Slot } from "./slot.type";
import { WIRE_WEEK_DAYS, WeekDay } from "./week-day.enum";

const WEEK_ORDER = Object.values(WeekDay);
const FROM_WIRE = new Map(
  Object.entries(WIRE_WEEK_DAYS).map(([day, wire]) => [wire.toLowerCase(), day as WeekDay]),
);

export function toSlot(wire: WireSlot): Slot {
  const from = Number(wire.from);
  const to = Number(wire.to);
  return {
    id: Number(wire.id),
    from,
    to,
    fromTime: clockTime(from),
    toTime: clockTime(to),
    weekDays: toWeekDays(wire.weekDays ?? []),
    slotSize: Number(wire.slotSize),
    timezone: wire.timezone,
  };
}

export function toWireSlot(input: SlotInput): WireSlotFields {
  return {
    from: input.from,
    to: input.to,
    timezone: input.timezone,
    weekDays: sortedDays(input.weekDays).map((day) => WIRE_WEEK_DAYS[day]),
    slotSize: input.slotSize,
  };
}

/** Minutes after midnight as "HH:MM"; 1440, the end of the day, is "24:00". */
export function clockTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A day the portal sent that this API does not know fails only the `slots` field. */
function toWeekDays(wire: string[]): WeekDay[] {
  return sortedDays(
    (Array.isArray(wire) ? wire : Object.values(wire)).map((day) => {
      const known = FROM_WIRE.get(String(day).toLowerCase());
      if (!known) {
        throw unknownValueError("the week day", day);
      }
      return known;
    }),
  );
}

function sortedDays(days: WeekDay[]): WeekDay[] {
  return [...days].sort((a, b) => WEEK_ORDER.indexOf(a) - WEEK_ORDER.indexOf(b));
}
