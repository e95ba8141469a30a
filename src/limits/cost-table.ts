import { PAGE_SIZE } from "../transport/protocol";

/**
 * The largest `page.limit` the resolvers accept (MAX_PAGE_LIMIT of common/page.input, which this
 * module does not import so that it stays free of type-graphql; a unit test keeps them equal).
 */
export const PAGE_LIMIT_CAP = 200;

/**
 * What one field costs in upstream commands (Bitrix24 method calls), as this gateway folds them.
 * `commands` is paid once per evaluation of the field; `items` says how many times the field's own
 * selection is evaluated below it (a list's length).
 */
export interface FieldCost {
  commands?: (args: Record<string, unknown>) => number;
  items?: (args: Record<string, unknown>) => number;
}

/** Lists whose length nothing bounds count this many items, Bitrix24's page size. */
export const DEFAULT_LIST_LENGTH = PAGE_SIZE;

/**
 * A booking's resources are read one `resource.get` each (deduplicated per request by the loader).
 * Nothing bounds how many a booking holds; bookings hold one or a few, so this many are assumed.
 */
export const ASSUMED_RESOURCES_PER_BOOKING = 3;

/** Root fields not in the table: a query field reads once, a mutation writes and reads back. */
export const UNKNOWN_QUERY_FIELD: FieldCost = { commands: () => 1 };
export const UNKNOWN_MUTATION_FIELD: FieldCost = { commands: () => 2 };

const one: FieldCost = { commands: () => 1 };
const two: FieldCost = { commands: () => 2 };
const free: FieldCost = { items: () => 1 };

/**
 * A paged list (`page: {limit, offset}`): one list call per Bitrix24 page the window touches, plus the
 * page holding the row after it (for `hasMore`), as `readPage` does; `limit` items below it.
 */
const paged: FieldCost = {
  commands: (args) => {
    const { limit, offset } = pageOf(args);
    return Math.floor((offset + limit) / PAGE_SIZE) - Math.floor(offset / PAGE_SIZE) + 1;
  },
  items: (args) => pageOf(args).limit,
};

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

/**
 * Every field that causes upstream calls, by `Type.field`. Fields not listed cost nothing (they map
 * data already read); lists not listed count DEFAULT_LIST_LENGTH items. Keep this table in step with
 * the resolvers: a new field that reads from the portal must be priced here.
 */
export const COST_TABLE: Readonly<Record<string, FieldCost>> = {
  // Reads by id go through the request's loaders: one command per id, folded into batches.
  "Query.booking": one,
  "Query.resource": one,
  "Query.resourceType": one,
  "Query.waitListItem": one,
  "Query.bookingClients": one,
  "Query.clientTypes": one,
  "Query.bookings": paged,
  "Query.resources": paged,
  "Query.resourceTypes": paged,
  "Query.waitListItems": paged,
  "Query._service": free,
  // The items of a page: `paged` already multiplied by the page's limit.
  "BookingPage.items": free,
  "ResourcePage.items": free,
  "ResourceTypePage.items": free,
  "WaitListItemPage.items": free,
  // Relations, one loader call per parent.
  "Booking.clients": one,
  "Booking.externalData": one,
  "Booking.resources": {
    commands: () => ASSUMED_RESOURCES_PER_BOOKING,
    items: () => ASSUMED_RESOURCES_PER_BOOKING,
  },
  "Resource.type": one,
  "Resource.slots": one,
  "ResourceType.resources": paged,
  "WaitListItem.clients": one,
  "WaitListItem.externalData": one,
  // Mutations: the write, plus the read-back that runs in the same halting batch.
  "Mutation.addBooking": two,
  "Mutation.updateBooking": two,
  "Mutation.deleteBooking": one,
  "Mutation.setBookingClients": one,
  "Mutation.unsetBookingClients": one,
  "Mutation.setBookingExternalData": one,
  "Mutation.unsetBookingExternalData": one,
  "Mutation.setWaitListItemExternalData": one,
  "Mutation.unsetWaitListItemExternalData": one,
  "Mutation.addResource": two,
  "Mutation.updateResource": two,
  "Mutation.deleteResource": one,
  "Mutation.addResourceType": two,
  "Mutation.updateResourceType": two,
  "Mutation.deleteResourceType": one,
  // slots.set is followed by slots.list (the portal gives new ids).
  "Mutation.setResourceSlots": two,
  "Mutation.unsetResourceSlots": one,
  "Mutation.setWaitListItemClients": one,
  "Mutation.unsetWaitListItemClients": one,
  "Mutation.addWaitListItem": two,
  "Mutation.updateWaitListItem": two,
  "Mutation.deleteWaitListItem": one,
  "Mutation.createBookingFromWaitList": two,
  "Mutation.createWaitListItemFromBooking": two,
  // Mutation payloads that read the record back when selected.
  "SetBookingClientsPayload.booking": one,
  "UnsetBookingClientsPayload.booking": one,
  "SetBookingExternalDataPayload.booking": one,
  "UnsetBookingExternalDataPayload.booking": one,
  "SetWaitListItemExternalDataPayload.waitListItem": one,
  "UnsetWaitListItemExternalDataPayload.waitListItem": one,
  "SetWaitListItemClientsPayload.waitListItem": one,
  "UnsetWaitListItemClientsPayload.waitListItem": one,
  "SetResourceSlotsPayload.resource": one,
  "UnsetResourceSlotsPayload.resource": one,
};

/** `_entities`: each representation is one read by key through the loader of its type. */
export const ENTITY_REFERENCE_COMMANDS = 1;
