import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import type { WireClient } from "../bitrix/wire-types";
import type { GatewayContext } from "../context";
import { leftOutOfList } from "../errors/partial-errors";
import { unknownValueError } from "../errors/unknown-value-error";
import type { BookingClient } from "./booking-client.type";
import { toBookingClient } from "./client.mapper";

/**
 * The clients of a booking. A client whose type this API does not know (a newer portal may add one)
 * is left out and reported as an error of its own, so the rest of the list still arrives.
 */
export async function listClientsOf(
  ctx: GatewayContext,
  bookingId: number,
  info?: GraphQLResolveInfo,
): Promise<BookingClient[]> {
  const wire = await ctx.loaders.clientsByBookingId.load(bookingId);
  return knownClients(
    ctx,
    wire,
    { label: `booking ${bookingId}`, extensions: { bookingId } },
    info,
  );
}

/** The clients of a waitlist item, with the same treatment of unknown client types. */
export async function listWaitListItemClients(
  ctx: GatewayContext,
  waitListItemId: number,
  info?: GraphQLResolveInfo,
): Promise<BookingClient[]> {
  const wire = await ctx.loaders.clientsByWaitListItemId.load(waitListItemId);
  return knownClients(
    ctx,
    wire,
    { label: `waitlist item ${waitListItemId}`, extensions: { waitListItemId } },
    info,
  );
}

function knownClients(
  ctx: GatewayContext,
  wire: WireClient[],
  owner: { label: string; extensions: Record<string, number> },
  info?: GraphQLResolveInfo,
): BookingClient[] {
  const clients: BookingClient[] = [];
  wire.forEach((item, index) => {
    const client = toBookingClient(item);
    if (client) {
      clients.push(client);
      return;
    }
    ctx.partialErrors.push(
      leftOutOfList(
        info ? [...responsePathAsArray(info.path), index] : [],
        unknownValueError(`the client type of client ${index} of ${owner.label}:`, item.type),
        { ...owner.extensions, item },
      ),
    );
  });
  return clients;
}
