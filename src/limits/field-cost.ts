import { Extensions } from "type-graphql";
import { PAGE_SIZE } from "../transport/protocol";

/**
 * What one field costs in upstream commands (Bitrix24 method calls), as this gateway folds them.
 * `commands` is paid once per evaluation of the field; `items` says how many times the field's own
 * selection is evaluated below it (a list's length).
 */
export interface FieldCost {
  commands?: (args: Record<string, unknown>) => number;
  items?: (args: Record<string, unknown>) => number;
}

/** The key of a field's `extensions` that holds its FieldCost. */
export const UPSTREAM_COST = "upstreamCost";

/**
 * Declares where a field is defined what it costs upstream; the operation limits read it from the
 * schema. Every Query, Mutation and field resolver must declare one (the schema build refuses
 * otherwise), so a new field cannot reach the portal unpriced.
 */
export function Costs(cost: FieldCost): MethodDecorator & PropertyDecorator {
  return Extensions({ [UPSTREAM_COST]: cost });
}

/**
 * The largest `page.limit` the resolvers accept (MAX_PAGE_LIMIT of common/page.input; a unit test
 * keeps them equal, since common/ builds on this module and cannot be imported here).
 */
export const PAGE_LIMIT_CAP = 200;

/** Lists whose length nothing bounds count this many items, Bitrix24's page size. */
export const DEFAULT_LIST_LENGTH = PAGE_SIZE;

/**
 * A booking's resources are read one `resource.get` each (deduplicated per request). Nothing bounds
 * how many a booking holds; bookings hold one or a few, so this many are assumed.
 */
export const ASSUMED_RESOURCES_PER_BOOKING = 3;

/** `_entities`: each representation is one read by key through the service of its type. */
export const ENTITY_REFERENCE_COMMANDS = 1;

/** The costs fields declare. */
export const COST = {
  /** Maps data already read. */
  none: {},
  /** One read by id (folded into batches with the request's other reads), or one write. */
  oneCall: { commands: () => 1 },
  /** A write and the read-back that runs in the same halting batch. */
  writeAndRead: { commands: () => 2 },
  /** The owner a mutation payload reads in the write's own batch, only when selected. */
  readBack: { commands: () => 1 },
  /**
   * A paged list (`page: {limit, offset}`): one list call per Bitrix24 page the window touches,
   * plus the page holding the row after it (for `hasMore`); `limit` items below it.
   */
  paged: {
    commands: (args) => {
      const { limit, offset } = pageOf(args);
      return Math.floor((offset + limit) / PAGE_SIZE) - Math.floor(offset / PAGE_SIZE) + 1;
    },
    items: (args) => pageOf(args).limit,
  },
  /** The items of a page: `paged` already multiplied its selection by the page's limit. */
  pageItems: { items: () => 1 },
  /** A booking's resources, one read each. */
  bookingResources: {
    commands: () => ASSUMED_RESOURCES_PER_BOOKING,
    items: () => ASSUMED_RESOURCES_PER_BOOKING,
  },
} satisfies Record<string, FieldCost>;

function pageOf(args: Record<string, unknown>): { limit: number; offset: number } {
  const page = (args.page ?? {}) as { limit?: unknown; offset?: unknown };
  const limit = typeof page.limit === "number" ? page.limit : DEFAULT_LIST_LENGTH;
  const offset = typeof page.offset === "number" ? page.offset : 0;
  // Out-of-range windows are refused by the resolver with BAD_USER_INPUT before any call.
  return {
    limit: Math.min(PAGE_LIMIT_CAP, Math.max(1, Math.trunc(limit))),
    offset: Math.max(0, Math.trunc(offset)),
  };
}

/** The cost a schema field declares; fields without one map data already read. */
export function declaredCost(field: { extensions: Readonly<Record<string, unknown>> }): FieldCost {
  return (field.extensions[UPSTREAM_COST] as FieldCost | undefined) ?? COST.none;
}
