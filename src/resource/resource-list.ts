import type { WireResourceFilter, WireResourceOrder } from "../bitrix/resource-wire-types";
import type { PageInput } from "../common/page.input";
import { validatePage } from "../common/paging";
import type { GatewayContext } from "../context";
import { ResourceOrderInput, ResourceSortField } from "./resource-order.input";
import type { ResourceFilterInput } from "./resource-filter.input";
import type { ResourcePage } from "./resource-page.type";
import { toResource } from "./resource.mapper";
import { validateResourceFilter } from "./resource-validation";

/**
 * A page of resource.list, for the `resources` query and `ResourceType.resources`. The service
 * remembers every resource read, so fields that ask for one of them again cost nothing.
 */
export async function readResourcePage(
  ctx: GatewayContext,
  args: {
    filter: ResourceFilterInput | null;
    order: ResourceOrderInput | null;
    page: PageInput | null;
  },
): Promise<ResourcePage> {
  const window = validatePage("page", args.page);
  if (args.filter) validateResourceFilter("filter", args.filter);
  const filter = args.filter ? toWireResourceFilter(args.filter) : undefined;
  const order = args.order ? toWireResourceOrder(args.order) : undefined;
  const result = await ctx.resources.list(
    { ...(filter && { filter }), ...(order && { order }) },
    window,
  );
  return { items: result.items.map(toResource), pageInfo: result.pageInfo };
}

function toWireResourceFilter(filter: ResourceFilterInput): WireResourceFilter {
  return {
    ...(filter.searchQuery != null && { searchQuery: filter.searchQuery }),
    ...(filter.name != null && { name: filter.name }),
    ...(filter.description != null && { description: filter.description }),
    ...(filter.typeIds != null && { typeId: filter.typeIds }),
    ...(filter.isMain != null && { isMain: filter.isMain ? "Y" : "N" }),
  };
}

const SORT_KEYS: Record<ResourceSortField, keyof WireResourceOrder> = {
  [ResourceSortField.ID]: "id",
  [ResourceSortField.NAME]: "name",
};

function toWireResourceOrder(order: ResourceOrderInput): WireResourceOrder {
  return { [SORT_KEYS[order.field]]: order.direction };
}
