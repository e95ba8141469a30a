import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Booking } from "../booking/booking.type";
import { BitrixError } from "../transport/errors";
import type { GatewayContext } from "../context";
import { ErrorCode } from "../errors/error-code";
import { leftOutOfList } from "../errors/partial-errors";
import { graphQLCodeFor } from "../errors/to-graphql-error";
import { toResource } from "./resource.mapper";
import { Resource } from "./resource.type";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => Booking)
export class BookingResourcesResolver {
  @Costs(COST.bookingResources)
  @FieldResolver(() => [Resource], {
    description:
      "The booked resources, in `resourceIds` order (booking.v1.resource.get, read once per request, so a page of bookings shares its reads). A resource that no longer exists is left out and reported as an error of its own.",
  })
  async resources(
    @Root() booking: Booking,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Resource[]> {
    const loaded = await ctx.resources.getMany(booking.resourceIds);
    const resources: Resource[] = [];
    loaded.forEach((item, index) => {
      if (!(item instanceof Error)) {
        resources.push(toResource(item));
        return;
      }
      if (!(item instanceof BitrixError) || graphQLCodeFor(item) !== ErrorCode.ResourceNotFound) {
        throw item;
      }
      // A resource deleted since the booking was made: the rest of the list still arrives.
      ctx.record.partialErrors.push(
        leftOutOfList([...responsePathAsArray(info.path), index], item, {
          bookingId: booking.id,
          resourceId: booking.resourceIds[index],
        }),
      );
    });
    return resources;
  }
}
