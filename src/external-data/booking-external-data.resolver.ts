import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { toBooking } from "../booking/booking.mapper";
import { Booking } from "../booking/booking.type";
import { BOOKING_EXTERNAL_DATA } from "../bitrix/external-data-api";
import type { WireBooking } from "../bitrix/wire-types";
import { requirePositiveId } from "../common/id-validation";
import { selectsField } from "../common/selection";
import type { GatewayContext } from "../context";
import { knownExternalData } from "./external-data-list";
import { validateExternalData } from "./external-data-validation";
import { ExternalDataInput } from "./external-data.input";
import { inputToExternalData, toWireExternalData } from "./external-data.mapper";
import {
  SetBookingExternalDataPayload,
  UnsetBookingExternalDataPayload,
} from "./external-data.payloads";
import { ExternalData } from "./external-data.type";

@Resolver(() => Booking)
export class BookingExternalDataResolver {
  @FieldResolver(() => [ExternalData], {
    description:
      "Records linked to the booking, e.g. CRM deals (booking.v1.booking.externalData.list).",
  })
  async externalData(
    @Root() booking: Booking,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ExternalData[]> {
    const wire = await ctx.loaders.externalDataByBookingId.load(booking.id);
    return knownExternalData(
      ctx,
      wire,
      { label: `booking ${booking.id}`, extensions: { bookingId: booking.id } },
      info,
    );
  }
}

@Resolver()
export class BookingExternalDataMutationResolver {
  @Mutation(() => SetBookingExternalDataPayload, {
    description:
      "Replaces every link of a booking (booking.v1.booking.externalData.set). Links not in `externalData` are removed.",
  })
  async setBookingExternalData(
    @Arg("bookingId", () => Int) bookingId: number,
    @Arg("externalData", () => [ExternalDataInput]) externalData: ExternalDataInput[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SetBookingExternalDataPayload> {
    requirePositiveId("bookingId", bookingId);
    validateExternalData("externalData", externalData, "unsetBookingExternalData");
    const wireItems = externalData.map(toWireExternalData);
    const booking = await ctx.externalDataApi.set<WireBooking>(
      BOOKING_EXTERNAL_DATA,
      bookingId,
      wireItems,
      selectsField(info, "booking"),
    );
    // externalData.set replaces the whole list, so the list is now exactly what was sent.
    ctx.loaders.externalDataByBookingId.clear(bookingId).prime(bookingId, wireItems);
    if (booking) ctx.loaders.bookingById.clear(bookingId).prime(bookingId, booking);
    return {
      bookingId,
      externalData: externalData.map(inputToExternalData),
      ...(booking && { booking: toBooking(booking) }),
    };
  }

  @Mutation(() => UnsetBookingExternalDataPayload, {
    description: "Removes every link of a booking (booking.v1.booking.externalData.unset).",
  })
  async unsetBookingExternalData(
    @Arg("bookingId", () => Int) bookingId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnsetBookingExternalDataPayload> {
    requirePositiveId("bookingId", bookingId);
    const booking = await ctx.externalDataApi.unset<WireBooking>(
      BOOKING_EXTERNAL_DATA,
      bookingId,
      selectsField(info, "booking"),
    );
    ctx.loaders.externalDataByBookingId.clear(bookingId).prime(bookingId, []);
    if (booking) ctx.loaders.bookingById.clear(bookingId).prime(bookingId, booking);
    return { bookingId, ...(booking && { booking: toBooking(booking) }) };
  }
}
