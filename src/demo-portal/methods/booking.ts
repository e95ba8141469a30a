import { bindArray, bindInt, bindOptionalArray, requireFields } from "../params";
import { PortalError } from "../portal-error";
import { type Booking, type PortalStore } from "../store";
import { readBookingFields, REQUIRED_ON_ADD } from "./booking-fields";
import { readBookingFilter, readBookingOrder } from "./booking-list-query";
import { pagedList, type MethodGroup } from "./method";
import { bookingView } from "./views";

/**
 * booking.v1.booking.*: the bookings themselves (clients and links live in booking-client.ts and
 * booking-external-data.ts, createfromwaitlist in waitlist-transfer.ts).
 */
export const bookingMethods: MethodGroup = {
  /** Overlapping bookings are accepted: the REST path runs with allowOverbooking. */
  "booking.v1.booking.add": ({ params, store, now }) => {
    const fields = bindArray(params, "fields");
    requireFields(fields, REQUIRED_ON_ADD);
    const { name = "", description = null, resourceIds, period } = readBookingFields(fields, store);
    if (resourceIds === undefined || period === undefined) {
      throw new Error("booking.add: required fields passed the check but were not read");
    }
    const booking = store.bookings.insert({
      name,
      description,
      resourceIds,
      period,
      clients: [],
      externalData: [],
      note: null,
      createdAt: Math.floor(now),
    });
    // The result is the bare id, not {id}: the docs example is wrong, the source and SDKs agree.
    return { result: booking.id, events: [{ name: "ONBOOKINGADD", id: booking.id }] };
  },

  "booking.v1.booking.get": ({ params, store }) => {
    const booking = findBooking(store, bindInt(params, "id"), "1021");
    return { result: { booking: bookingView(booking) } };
  },

  "booking.v1.booking.list": ({ params, store, window }) => {
    const filter = bindOptionalArray(params, "filter") ?? {};
    const order = bindOptionalArray(params, "order") ?? {};
    const matches = readBookingFilter(filter);
    const compare = readBookingOrder(order);
    const rows = [...store.bookings.values()].filter(matches).sort(compare).map(bookingView);
    return pagedList("booking", rows, window);
  },

  /** Not found is 1019 here (BOOKING_UPDATE), unlike get's 1021. */
  "booking.v1.booking.update": ({ params, store }) => {
    const id = bindInt(params, "id");
    const fields = bindArray(params, "fields");
    const booking = findBooking(store, id, "1019");
    Object.assign(booking, readBookingFields(fields, store));
    return { result: true, events: [{ name: "ONBOOKINGUPDATE", id }] };
  },

  /**
   * GUESS: the docs list only code 100 for delete. A missing booking answers 1021 "Booking not
   * found", the code the other booking methods use for a missing booking.
   */
  "booking.v1.booking.delete": ({ params, store }) => {
    const booking = findBooking(store, bindInt(params, "id"), "1021");
    store.bookings.delete(booking.id);
    return { result: true, events: [{ name: "ONBOOKINGDELETE", id: booking.id }] };
  },
};

export function findBooking(store: PortalStore, id: number, notFoundCode: string): Booking {
  const booking = store.bookings.get(id);
  if (booking === undefined) throw new PortalError(notFoundCode, "Booking not found");
  return booking;
}
