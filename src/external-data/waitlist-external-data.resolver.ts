import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { WAITLIST_EXTERNAL_DATA } from "../bitrix/external-data-api";
import type { WireWaitListItem } from "../bitrix/waitlist-wire-types";
import { requirePositiveId } from "../common/id-validation";
import { selectsField } from "../common/selection";
import type { GatewayContext } from "../context";
import { toWaitListItem } from "../waitlist/waitlist-item.mapper";
import { WaitListItem } from "../waitlist/waitlist-item.type";
import { knownExternalData } from "./external-data-list";
import { validateExternalData } from "./external-data-validation";
import { ExternalDataInput } from "./external-data.input";
import { inputToExternalData, toWireExternalData } from "./external-data.mapper";
import {
  SetWaitListItemExternalDataPayload,
  UnsetWaitListItemExternalDataPayload,
} from "./external-data.payloads";
import { ExternalData } from "./external-data.type";

@Resolver(() => WaitListItem)
export class WaitListItemExternalDataResolver {
  @FieldResolver(() => [ExternalData], {
    description:
      "Records linked to the item, e.g. CRM deals (booking.v1.waitlist.externalData.list).",
  })
  async externalData(
    @Root() item: WaitListItem,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ExternalData[]> {
    const wire = await ctx.loaders.externalDataByWaitListItemId.load(item.id);
    return knownExternalData(
      ctx,
      wire,
      { label: `waitlist item ${item.id}`, extensions: { waitListItemId: item.id } },
      info,
    );
  }
}

@Resolver()
export class WaitListExternalDataMutationResolver {
  @Mutation(() => SetWaitListItemExternalDataPayload, {
    description:
      "Replaces every link of a waitlist item (booking.v1.waitlist.externalData.set). Links not in `externalData` are removed.",
  })
  async setWaitListItemExternalData(
    @Arg("waitListItemId", () => Int) waitListItemId: number,
    @Arg("externalData", () => [ExternalDataInput]) externalData: ExternalDataInput[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SetWaitListItemExternalDataPayload> {
    requirePositiveId("waitListItemId", waitListItemId);
    validateExternalData("externalData", externalData, "unsetWaitListItemExternalData");
    const wireItems = externalData.map(toWireExternalData);
    const item = await ctx.externalDataApi.set<WireWaitListItem>(
      WAITLIST_EXTERNAL_DATA,
      waitListItemId,
      wireItems,
      selectsField(info, "waitListItem"),
    );
    // externalData.set replaces the whole list, so the list is now exactly what was sent.
    ctx.loaders.externalDataByWaitListItemId.clear(waitListItemId).prime(waitListItemId, wireItems);
    if (item) ctx.loaders.waitListItemById.clear(waitListItemId).prime(waitListItemId, item);
    return {
      waitListItemId,
      externalData: externalData.map(inputToExternalData),
      ...(item && { waitListItem: toWaitListItem(item) }),
    };
  }

  @Mutation(() => UnsetWaitListItemExternalDataPayload, {
    description: "Removes every link of a waitlist item (booking.v1.waitlist.externalData.unset).",
  })
  async unsetWaitListItemExternalData(
    @Arg("waitListItemId", () => Int) waitListItemId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnsetWaitListItemExternalDataPayload> {
    requirePositiveId("waitListItemId", waitListItemId);
    const item = await ctx.externalDataApi.unset<WireWaitListItem>(
      WAITLIST_EXTERNAL_DATA,
      waitListItemId,
      selectsField(info, "waitListItem"),
    );
    ctx.loaders.externalDataByWaitListItemId.clear(waitListItemId).prime(waitListItemId, []);
    if (item) ctx.loaders.waitListItemById.clear(waitListItemId).prime(waitListItemId, item);
    return { waitListItemId, ...(item && { waitListItem: toWaitListItem(item) }) };
  }
}
