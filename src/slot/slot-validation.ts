import { isKnownTimeZone } from "../booking/iso-in-zone";
import { userInputError } from "../errors/user-input-error";
import type { SlotInput } from "./slot.input";

const MINUTES_IN_DAY = 1440;

/** slots.set replaces every range, so an empty list is almost surely a mistake. */
export function validateSlots(field: string, slots: SlotInput[]): void {
  if (slots.length === 0) {
    throw userInputError(
      field,
      "must hold at least one slot range (use unsetResourceSlots to remove all)",
      slots,
    );
  }
  slots.forEach((slot, index) => validateSlot(`${field}[${index}]`, slot));
}

function validateSlot(field: string, slot: SlotInput): void {
  if (slot.from < 0 || slot.from >= MINUTES_IN_DAY) {
    throw userInputError(
      `${field}.from`,
      `must be minutes after midnight, 0 to ${MINUTES_IN_DAY - 1}`,
      slot.from,
    );
  }
  if (slot.to > MINUTES_IN_DAY) {
    throw userInputError(`${field}.to`, `must be at most ${MINUTES_IN_DAY} (midnight)`, slot.to);
  }
  if (slot.to <= slot.from) {
    throw userInputError(`${field}.to`, `must be after ${field}.from (${slot.from})`, slot.to);
  }
  if (slot.weekDays.length === 0) {
    throw userInputError(`${field}.weekDays`, "must hold at least one day", slot.weekDays);
  }
  const seen = new Set<string>();
  slot.weekDays.forEach((day, index) => {
    if (seen.has(day)) {
      throw userInputError(`${field}.weekDays[${index}]`, "must not repeat a day", day);
    }
    seen.add(day);
  });
  if (slot.slotSize < 1) {
    throw userInputError(`${field}.slotSize`, "must be 1 minute or more", slot.slotSize);
  }
  if (!isKnownTimeZone(slot.timezone)) {
    throw userInputError(
      `${field}.timezone`,
      'must be an IANA time zone such as "Europe/Berlin"',
      slot.timezone,
    );
  }
}
