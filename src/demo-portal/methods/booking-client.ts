import { findBooking } from "./booking";
import { clientMethods } from "./client-methods";
import { type MethodGroup } from "./method";

/** booking.v1.booking.client.*: the CRM contacts and companies attached to a booking. */
export const bookingClientMethods: MethodGroup = clientMethods({
  prefix: "booking.v1.booking.client",
  idParam: "bookingId",
  listKey: "bookingClient",
  find: (store, id) => findBooking(store, id, "1021"),
});
