import { externalDataMethods } from "./external-data-methods";
import { type MethodGroup } from "./method";
import { findWaitListItem } from "./waitlist-item";

/** booking.v1.waitlist.externalData.*: CRM deals linked to a waitlist item. */
export const waitListExternalDataMethods: MethodGroup = externalDataMethods({
  prefix: "booking.v1.waitlist.externalData",
  idParam: "waitListId",
  find: (store, id) => findWaitListItem(store, id),
});
