import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { BoardDay } from "../board/board-day";
import { BoardChangesSubscription, BoardDayQuery } from "../board/board-operations";

/**
 * Keeps the board live. A change carries the booking as it is now, with the card's fields, and
 * Apollo's cache stores it under `Booking:<id>`: a booking already on the board is redrawn from the
 * change itself, with no request. Only when the day's list itself changes (a booking added, deleted,
 * or moved onto or off the day) is the list read again.
 */
export function useBoardChanges(day: BoardDay, refetchDay: () => unknown): void {
  const client = useApolloClient();
  useSubscription(BoardChangesSubscription, {
    onData: ({ data }) => {
      const change = data.data?.bookingChanged;
      if (!change) return;
      if (change.kind === "DELETED") {
        client.cache.evict({ id: client.cache.identify({ __typename: "Booking", id: change.id }) });
        client.cache.gc();
      }
      const shown = client.cache.readQuery({
        query: BoardDayQuery,
        variables: { from: day.from, to: day.to },
      });
      const onBoard = shown?.bookings.items.some((booking) => booking.id === change.id) ?? false;
      const period = change.booking?.datePeriod;
      const onDay =
        period !== undefined && period.from.timestamp < day.to && period.to.timestamp > day.from;
      if (change.kind !== "UPDATED" || onBoard !== onDay) void refetchDay();
    },
  });
}
