import type { BoardBookingFragment } from "../gql/graphql";

/** "11:00–12:00", in the time zone the booking was made in (what its customer was told). */
export function timeRange(booking: BoardBookingFragment): string {
  const { from, to } = booking.datePeriod;
  const clock = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: from.timezone,
  });
  return `${clock.format(new Date(from.iso))}–${clock.format(new Date(to.iso))}`;
}

/** Where a card sits in its column: minutes from the board's first hour, and its length. */
export function placement(
  booking: BoardBookingFragment,
  day: { from: number; to: number },
  firstHour: number,
  lastHour: number,
): { top: number; height: number } {
  const start = Math.max(booking.datePeriod.from.timestamp, day.from);
  const end = Math.min(booking.datePeriod.to.timestamp, day.to);
  const minutesFrom = (time: number) =>
    Math.min(Math.max((time - day.from) / 60 - firstHour * 60, 0), (lastHour - firstHour) * 60);
  const top = minutesFrom(start);
  return { top, height: Math.max(minutesFrom(end) - top, 20) };
}

/** "Contact 1", "Company 3": the client's CRM kind and id (names live in the CRM subgraph). */
export function clientLabel(client: { id: number; type: { code: string } }): string {
  const kind = client.type.code.charAt(0) + client.type.code.slice(1).toLowerCase();
  return `${kind} ${client.id}`;
}
