import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import { BookingClient } from "../client/booking-client.type";
import { CLIENT_ITEMS } from "../client/client-items";
import { requirePositiveId } from "../common/id-validation";
import { keepKnownItems } from "../common/known-items";
import { ownedListResolvers } from "../common/owned-list.resolvers";
import type { GatewayContext } from "../context";
import { SetBookingClientsPayload, UnsetBookingClientsPayload } from "./booking-clients.payloads";
import { BOOKING_OWNER } from "./booking-owner";
import { COST, Costs } from "../limits/field-cost";

/** `Booking.clients`, `setBookingClients` and `unsetBookingClients`. */
export const BOOKING_CLIENTS_RESOLVERS = ownedListResolvers({
  owner: BOOKING_OWNER,
  kind: CLIENT_ITEMS,
  field: {
    name: "clients",
    description:
      "CRM contacts and companies attached to the booking (booking.v1.booking.client.list).",
  },
  set: {
    name: "setBookingClients",
    payload: SetBookingClientsPayload,
    description:
      "Replaces the whole client list of a booking (booking.v1.booking.client.set). Clients not in `clients` are removed.",
  },
  unset: {
    name: "unsetBookingClients",
    payload: UnsetBookingClientsPayload,
    description: "Removes every client from a booking (booking.v1.booking.client.unset).",
  },
  service: (ctx) => ctx.bookings.clients,
});

@Resolver()
export class BookingClientsQueryResolver {
  @Costs(COST.oneCall)
  @Query(() => [BookingClient], {
    description:
      "CRM contacts and companies attached to a booking (booking.v1.booking.client.list).",
  })
  async bookingClients(
    @Arg("bookingId", () => Int) bookingId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BookingClient[]> {
    requirePositiveId("bookingId", bookingId);
    const wire = await ctx.bookings.clients.of(bookingId);
    const owner = { label: BOOKING_OWNER.label(bookingId), bookingId };
    return keepKnownItems(ctx, CLIENT_ITEMS, wire, owner, info);
  }
}
