import { findBooking } from "./booking";
import { externalDataMethods } from "./external-data-methods";
import { type MethodGroup } from "./method";

/** booking.v1.booking.externalData.*: CRM deals linked to a booking. */
export const bookingExternalDataMethods: MethodGroup = externalDataMethods({
  prefix: "booking.v1.booking.externalData",
  idParam: "bookingId",
  find: (store, id) => findBooking(store, id, "1021"),
});
