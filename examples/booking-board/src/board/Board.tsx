import { useQuery } from "@apollo/client/react";
import { ErrorNotice } from "../errors/ErrorNotice";
import type { BoardBookingFragment } from "../gql/graphql";
import { LiveBadge } from "../live/LiveBadge";
import { useBoardChanges } from "../live/useBoardChanges";
import { boardDay, shiftDay } from "./board-day";
import { BoardDayQuery } from "./board-operations";
import { BookingCard } from "./BookingCard";
import { OpenBookingForm } from "./OpenBookingForm";
import { useUrlParam } from "./url-state";

/** The hours the columns show; a booking outside them is drawn at the nearest edge. */
const FIRST_HOUR = 7;
const LAST_HOUR = 21;
/** Pixels per minute. */
const SCALE = 0.9;

/** One day's bookings, a column per resource, kept live by the bookingChanged subscription. */
export function Board({ onOpen }: { onOpen: (bookingId: number) => void }) {
  const [dayParam, setDayParam] = useUrlParam("day");
  const day = boardDay(dayParam);
  const { data, error, loading, refetch } = useQuery(BoardDayQuery, {
    variables: { from: day.from, to: day.to },
  });
  useBoardChanges(day, refetch);

  const resources = data?.resources.items ?? [];
  const bookings = data?.bookings.items ?? [];
  const hours = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, index) => FIRST_HOUR + index);

  return (
    <main className="board">
      <header className="board-header">
        <h1>Booking board</h1>
        <nav className="day-nav" aria-label="day">
          <button type="button" onClick={() => setDayParam(shiftDay(day, -1).key)}>
            ‹ Previous day
          </button>
          <input
            type="date"
            aria-label="day"
            value={day.key}
            onChange={(event) => event.target.value && setDayParam(event.target.value)}
          />
          <button type="button" onClick={() => setDayParam(shiftDay(day, 1).key)}>
            Next day ›
          </button>
        </nav>
        <OpenBookingForm onOpen={onOpen} />
        <LiveBadge />
      </header>
      <ErrorNotice error={error} />
      {loading && !data && <p className="loading">Loading…</p>}
      <section
        className="columns"
        style={{ gridTemplateColumns: `4rem repeat(${resources.length}, 1fr)` }}
      >
        <div className="hours" style={{ height: (LAST_HOUR - FIRST_HOUR) * 60 * SCALE }}>
          {hours.map((hour) => (
            <span key={hour} style={{ top: (hour - FIRST_HOUR) * 60 * SCALE }}>
              {String(hour).padStart(2, "0")}:00
            </span>
          ))}
        </div>
        {resources.map((resource) => (
          <div key={resource.id} className="column" role="region" aria-label={resource.name}>
            <h2>{resource.name}</h2>
            <div className="slots" style={{ height: (LAST_HOUR - FIRST_HOUR) * 60 * SCALE }}>
              {bookings
                .filter((booking: BoardBookingFragment) =>
                  booking.resourceIds.includes(resource.id),
                )
                .map((booking) => (
                  <BookingCard
                    key={booking.id}
                    booking={booking}
                    day={day}
                    hours={[FIRST_HOUR, LAST_HOUR]}
                    scale={SCALE}
                    onOpen={onOpen}
                  />
                ))}
            </div>
          </div>
        ))}
      </section>
      {data && bookings.length === 0 && <p className="empty">No bookings on {day.key}.</p>}
    </main>
  );
}
