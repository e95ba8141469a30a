import type { BoardBookingFragment } from "../gql/graphql";
import type { BoardDay } from "./board-day";
import { clientLabel, placement, timeRange } from "./booking-time";

/** One booking in a resource's column, placed by its time; a click opens it. */
export function BookingCard({
  booking,
  day,
  hours,
  scale,
  onOpen,
}: {
  booking: BoardBookingFragment;
  day: BoardDay;
  hours: [first: number, last: number];
  scale: number;
  onOpen: (bookingId: number) => void;
}) {
  const { top, height } = placement(booking, day, hours[0], hours[1]);
  return (
    <button
      type="button"
      className="booking-card"
      style={{ top: top * scale, minHeight: height * scale }}
      onClick={() => onOpen(booking.id)}
      aria-label={`Booking ${booking.id}: ${booking.name || "(no name)"}`}
    >
      <span className="booking-time">{timeRange(booking)}</span>
      <strong className="booking-name">{booking.name || "(no name)"}</strong>
      <span className="booking-clients">
        {booking.clients.map((client) => (
          <span key={`${client.type.code}-${client.id}`} className="client-chip">
            {clientLabel(client)}
          </span>
        ))}
      </span>
    </button>
  );
}
