import { isPhpArray, phpGet, type PhpArray } from "../php-array";
import { bindInt, toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type BookingClient, type PortalStore } from "../store";
import { findClientType } from "./client-types";
import { wholeList, type MethodGroup } from "./method";
import { readSetItems } from "./set-items";
import { bookingClientView } from "./views";

/** Something that holds CRM clients: a booking or a waitlist item. */
export interface ClientOwner {
  /** "booking.v1.booking.client" or "booking.v1.waitlist.client". */
  prefix: string;
  /** The id argument: bookingId or waitListId. */
  idParam: string;
  /** The list result key: bookingClient or waitListClient. */
  listKey: string;
  /** Throws the owner's own not-found error. */
  find: (store: PortalStore, id: number) => { clients: BookingClient[] };
}

/**
 * `<prefix>.list/set/unset`. Bookings and waitlist items take the same client shape and answer
 * alike; only the argument name, the list key and the not-found error differ.
 *
 * `set` replaces the whole collection (setClientCollection), it does not append; `unset` clears
 * it. Check order (GUESS where the docs are silent): argument binding (100), each client's shape
 * and required keys (422/0), the owner (not found), then the client types (422). Client ids are
 * not checked against the CRM data.
 *
 * Neither `set` nor `unset` sends an event: the docs name only `update` as the trigger of the
 * owner's UPDATE event ("when a booking is updated manually or via the booking.v1.booking.update
 * method", booking/events/on-booking-update.md:13; the waitlist's page, events/
 * on-booking-waitlistitem-update.md:13, names only booking.v1.waitlist.update), and no event page
 * mentions the client methods.
 */
export function clientMethods(owner: ClientOwner): MethodGroup {
  return {
    [`${owner.prefix}.list`]: ({ params, store, window }) => {
      const { clients } = owner.find(store, bindInt(params, owner.idParam));
      return wholeList(owner.listKey, clients.map(bookingClientView), window);
    },

    [`${owner.prefix}.set`]: ({ params, store }) => {
      const id = bindInt(params, owner.idParam);
      const items = readSetItems(params, "clients", ["id", "type"]);
      const holder = owner.find(store, id);
      holder.clients = uniqueClients(items.map(readClient));
      return { result: true };
    },

    [`${owner.prefix}.unset`]: ({ params, store }) => {
      owner.find(store, bindInt(params, owner.idParam)).clients = [];
      return { result: true };
    },
  };
}

function readClient(fields: PhpArray): BookingClient {
  const type = phpGet(fields, "type");
  const known = isPhpArray(type)
    ? findClientType(phpGet(type, "module"), phpGet(type, "code"))
    : undefined;
  if (known === undefined) throw new PortalError("422", "Invalid client type");
  const id = toInteger(phpGet(fields, "id"));
  // GUESS: the docs name no code for a non-numeric client id; 422 is the module's invalid-argument code.
  if (id === undefined || id <= 0) throw new PortalError("422", "Invalid client id");
  return { id, module: known.module, code: known.code };
}

/** A collection holds each client once; the first occurrence keeps its position. */
function uniqueClients(clients: BookingClient[]): BookingClient[] {
  const seen = new Set<string>();
  return clients.filter((client) => {
    const key = `${client.module}:${client.code}:${client.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
