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
  const timezone = wire.timezone;
  return {
    timestamp,
    timezone,
    // Formatting local time is the dearest part of a booking: only a query that selects it pays.
    get iso() {
      return isoInZone(timestamp, timezone);
    },
  };
}
