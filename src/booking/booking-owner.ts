import type { WireBooking } from "../bitrix/wire-types";
import type { ListOwner } from "../common/owned-list.resolvers";
import { toBooking } from "./booking.mapper";
import { Booking } from "./booking.type";

/** A booking as the owner of its client and link lists. */
export const BOOKING_OWNER: ListOwner<WireBooking, Booking> = {
  type: Booking,
  idArg: "bookingId",
  payloadField: "booking",
  label: (id) => `booking ${id}`,
  idOf: (booking) => booking.id,
  toGraphQL: toBooking,
};
