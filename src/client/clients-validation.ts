import { requirePositiveId } from "../common/id-validation";
import { validateReplacementList } from "../common/replacement-list-validation";
import type { BookingClientInput } from "./booking-client.input";

/** client.set replaces the whole list of a booking's (or waitlist item's) clients. */
export function validateClients(
  field: string,
  clients: BookingClientInput[],
  unsetMutation = "unsetBookingClients",
): void {
  validateReplacementList(field, clients, {
    noun: "client",
    unsetMutation,
    keyOf: (client) => `${client.type.module}/${client.type.code}/${client.id}`,
    checkItem: (client, path) => requirePositiveId(`${path}.id`, client.id),
  });
}
