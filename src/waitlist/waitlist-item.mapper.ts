import type { WireWaitListItem } from "../bitrix/waitlist-wire-types";
import type { WaitListItem } from "./waitlist-item.type";

/** An empty note (the documented default) and a missing one both read as null. */
export function toWaitListItem(wire: WireWaitListItem): WaitListItem {
  return { id: Number(wire.id), note: wire.note === "" ? null : (wire.note ?? null) };
}
