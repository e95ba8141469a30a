import { toBooking } from "../booking/booking.mapper";
import type { Booking } from "../booking/booking.type";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";

/**
 * How the router turns an entity representation into data. They go through the request's loaders,
 * so a batch of representations costs what a batch of ids costs.
 */
export const REFERENCE_RESOLVERS = {
  Booking: {
    async __resolveReference(reference: { id: number }, ctx: GatewayContext): Promise<Booking> {
      requirePositiveId("id", reference.id);
      return toBooking(await ctx.loaders.bookingById.load(reference.id));
    },
  },
};
