import { OwnedListApi, WAITLIST_CLIENTS, WAITLIST_EXTERNAL_DATA } from "../bitrix/owned-list-api";
import { WaitListApi } from "../bitrix/waitlist-api";
import type {
  WireExternalData,
  WireWaitListFields,
  WireWaitListFilter,
  WireWaitListItem,
} from "../bitrix/waitlist-wire-types";
import type { WireBooking, WireBookingFields, WireClient } from "../bitrix/wire-types";
import type { ScopedCache } from "../cache/read-cache";
import { cachedPage, cachedReads } from "./cache-entries";
import type { WriteEffects } from "./write-effects";
import type { Upstream } from "../transport/upstream";
import type { BookingService } from "./booking.service";
import type { KeyedReads } from "./keyed-reads";
import { OwnedListService } from "./owned-list.service";
import type { Page, PageWindow } from "./paging";

/**
 * Every read and write of waitlist items, their clients and links, and the moves between the
 * waitlist and the calendar.
 */
export class WaitListService {
  private readonly api: WaitListApi;
  private readonly records: KeyedReads<WireWaitListItem>;
  readonly clients: OwnedListService<WireClient, WireWaitListItem>;
  readonly externalData: OwnedListService<WireExternalData, WireWaitListItem>;

  constructor(
    upstream: Upstream,
    private readonly cache: ScopedCache,
    private readonly effects: WriteEffects,
    private readonly bookings: BookingService,
  ) {
    this.api = new WaitListApi(upstream);
    this.records = cachedReads(cache, "waitListItem", (id) => this.api.getWaitListItem(id));
    const owned = { entity: "waitListItem" as const, owner: this, cache, effects };
    this.clients = new OwnedListService(new OwnedListApi(upstream, WAITLIST_CLIENTS), {
      ...owned,
      part: "clients",
    });
    this.externalData = new OwnedListService(new OwnedListApi(upstream, WAITLIST_EXTERNAL_DATA), {
      ...owned,
      part: "externalData",
    });
  }

  get(id: number): Promise<WireWaitListItem> {
    return this.records.get(id);
  }

  async list(
    filter: WireWaitListFilter | undefined,
    window: PageWindow,
  ): Promise<Page<WireWaitListItem>> {
    const page = await cachedPage(this.cache, "waitListItem", filter ?? {}, window, (index) =>
      this.api.listWaitListItems({ ...(filter && { filter }), page: index }),
    );
    for (const item of page.items) this.remember(item.id, item);
    return page;
  }

  async add(fields: WireWaitListFields): Promise<WireWaitListItem> {
    const item = await this.api.addWaitListItem(fields);
    this.remember(item.id, item);
    await this.effects.changed({ entity: "waitListItem", kind: "ADDED", id: Number(item.id) });
    return item;
  }

  async update(id: number, fields: WireWaitListFields): Promise<WireWaitListItem> {
    const item = await this.api.updateWaitListItem(id, fields);
    this.remember(id, item);
    await this.effects.changed({ entity: "waitListItem", kind: "UPDATED", id });
    return item;
  }

  async delete(id: number): Promise<void> {
    await this.api.deleteWaitListItem(id);
    this.forget(id);
    await this.effects.changed({ entity: "waitListItem", kind: "DELETED", id });
  }

  /** Books an item: the item is deleted, the new booking (with its clients and links) returned. */
  async book(
    id: number,
    fields: Required<Pick<WireBookingFields, "resourceIds" | "datePeriod">>,
  ): Promise<WireBooking> {
    const booking = await this.api.createBookingFromWaitList(id, fields);
    this.forget(id);
    this.bookings.remember(booking.id, booking);
    await this.effects.changed(
      { entity: "waitListItem", kind: "DELETED", id },
      { entity: "booking", kind: "ADDED", id: Number(booking.id) },
    );
    return booking;
  }

  /** Moves a booking to the waitlist: the booking is deleted, the new item returned. */
  async takeFromCalendar(bookingId: number): Promise<WireWaitListItem> {
    const item = await this.api.createFromBooking(bookingId);
    this.bookings.forget(bookingId);
    this.remember(item.id, item);
    await this.effects.changed(
      { entity: "booking", kind: "DELETED", id: bookingId },
      { entity: "waitListItem", kind: "ADDED", id: Number(item.id) },
    );
    return item;
  }

  remember(id: number, item: WireWaitListItem): void {
    this.records.remember(Number(id), item);
  }

  /** The item is gone or moved (to the calendar): nothing read of it still holds. */
  forget(id: number): void {
    this.records.forget(id);
    this.clients.forget(id);
    this.externalData.forget(id);
  }
}
