import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { toBooking } from "./booking.mapper";
import { Booking } from "./booking.type";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";
import { BookingClientInput } from "../client/booking-client.input";
import { SetBookingClientsPayload, UnsetBookingClientsPayload } from "./booking-clients.payloads";
import { BookingClient } from "../client/booking-client.type";
import { listClientsOf } from "../client/client-list";
import { inputToBookingClient, toWireClient } from "../client/client.mapper";
import { validateClients } from "../client/clients-validation";
import { selectsField } from "../common/selection";

@Resolver()
export class BookingClientResolver {
  @Query(() => [BookingClient], {
    description:
      "CRM contacts and companies attached to a booking (booking.v1.booking.client.list).",
  })
  bookingClients(
    @Arg("bookingId", () => Int) bookingId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BookingClient[]> {
    requirePositiveId("bookingId", bookingId);
    return listClientsOf(ctx, bookingId, info);
  }

  @Mutation(() => SetBookingClientsPayload, {
    description:
      "Replaces the whole client list of a booking (booking.v1.booking.client.set). Clients not in `clients` are removed.",
  })
  async setBookingClients(
    @Arg("bookingId", () => Int) bookingId: number,
    @Arg("clients", () => [BookingClientInput]) clients: BookingClientInput[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SetBookingClientsPayload> {
    requirePositiveId("bookingId", bookingId);
    validateClients("clients", clients);
    const wireClients = clients.map(toWireClient);
    if (selectsField(info, "booking")) {
      // The payload wants the booking: read it in the same upstream request as the write.
      const booking = await ctx.api.setBookingClientsAndGetBooking(bookingId, wireClients);
      ctx.loaders.bookingById.clear(bookingId).prime(bookingId, booking);
    } else {
      await ctx.api.setBookingClients(bookingId, wireClients);
    }
    // client.set replaces the whole list, so the list is now exactly what was sent.
    ctx.loaders.clientsByBookingId.clear(bookingId).prime(bookingId, wireClients);
    return { bookingId, clients: clients.map(inputToBookingClient) };
  }

  @Mutation(() => UnsetBookingClientsPayload, {
    description: "Removes every client from a booking (booking.v1.booking.client.unset).",
  })
  async unsetBookingClients(
    @Arg("bookingId", () => Int) bookingId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<UnsetBookingClientsPayload> {
    requirePositiveId("bookingId", bookingId);
    await ctx.api.unsetBookingClients(bookingId);
    ctx.loaders.clientsByBookingId.clear(bookingId);
    return { bookingId };
  }
}

/** `booking` on the client mutation payloads: read after the write, only when selected. */
@Resolver(() => SetBookingClientsPayload)
export class SetBookingClientsPayloadResolver {
  @FieldResolver(() => Booking, { nullable: true })
  async booking(
    @Root() payload: SetBookingClientsPayload,
    @Ctx() ctx: GatewayContext,
  ): Promise<Booking> {
    return toBooking(await ctx.loaders.bookingById.load(payload.bookingId));
  }
}

@Resolver(() => UnsetBookingClientsPayload)
export class UnsetBookingClientsPayloadResolver {
  @FieldResolver(() => Booking, { nullable: true })
  async booking(
    @Root() payload: UnsetBookingClientsPayload,
    @Ctx() ctx: GatewayContext,
  ): Promise<Booking> {
    return toBooking(await ctx.loaders.bookingById.load(payload.bookingId));
  }
}
