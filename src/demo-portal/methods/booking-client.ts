import { isPhpArray, phpGet, phpValues, type PhpArray } from "../php-array";
import { bindArray, bindInt, requireFields, toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type BookingClient } from "../store";
import { findBooking } from "./booking";
import { findClientType } from "./client-types";
import { wholeList, type MethodGroup } from "./method";
import { bookingClientView } from "./views";

/** booking.v1.booking.client.*: the CRM contacts and companies attached to a booking. */
export const bookingClientMethods: MethodGroup = {
  "booking.v1.booking.client.list": ({ params, store, window }) => {
    const booking = findBooking(store, bindInt(params, "bookingId"), "1021");
    return wholeList("bookingClient", booking.clients.map(bookingClientView), window);
  },

  /**
   * Replaces the booking's whole client list (setClientCollection), it does not append.
   * Check order (GUESS where the docs are silent): argument binding (100), required keys of each
   * client (0), the booking (1021), then the client types (422). Client ids are not checked
   * against the CRM data.
   */
  "booking.v1.booking.client.set": ({ params, store }) => {
    const bookingId = bindInt(params, "bookingId");
    const clients = phpValues(bindArray(params, "clients")).map((client) => {
      const fields = isPhpArray(client) ? client : {};
      requireFields(fields, ["id", "type"]);
      return fields;
    });
    const booking = findBooking(store, bookingId, "1021");
    booking.clients = uniqueClients(clients.map(readClient));
    return { result: true };
  },

  "booking.v1.booking.client.unset": ({ params, store }) => {
    const booking = findBooking(store, bindInt(params, "bookingId"), "1021");
    booking.clients = [];
    return { result: true };
  },
};

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
