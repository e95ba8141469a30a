import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { ErrorNotice } from "../errors/ErrorNotice";
import { RenameBookingMutation } from "./booking-operations";

/** The booking's name, saved with updateBooking; the answer refreshes every card of it. */
export function RenameForm({ bookingId, name }: { bookingId: number; name: string }) {
  const [draft, setDraft] = useState(name);
  const [rename, { loading, error, data }] = useMutation(RenameBookingMutation);
  const save = (event: FormEvent) => {
    event.preventDefault();
    rename({ variables: { id: bookingId, name: draft } }).catch(() => undefined);
  };
  return (
    <form className="rename-form" onSubmit={save}>
      <label>
        Name
        <input value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit" disabled={loading}>
        Save name
      </button>
      {data && !loading && !error && <span role="status">Saved</span>}
      <ErrorNotice error={error} />
    </form>
  );
}
