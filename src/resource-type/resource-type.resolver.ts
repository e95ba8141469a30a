import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type {
  WireResourceTypeFields,
  WireResourceTypeFilter,
  WireResourceTypeOrder,
} from "../bitrix/resource-wire-types";
import { requirePositiveId } from "../common/id-validation";
import { PageInput } from "../common/page.input";
import { requireChanges } from "../common/field-validation";
import { validatePage } from "../common/paging";
import type { GatewayContext } from "../context";
import {
  toResourceTypeNotifications,
  toWireNotifications,
} from "../notification/notification.mapper";
import { ResourceTypeNotifications } from "../notification/notification.type";
import { ResourceTypeFilterInput } from "./resource-type-filter.input";
import { ResourceTypeOrderInput, ResourceTypeSortField } from "./resource-type-order.input";
import { ResourceTypePage } from "./resource-type-page.type";
import { validateAddResourceType, validateUpdateResourceType } from "./resource-type-validation";
import { AddResourceTypeInput, UpdateResourceTypeInput } from "./resource-type.input";
import { toResourceType } from "./resource-type.mapper";
import { DeleteResourceTypePayload } from "./resource-type.payloads";
import { ResourceType } from "./resource-type.type";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => ResourceType)
export class ResourceTypeResolver {
  @Costs(COST.oneCall)
  @Query(() => ResourceType, {
    nullable: true,
    description:
      "One resource type by id (booking.v1.resourceType.get). A missing id gives null and RESOURCE_TYPE_NOT_FOUND.",
  })
  async resourceType(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourceType> {
    requirePositiveId("id", id);
    return toResourceType(await ctx.resourceTypes.get(id));
  }

  @Costs(COST.paged)
  @Query(() => ResourceTypePage, {
    description: "Resource types that match a filter, in pages (booking.v1.resourceType.list).",
  })
  async resourceTypes(
    @Arg("filter", () => ResourceTypeFilterInput, { nullable: true })
    filter: ResourceTypeFilterInput | null,
    @Arg("order", () => ResourceTypeOrderInput, { nullable: true })
    order: ResourceTypeOrderInput | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourceTypePage> {
    const window = validatePage("page", page);
    const wireFilter = filter ? toWireFilter(filter) : undefined;
    const wireOrder = order ? toWireOrder(order) : undefined;
    const result = await ctx.resourceTypes.list(
      { ...(wireFilter && { filter: wireFilter }), ...(wireOrder && { order: wireOrder }) },
      window,
    );
    return { items: result.items.map(toResourceType), pageInfo: result.pageInfo };
  }

  @Costs(COST.none)
  @FieldResolver(() => ResourceTypeNotifications, {
    description:
      "The messages Bitrix24 sends clients of this type's resources; a new resource starts from these.",
  })
  notifications(@Root() type: ResourceType): ResourceTypeNotifications {
    return toResourceTypeNotifications(type.notificationWire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => ResourceType, {
    description:
      "Creates a resource type (booking.v1.resourceType.add) and returns it as stored. A code in use gives RESOURCE_TYPE_CODE_TAKEN.",
  })
  async addResourceType(
    @Arg("input", () => AddResourceTypeInput) input: AddResourceTypeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourceType> {
    validateAddResourceType("input", input, ctx.resourceTypes);
    const wire = await ctx.resourceTypes.add({
      name: input.name,
      code: input.code,
      ...(input.notifications && toWireNotifications(input.notifications)),
    });
    return toResourceType(wire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => ResourceType, {
    description:
      "Changes a resource type (booking.v1.resourceType.update) and returns it as stored. A code in use, the type's own included, gives RESOURCE_TYPE_CODE_TAKEN.",
  })
  async updateResourceType(
    @Arg("id", () => Int) id: number,
    @Arg("input", () => UpdateResourceTypeInput) input: UpdateResourceTypeInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourceType> {
    validateUpdateResourceType("input", id, input, ctx.resourceTypes);
    const fields: WireResourceTypeFields = {
      ...(input.name != null && { name: input.name }),
      ...(input.code != null && { code: input.code }),
      ...(input.notifications && toWireNotifications(input.notifications)),
    };
    requireChanges("input", fields, input);
    const wire = await ctx.resourceTypes.update(id, fields);
    return toResourceType(wire);
  }

  @Costs(COST.oneCall)
  @Mutation(() => DeleteResourceTypePayload, {
    description:
      "Deletes a resource type (booking.v1.resourceType.delete). Refused with RESOURCE_TYPE_IN_USE while resources of the type exist.",
  })
  async deleteResourceType(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteResourceTypePayload> {
    requirePositiveId("id", id);
    await ctx.resourceTypes.delete(id);
    return { resourceTypeId: id };
  }
}

function toWireFilter(filter: ResourceTypeFilterInput): WireResourceTypeFilter {
  return {
    ...(filter.searchQuery != null && { searchQuery: filter.searchQuery }),
    ...(filter.name != null && { name: filter.name }),
    ...(filter.code != null && { code: filter.code }),
    ...(filter.moduleId != null && { moduleId: filter.moduleId }),
  };
}

const SORT_KEYS: Record<ResourceTypeSortField, keyof WireResourceTypeOrder> = {
  [ResourceTypeSortField.ID]: "id",
  [ResourceTypeSortField.NAME]: "name",
  [ResourceTypeSortField.CODE]: "code",
};

function toWireOrder(order: ResourceTypeOrderInput): WireResourceTypeOrder {
  return { [SORT_KEYS[order.field]]: order.direction };
}
