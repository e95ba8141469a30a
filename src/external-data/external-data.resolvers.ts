import { BOOKING_OWNER } from "../booking/booking-owner";
import { ownedListResolvers } from "../common/owned-list.resolvers";
import { WAITLIST_ITEM_OWNER } from "../waitlist/waitlist-item-owner";
import { EXTERNAL_DATA_ITEMS } from "./external-data-items";
import {
  SetBookingExternalDataPayload,
  SetWaitListItemExternalDataPayload,
  UnsetBookingExternalDataPayload,
  UnsetWaitListItemExternalDataPayload,
} from "./external-data.payloads";

/** `Booking.externalData`, `setBookingExternalData` and `unsetBookingExternalData`. */
export const BOOKING_EXTERNAL_DATA_RESOLVERS = ownedListResolvers({
  owner: BOOKING_OWNER,
  kind: EXTERNAL_DATA_ITEMS,
  field: {
    name: "externalData",
    description:
      "Records linked to the booking, e.g. CRM deals (booking.v1.booking.externalData.list).",
  },
  set: {
    name: "setBookingExternalData",
    payload: SetBookingExternalDataPayload,
    description:
      "Replaces every link of a booking (booking.v1.booking.externalData.set). Links not in `externalData` are removed.",
  },
  unset: {
    name: "unsetBookingExternalData",
    payload: UnsetBookingExternalDataPayload,
    description: "Removes every link of a booking (booking.v1.booking.externalData.unset).",
  },
  service: (ctx) => ctx.bookings.externalData,
});

/** `WaitListItem.externalData`, `setWaitListItemExternalData` and `unsetWaitListItemExternalData`. */
export const WAITLIST_EXTERNAL_DATA_RESOLVERS = ownedListResolvers({
  owner: WAITLIST_ITEM_OWNER,
  kind: EXTERNAL_DATA_ITEMS,
  field: {
    name: "externalData",
    description:
      "Records linked to the item, e.g. CRM deals (booking.v1.waitlist.externalData.list).",
  },
  set: {
    name: "setWaitListItemExternalData",
    payload: SetWaitListItemExternalDataPayload,
    description:
      "Replaces every link of a waitlist item (booking.v1.waitlist.externalData.set). Links not in `externalData` are removed.",
  },
  unset: {
    name: "unsetWaitListItemExternalData",
    payload: UnsetWaitListItemExternalDataPayload,
    description: "Removes every link of a waitlist item (booking.v1.waitlist.externalData.unset).",
  },
  service: (ctx) => ctx.waitList.externalData,
});
