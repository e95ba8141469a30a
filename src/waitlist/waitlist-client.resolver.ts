import { CLIENT_ITEMS } from "../client/client-items";
import { ownedListResolvers } from "../common/owned-list.resolvers";
import {
  SetWaitListItemClientsPayload,
  UnsetWaitListItemClientsPayload,
} from "./waitlist-client.payloads";
import { WAITLIST_ITEM_OWNER } from "./waitlist-item-owner";

/** `WaitListItem.clients`, `setWaitListItemClients` and `unsetWaitListItemClients`. */
export const WAITLIST_CLIENTS_RESOLVERS = ownedListResolvers({
  owner: WAITLIST_ITEM_OWNER,
  kind: CLIENT_ITEMS,
  field: {
    name: "clients",
    description:
      "CRM contacts and companies attached to the item (booking.v1.waitlist.client.list).",
  },
  set: {
    name: "setWaitListItemClients",
    payload: SetWaitListItemClientsPayload,
    description:
      "Replaces the whole client list of a waitlist item (booking.v1.waitlist.client.set). Clients not in `clients` are removed.",
  },
  unset: {
    name: "unsetWaitListItemClients",
    payload: UnsetWaitListItemClientsPayload,
    description: "Removes every client from a waitlist item (booking.v1.waitlist.client.unset).",
  },
  service: (ctx) => ctx.waitList.clients,
});
