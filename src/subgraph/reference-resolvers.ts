import { toBooking } from "../booking/booking.mapper";
import type { Booking } from "../booking/booking.type";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";
import { toResource } from "../resource/resource.mapper";
import type { Resource } from "../resource/resource.type";
import { toResourceType } from "../resource-type/resource-type.mapper";
import type { ResourceType } from "../resource-type/resource-type.type";
import { toWaitListItem } from "../waitlist/waitlist-item.mapper";
import type { WaitListItem } from "../waitlist/waitlist-item.type";

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
  Resource: {
    async __resolveReference(reference: { id: number }, ctx: GatewayContext): Promise<Resource> {
      requirePositiveId("id", reference.id);
      return toResource(await ctx.loaders.resourceById.load(reference.id));
    },
  },
  ResourceType: {
    async __resolveReference(
      reference: { id: number },
      ctx: GatewayContext,
    ): Promise<ResourceType> {
      requirePositiveId("id", reference.id);
      return toResourceType(await ctx.loaders.resourceTypeById.load(reference.id));
    },
  },
  WaitListItem: {
    async __resolveReference(
      reference: { id: number },
      ctx: GatewayContext,
    ): Promise<WaitListItem> {
      requirePositiveId("id", reference.id);
      return toWaitListItem(await ctx.loaders.waitListItemById.load(reference.id));
    },
  },
};
