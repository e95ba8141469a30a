import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PageInput } from "../common/page.input";
import type { GatewayContext } from "../context";
import { ResourceType } from "../resource-type/resource-type.type";
import { readResourcePage } from "./resource-list";
import { ResourceOrderInput } from "./resource-order.input";
import { ResourcePage } from "./resource-page.type";
import { COST, Costs } from "../limits/field-cost";

/** `ResourceType.resources` lives beside the resources: they depend on their type, not the reverse. */
@Resolver(() => ResourceType)
export class ResourceTypeResourcesResolver {
  @Costs(COST.paged)
  @FieldResolver(() => ResourcePage, {
    description: "The resources of this type, in pages (booking.v1.resource.list by `typeId`).",
  })
  resources(
    @Root() type: ResourceType,
    @Arg("order", () => ResourceOrderInput, { nullable: true }) order: ResourceOrderInput | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourcePage> {
    return readResourcePage(ctx, { filter: { typeIds: [type.id] }, order, page });
  }
}
