import type DataLoader from "dataloader";
import { toBooking } from "../booking/booking.mapper";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";
import { toResource } from "../resource/resource.mapper";
import { toResourceType } from "../resource-type/resource-type.mapper";
import { toWaitListItem } from "../waitlist/waitlist-item.mapper";

/**
 * How the router turns an entity representation into data: through the request's loader for that
 * entity, so a batch of representations costs what a batch of ids costs. An invalid or missing id
 * fails only its own representation.
 */
function entityReference<TWire, TEntity>(
  loaderOf: (ctx: GatewayContext) => DataLoader<number, TWire>,
  map: (wire: TWire) => TEntity,
) {
  return {
    async __resolveReference(reference: { id: number }, ctx: GatewayContext): Promise<TEntity> {
      requirePositiveId("id", reference.id);
      return map(await loaderOf(ctx).load(reference.id));
    },
  };
}

export const REFERENCE_RESOLVERS = {
  Booking: entityReference((ctx) => ctx.loaders.bookingById, toBooking),
  Resource: entityReference((ctx) => ctx.loaders.resourceById, toResource),
  ResourceType: entityReference((ctx) => ctx.loaders.resourceTypeById, toResourceType),
  WaitListItem: entityReference((ctx) => ctx.loaders.waitListItemById, toWaitListItem),
};
