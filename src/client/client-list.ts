import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import type { GatewayContext } from "../context";
import { ErrorCode } from "../errors/error-code";
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
  const clients: BookingClient[] = [];
  wire.forEach((item, index) => {
    const client = toBookingClient(item);
    if (client) {
      clients.push(client);
      return;
    }
    ctx.partialErrors.push({
      message: `Client ${index} of booking ${bookingId} has type ${JSON.stringify(item.type)}, which this API does not know; it was left out of the list`,
      ...(info && { path: [...responsePathAsArray(info.path), index] }),
      extensions: { code: ErrorCode.UpstreamUnknownValue, bookingId, item },
    });
  });
  return clients;
}
