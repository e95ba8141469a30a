import { useState, type FormEvent } from "react";

/** Opens a booking by its id, wherever it is in the calendar. */
export function OpenBookingForm({ onOpen }: { onOpen: (bookingId: number) => void }) {
  const [id, setId] = useState("");
  const open = (event: FormEvent) => {
    event.preventDefault();
    // The gateway checks the id (a positive integer) and says so by its code; the form only
    // sends numbers, so that the browser's own number input does the typing.
    if (id !== "") onOpen(Number(id));
  };
  return (
    <form className="open-booking" onSubmit={open}>
      <label>
        Booking #
        <input
          type="number"
          inputMode="numeric"
          value={id}
          onChange={(event) => setId(event.target.value)}
          aria-label="booking id"
        />
      </label>
      <button type="submit">Open</button>
    </form>
  );
}
