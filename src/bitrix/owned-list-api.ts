import type { Upstream } from "../transport/upstream";
import { bookingRead } from "./booking-api";
import { list, writeThenRead, type RecordRead } from "./result-shape";
import type { WireExternalData, WireWaitListItem } from "./waitlist-wire-types";
import { waitListItemRead } from "./waitlist-api";
import type { WireBooking, WireClient } from "./wire-types";

/**
 * A list a record owns and that the portal replaces whole: the clients and the external-data links
 * of a booking or a waitlist item. Each answers `.list`, `.set` and `.unset` under its own prefix.
 */
export interface OwnedListMethods {
  /** e.g. "booking.v1.booking.client": the methods are `${prefix}.list|set|unset`. */
  prefix: string;
  /** The owner's id argument: bookingId or waitListId. */
  ownerParam: string;
  /** The argument of `.set` holding the new list: clients or externalData. */
  itemsParam: string;
  /** The key of `.list`'s result holding the items. */
  listKey: string;
  /** How the owner is read back after a write. */
  readOwner: (id: number) => RecordRead;
}

export const BOOKING_CLIENTS: OwnedListMethods = {
  prefix: "booking.v1.booking.client",
  ownerParam: "bookingId",
  itemsParam: "clients",
  listKey: "bookingClient",
  readOwner: bookingRead,
};

export const WAITLIST_CLIENTS: OwnedListMethods = {
  prefix: "booking.v1.waitlist.client",
  ownerParam: "waitListId",
  itemsParam: "clients",
  listKey: "waitListClient",
  readOwner: waitListItemRead,
};

export const BOOKING_EXTERNAL_DATA: OwnedListMethods = {
  prefix: "booking.v1.booking.externalData",
  ownerParam: "bookingId",
  itemsParam: "externalData",
  listKey: "externalData",
  readOwner: bookingRead,
};

export const WAITLIST_EXTERNAL_DATA: OwnedListMethods = {
  prefix: "booking.v1.waitlist.externalData",
  ownerParam: "waitListId",
  itemsParam: "externalData",
  listKey: "externalData",
  readOwner: waitListItemRead,
};

/** Typed `.list`, `.set` and `.unset` of one owned list; `TOwner` is the owner's wire shape. */
export class OwnedListApi<TItem, TOwner> {
  constructor(
    private readonly upstream: Upstream,
    private readonly methods: OwnedListMethods,
  ) {}

  async list(ownerId: number): Promise<TItem[]> {
    const method = `${this.methods.prefix}.list`;
    const { result } = await this.upstream.call(method, { [this.methods.ownerParam]: ownerId });
    return list<TItem>(method, result, this.methods.listKey);
  }

  /**
   * Replaces the whole list; with `withOwner`, reads the owner in the same upstream request, the
   * read running only if the write succeeded.
   */
  set(ownerId: number, items: TItem[], withOwner: boolean): Promise<TOwner | undefined> {
    const { prefix, ownerParam, itemsParam } = this.methods;
    return writeThenRead<TOwner>(
      this.upstream,
      { method: `${prefix}.set`, params: { [ownerParam]: ownerId, [itemsParam]: items } },
      withOwner ? this.methods.readOwner(ownerId) : undefined,
    );
  }

  /** Empties the list; with `withOwner`, reads the owner in the same upstream request. */
  unset(ownerId: number, withOwner: boolean): Promise<TOwner | undefined> {
    const { prefix, ownerParam } = this.methods;
    return writeThenRead<TOwner>(
      this.upstream,
      { method: `${prefix}.unset`, params: { [ownerParam]: ownerId } },
      withOwner ? this.methods.readOwner(ownerId) : undefined,
    );
  }
}

export type BookingClientsApi = OwnedListApi<WireClient, WireBooking>;
export type WaitListClientsApi = OwnedListApi<WireClient, WireWaitListItem>;
export type BookingExternalDataApi = OwnedListApi<WireExternalData, WireBooking>;
export type WaitListExternalDataApi = OwnedListApi<WireExternalData, WireWaitListItem>;
