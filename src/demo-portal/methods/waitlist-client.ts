import { clientMethods } from "./client-methods";
import { type MethodGroup } from "./method";
import { findWaitListItem } from "./waitlist-item";

/** booking.v1.waitlist.client.*: the CRM contacts and companies attached to a waitlist item. */
export const waitListClientMethods: MethodGroup = clientMethods({
  prefix: "booking.v1.waitlist.client",
  idParam: "waitListId",
  listKey: "waitListClient",
  find: (store, id) => findWaitListItem(store, id),
});
