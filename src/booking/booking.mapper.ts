import type { WireBooking, WireDateBoundary } from "../bitrix/wire-types";
import type { Booking } from "./booking.type";
import type { DateBoundary } from "./date-boundary.type";
import { isoInZone } from "./iso-in-zone";

export function toBooking(wire: WireBooking): Booking {
  return {
    id: Number(wire.id),
    name: wire.name ?? "",
    description: wire.description ?? null,
    datePeriod: {
      from: toDateBoundary(wire.datePeriod.from),
      to: toDateBoundary(wire.datePeriod.to),
    },
    resourceIds: (wire.resourceIds ?? []).map(Number),
  };
}

function toDateBoundary(wire: WireDateBoundary): DateBoundary {
  const timestamp = Number(wire.timestamp);
  return { timestamp, timezone: wire.timezone, iso: isoInZone(timestamp, wire.timezone) };
}
