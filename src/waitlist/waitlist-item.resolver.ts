import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { WireWaitListFilter } from "../bitrix/waitlist-wire-types";
import { requirePositiveId } from "../common/id-validation";
import { PageInput } from "../common/page.input";
import { validatePage } from "../common/paging";
import type { GatewayContext } from "../context";
import { WaitListFilterInput } from "./waitlist-filter.input";
import { WaitListItemPage } from "./waitlist-item-page.type";
import { AddWaitListItemInput, UpdateWaitListItemInput } from "./waitlist-item.input";
import { toWaitListItem } from "./waitlist-item.mapper";
import { DeleteWaitListItemPayload } from "./waitlist-item.payloads";
import { WaitListItem } from "./waitlist-item.type";
import { toWireDayRange } from "./waitlist-validation";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => WaitListItem)
export class WaitListItemResolver {
  @Costs(COST.oneCall)
  @Query(() => WaitListItem, {
    nullable: true,
    description:
      "One waitlist item by id (booking.v1.waitlist.get). A missing id gives null and WAITLIST_ITEM_NOT_FOUND.",
  })
  async waitListItem(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<WaitListItem> {
    requirePositiveId("id", id);
    return toWaitListItem(await ctx.waitList.get(id));
  }

  @Costs(COST.paged)
  @Query(() => WaitListItemPage, {
    description: "Waitlist items that match a filter, by id, in pages (booking.v1.waitlist.list).",
  })
  async waitListItems(
    @Arg("filter", () => WaitListFilterInput, { nullable: true })
    filter: WaitListFilterInput | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<WaitListItemPage> {
    const window = validatePage("page", page);
    const wireFilter: WireWaitListFilter | undefined = filter?.createdWithin
      ? { createdWithin: toWireDayRange("filter.createdWithin", filter.createdWithin) }
      : undefined;
    const result = await ctx.waitList.list(wireFilter, window);
    return { items: result.items.map(toWaitListItem), pageInfo: result.pageInfo };
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => WaitListItem, {
    description: "Creates a waitlist item (booking.v1.waitlist.add) and returns it as stored.",
  })
  async addWaitListItem(
    @Arg("input", () => AddWaitListItemInput, { nullable: true })
    input: AddWaitListItemInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<WaitListItem> {
    // An empty `fields` would vanish from a batch command's query string (the portal then answers
    // 100), so a missing note goes out as the documented default "".
    const wire = await ctx.waitList.add({ note: input?.note ?? "" });
    return toWaitListItem(wire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => WaitListItem, {
    description: "Changes a waitlist item (booking.v1.waitlist.update) and returns it as stored.",
  })
  async updateWaitListItem(
    @Arg("id", () => Int) id: number,
    @Arg("input", () => UpdateWaitListItemInput) input: UpdateWaitListItemInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<WaitListItem> {
    requirePositiveId("id", id);
    const wire = await ctx.waitList.update(id, { note: input.note });
    return toWaitListItem(wire);
  }

  @Costs(COST.oneCall)
  @Mutation(() => DeleteWaitListItemPayload, {
    description: "Deletes a waitlist item (booking.v1.waitlist.delete).",
  })
  async deleteWaitListItem(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteWaitListItemPayload> {
    requirePositiveId("id", id);
    await ctx.waitList.delete(id);
    return { waitListItemId: id };
  }
}
