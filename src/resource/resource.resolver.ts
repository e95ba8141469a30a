import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { WireResourceFields } from "../bitrix/resource-wire-types";
import { requirePositiveId } from "../common/id-validation";
import { PageInput } from "../common/page.input";
import { requireChanges } from "../common/field-validation";
import type { GatewayContext } from "../context";
import { toResourceNotifications, toWireNotifications } from "../notification/notification.mapper";
import { ResourceNotifications } from "../notification/notification.type";
import { toResourceType } from "../resource-type/resource-type.mapper";
import { ResourceType } from "../resource-type/resource-type.type";
import { ResourceFilterInput } from "./resource-filter.input";
import { readResourcePage } from "./resource-list";
import { ResourceOrderInput } from "./resource-order.input";
import { ResourcePage } from "./resource-page.type";
import { validateAddResource, validateUpdateResource } from "./resource-validation";
import { AddResourceInput, UpdateResourceInput } from "./resource.input";
import { toResource } from "./resource.mapper";
import { DeleteResourcePayload } from "./resource.payloads";
import { Resource } from "./resource.type";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => Resource)
export class ResourceResolver {
  @Costs(COST.oneCall)
  @Query(() => Resource, {
    nullable: true,
    description:
      "One resource by id (booking.v1.resource.get). A missing id gives null and RESOURCE_NOT_FOUND.",
  })
  async resource(@Arg("id", () => Int) id: number, @Ctx() ctx: GatewayContext): Promise<Resource> {
    requirePositiveId("id", id);
    return toResource(await ctx.resources.get(id));
  }

  @Costs(COST.paged)
  @Query(() => ResourcePage, {
    description: "Resources that match a filter, in pages (booking.v1.resource.list).",
  })
  resources(
    @Arg("filter", () => ResourceFilterInput, { nullable: true })
    filter: ResourceFilterInput | null,
    @Arg("order", () => ResourceOrderInput, { nullable: true }) order: ResourceOrderInput | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<ResourcePage> {
    return readResourcePage(ctx, { filter, order, page });
  }

  @Costs(COST.oneCall)
  @FieldResolver(() => ResourceType, {
    nullable: true,
    description: "The resource's type (booking.v1.resourceType.get).",
  })
  async type(@Root() resource: Resource, @Ctx() ctx: GatewayContext): Promise<ResourceType> {
    return toResourceType(await ctx.resourceTypes.get(resource.typeId));
  }

  @Costs(COST.none)
  @FieldResolver(() => ResourceNotifications, {
    description: "The messages Bitrix24 sends clients who book this resource.",
  })
  notifications(@Root() resource: Resource): ResourceNotifications {
    return toResourceNotifications(resource.notificationWire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => Resource, {
    description: "Creates a resource (booking.v1.resource.add) and returns it as stored.",
  })
  async addResource(
    @Arg("input", () => AddResourceInput) input: AddResourceInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Resource> {
    validateAddResource("input", input);
    const wire = await ctx.resources.add({
      name: input.name,
      typeId: input.typeId,
      ...(input.description != null && { description: input.description }),
      ...(input.isMain != null && { isMain: input.isMain ? "Y" : "N" }),
      ...(input.notifications && toWireNotifications(input.notifications)),
    });
    return toResource(wire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => Resource, {
    description: "Changes a resource (booking.v1.resource.update) and returns it as stored.",
  })
  async updateResource(
    @Arg("id", () => Int) id: number,
    @Arg("input", () => UpdateResourceInput) input: UpdateResourceInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Resource> {
    requirePositiveId("id", id);
    validateUpdateResource("input", input);
    const fields: WireResourceFields = {
      ...(input.name != null && { name: input.name }),
      ...(input.typeId != null && { typeId: input.typeId }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.isMain != null && { isMain: input.isMain ? "Y" : "N" }),
      ...(input.notifications && toWireNotifications(input.notifications)),
    };
    requireChanges("input", fields, input);
    const wire = await ctx.resources.update(id, fields);
    return toResource(wire);
  }

  @Costs(COST.oneCall)
  @Mutation(() => DeleteResourcePayload, {
    description:
      "Deletes a resource (booking.v1.resource.delete). Refused with RESOURCE_IN_USE while bookings of it end in the future.",
  })
  async deleteResource(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteResourcePayload> {
    requirePositiveId("id", id);
    await ctx.resources.delete(id);
    return { resourceId: id };
  }
}
