import { toBooking } from "../booking/booking.mapper";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";
import { toResource } from "../resource/resource.mapper";
import { toResourceType } from "../resource-type/resource-type.mapper";
import { toWaitListItem } from "../waitlist/waitlist-item.mapper";

/**
 * How the router turns an entity representation into data: through the service of that entity, so
 * a batch of representations costs what a batch of ids costs. An invalid or missing id fails only
 * its own representation.
 */
function entityReference<TWire, TEntity>(
  read: (ctx: GatewayContext, id: number) => Promise<TWire>,
  map: (wire: TWire) => TEntity,
) {
  return {
    async __resolveReference(reference: { id: number }, ctx: GatewayContext): Promise<TEntity> {
      requirePositiveId("id", reference.id);
      return map(await read(ctx, reference.id));
    },
  };
}

export const REFERENCE_RESOLVERS = {
  Booking: entityReference((ctx, id) => ctx.bookings.get(id), toBooking),
  Resource: entityReference((ctx, id) => ctx.resources.get(id), toResource),
  ResourceType: entityReference((ctx, id) => ctx.resourceTypes.get(id), toResourceType),
  WaitListItem: entityReference((ctx, id) => ctx.waitList.get(id), toWaitListItem),
};
