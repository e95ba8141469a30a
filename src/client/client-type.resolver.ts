import { Ctx, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../context";
import { ClientType } from "./client-type.type";
import { toClientType } from "./client.mapper";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => ClientType)
export class ClientTypeResolver {
  @Costs(COST.oneCall)
  @Query(() => [ClientType], {
    description:
      "Kinds of CRM entity that can be booking clients (booking.v1.clienttype.list). Types this API does not know yet are left out.",
  })
  async clientTypes(@Ctx() ctx: GatewayContext): Promise<ClientType[]> {
    const wire = await ctx.bookings.clientTypes();
    return wire.map(toClientType).filter((type): type is ClientType => type !== undefined);
  }
}
