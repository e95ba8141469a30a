import type { WireWaitListItem } from "../bitrix/waitlist-wire-types";
import type { ListOwner } from "../common/owned-list.resolvers";
import { toWaitListItem } from "./waitlist-item.mapper";
import { WaitListItem } from "./waitlist-item.type";

/** A waitlist item as the owner of its client and link lists. */
export const WAITLIST_ITEM_OWNER: ListOwner<WireWaitListItem, WaitListItem> = {
  type: WaitListItem,
  idArg: "waitListItemId",
  payloadField: "waitListItem",
  label: (id) => `waitlist item ${id}`,
  idOf: (item) => item.id,
  toGraphQL: toWaitListItem,
};
