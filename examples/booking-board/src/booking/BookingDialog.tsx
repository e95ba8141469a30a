import { useQuery } from "@apollo/client/react";
import { timeRange } from "../board/booking-time";
import { ErrorNotice } from "../errors/ErrorNotice";
import { BookingDetailsQuery } from "./booking-operations";
import { ClientsEditor } from "./ClientsEditor";
import { RenameForm } from "./RenameForm";

/**
 * One booking, opened from the board or by its id: rename it, and set its clients. A missing booking
 * shows the gateway's BOOKING_NOT_FOUND, as every error here shows its code.
 */
export function BookingDialog({ bookingId, onClose }: { bookingId: number; onClose: () => void }) {
  const { data, error, loading } = useQuery(BookingDetailsQuery, {
    variables: { id: bookingId },
    // A missing booking is data (null) plus an error: keep both.
    errorPolicy: "all",
  });
  const booking = data?.booking;

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="booking-dialog-title"
        className="dialog"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="dialog-header">
          <h2 id="booking-dialog-title">Booking {bookingId}</h2>
          <button type="button" onClick={onClose} aria-label="close">
            ×
          </button>
        </header>
        {loading && <p className="loading">Loading…</p>}
        <ErrorNotice error={error} />
        {booking && (
          <>
            <p className="dialog-when">
              {new Date(booking.datePeriod.from.iso).toLocaleDateString("en-GB", {
                timeZone: booking.datePeriod.from.timezone,
                dateStyle: "full",
              })}
              , {timeRange(booking)} ({booking.datePeriod.from.timezone})
            </p>
            {booking.description && <p className="dialog-description">{booking.description}</p>}
            <RenameForm key={`name-${booking.id}`} bookingId={booking.id} name={booking.name} />
            <ClientsEditor
              key={`clients-${booking.id}`}
              bookingId={booking.id}
              clients={booking.clients}
              choices={data.clientTypes.map((type) => type.code)}
            />
          </>
        )}
      </div>
    </div>
  );
}
