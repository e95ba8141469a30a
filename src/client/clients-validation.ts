import { requirePositiveId } from "../common/id-validation";
import { userInputError } from "../errors/user-input-error";
import type { BookingClientInput } from "./booking-client.input";

/** client.set replaces the whole list, so an empty or repeated list is almost surely a mistake. */
export function validateClients(
  field: string,
  clients: BookingClientInput[],
  unsetMutation = "unsetBookingClients",
): void {
  if (clients.length === 0) {
    throw userInputError(
      field,
      `must hold at least one client (use ${unsetMutation} to remove all)`,
      clients,
    );
  }
  const seen = new Set<string>();
  clients.forEach((client, index) => {
    requirePositiveId(`${field}[${index}].id`, client.id);
    const key = `${client.type.module}/${client.type.code}/${client.id}`;
    if (seen.has(key)) {
      throw userInputError(
        `${field}[${index}]`,
        "must not repeat a client already in the list",
        client,
      );
    }
    seen.add(key);
  });
}
