import DataLoader from "dataloader";
import type { BookingApi } from "./bitrix/booking-api";
import type { WireBooking, WireClient } from "./bitrix/wire-types";

/**
 * Per-request loaders for every read by key: they dedupe keys and cache within one GraphQL request,
 * so a booking asked for by several fields is fetched once. A miss comes back as an Error in its
 * key's place, failing only the fields that asked for it.
 */
export interface Loaders {
  bookingById: DataLoader<number, WireBooking>;
  clientsByBookingId: DataLoader<number, WireClient[]>;
}

export function createLoaders(api: BookingApi): Loaders {
  return {
    bookingById: new DataLoader((ids) => settle(ids.map((id) => api.getBooking(id)))),
    clientsByBookingId: new DataLoader((ids) =>
      settle(ids.map((id) => api.listBookingClients(id))),
    ),
  };
}

/** Resolves every promise, turning rejections into Error values as DataLoader expects. */
function settle<T>(promises: Array<Promise<T>>): Promise<Array<T | Error>> {
  return Promise.all(
    promises.map((promise) =>
      promise.catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ),
  );
}
