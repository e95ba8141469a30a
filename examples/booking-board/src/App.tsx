import { Board } from "./board/Board";
import { useUrlParam } from "./board/url-state";
import { BookingDialog } from "./booking/BookingDialog";

/** The board, and the booking open over it (`?booking=<id>`, so a reload keeps it open). */
export function App() {
  const [opened, setOpened] = useUrlParam("booking");
  const bookingId = opened === null ? undefined : Number(opened);
  return (
    <>
      <Board onOpen={(id) => setOpened(String(id))} />
      {bookingId !== undefined && (
        <BookingDialog key={bookingId} bookingId={bookingId} onClose={() => setOpened(null)} />
      )}
    </>
  );
}
