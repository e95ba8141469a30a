import { PortalError } from "../portal-error";
import { type PortalStore, type WaitListItem } from "../store";

/** Every waitlist method answers a missing item with 1040 "Wait list not found", except delete. */
export function findWaitListItem(store: PortalStore, id: number): WaitListItem {
  const item = store.waitList.get(id);
  if (item === undefined) throw new PortalError("1040", "Wait list not found");
  return item;
}
