import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { requirePositiveId } from "../common/id-validation";
import { selectsField } from "../common/selection";
import type { GatewayContext } from "../context";
import { toResource } from "../resource/resource.mapper";
import { Resource } from "../resource/resource.type";
import { validateSlots } from "./slot-validation";
import { SlotInput } from "./slot.input";
import { toSlot, toWireSlot } from "./slot.mapper";
import { SetResourceSlotsPayload, UnsetResourceSlotsPayload } from "./slot.payloads";
import { Slot } from "./slot.type";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => Resource)
export class ResourceSlotsResolver {
  @Costs(COST.oneCall)
  @FieldResolver(() => [Slot], {
    description: "When the resource can be booked (booking.v1.resource.slots.list).",
  })
  async slots(@Root() resource: Resource, @Ctx() ctx: GatewayContext): Promise<Slot[]> {
    return (await ctx.resources.slots(resource.id)).map(toSlot);
  }
}

@Resolver()
export class SlotMutationResolver {
  @Costs(COST.writeAndRead)
  @Mutation(() => SetResourceSlotsPayload, {
    description:
      "Replaces every slot range of a resource (booking.v1.resource.slots.set); ranges not in `slots` are removed.",
  })
  async setResourceSlots(
    @Arg("resourceId", () => Int) resourceId: number,
    @Arg("slots", () => [SlotInput]) slots: SlotInput[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SetResourceSlotsPayload> {
    requirePositiveId("resourceId", resourceId);
    validateSlots("slots", slots);
    const result = await ctx.resources.replaceSlots(
      resourceId,
      slots.map(toWireSlot),
      selectsField(info, "resource"),
    );
    return {
      resourceId,
      slots: result.slots.map(toSlot),
      ...(result.resource && { resource: toResource(result.resource) }),
    };
  }

  @Costs(COST.oneCall)
  @Mutation(() => UnsetResourceSlotsPayload, {
    description: "Removes every slot range of a resource (booking.v1.resource.slots.unset).",
  })
  async unsetResourceSlots(
    @Arg("resourceId", () => Int) resourceId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnsetResourceSlotsPayload> {
    requirePositiveId("resourceId", resourceId);
    const resource = await ctx.resources.clearSlots(resourceId, selectsField(info, "resource"));
    return { resourceId, ...(resource && { resource: toResource(resource) }) };
  }
}
