import { BookingApi } from "../bitrix/booking-api";
import {
  BOOKING_CLIENTS,
  BOOKING_EXTERNAL_DATA,
  OwnedListApi,
  type OwnedListMethods,
} from "../bitrix/owned-list-api";
import type { WireExternalData } from "../bitrix/waitlist-wire-types";
import type {
  WireBooking,
  WireBookingFields,
  WireBookingFilter,
  WireBookingOrder,
  WireClient,
  WireClientType,
} from "../bitrix/wire-types";
import type { ScopedCache } from "../cache/read-cache";
import { cachedPage, cachedReads } from "./cache-entries";
import type { WriteEffects } from "./write-effects";
import type { Upstream } from "../transport/upstream";
import type { KeyedReads } from "./keyed-reads";
import { OwnedListService } from "./owned-list.service";
import type { Page, PageWindow } from "./paging";

export interface BookingQuery {
  filter?: WireBookingFilter;
  order?: WireBookingOrder;
}

/** Every read and write of bookings, their clients and their external-data links. */
export class BookingService {
  private readonly api: BookingApi;
  private readonly records: KeyedReads<WireBooking>;
  // Built on first use: a query of bookings alone never reads their lists.
  private clientLists: OwnedListService<WireClient, WireBooking> | undefined;
  private externalDataLists: OwnedListService<WireExternalData, WireBooking> | undefined;

  constructor(
    private readonly upstream: Upstream,
    private readonly cache: ScopedCache,
    private readonly effects: WriteEffects,
  ) {
    this.api = new BookingApi(upstream);
    this.records = cachedReads(cache, "booking", (id) => this.api.getBooking(id));
  }

  get clients(): OwnedListService<WireClient, WireBooking> {
    return (this.clientLists ??= this.ownedList(BOOKING_CLIENTS, "clients"));
  }

  get externalData(): OwnedListService<WireExternalData, WireBooking> {
    return (this.externalDataLists ??= this.ownedList(BOOKING_EXTERNAL_DATA, "externalData"));
  }

  private ownedList<TItem>(
    methods: OwnedListMethods,
    part: "clients" | "externalData",
  ): OwnedListService<TItem, WireBooking> {
    return new OwnedListService(new OwnedListApi<TItem, WireBooking>(this.upstream, methods), {
      entity: "booking",
      part,
      owner: this,
      cache: this.cache,
      effects: this.effects,
    });
  }

  get(id: number): Promise<WireBooking> {
    return this.records.get(id);
  }

  async list(query: BookingQuery, window: PageWindow): Promise<Page<WireBooking>> {
    const page = await cachedPage(this.cache, "booking", query, window, (index) =>
      this.api.listBookings({ ...query, page: index }),
    );
    for (const booking of page.items) this.remember(booking.id, booking);
    return page;
  }

  async add(fields: WireBookingFields): Promise<WireBooking> {
    const booking = await this.api.addBooking(fields);
    this.remember(booking.id, booking);
    await this.effects.changed({ entity: "booking", kind: "ADDED", id: Number(booking.id) });
    return booking;
  }

  async update(id: number, fields: WireBookingFields): Promise<WireBooking> {
    const booking = await this.api.updateBooking(id, fields);
    this.remember(id, booking);
    await this.effects.changed({ entity: "booking", kind: "UPDATED", id });
    return booking;
  }

  async delete(id: number): Promise<void> {
    await this.api.deleteBooking(id);
    this.forget(id);
    await this.effects.changed({ entity: "booking", kind: "DELETED", id });
  }

  clientTypes(): Promise<WireClientType[]> {
    return this.cache.read(
      { kind: "clientTypes", key: "clientTypes", units: ["clientTypes"] },
      () => this.api.listClientTypes(),
    );
  }

  /** The booking as a write just returned it. */
  remember(id: number, booking: WireBooking): void {
    this.records.remember(Number(id), booking);
  }

  /** The booking is gone or moved (to the waitlist): nothing read of it still holds. */
  forget(id: number): void {
    this.records.forget(id);
    this.clientLists?.forget(id);
    this.externalDataLists?.forget(id);
  }

  /** Bookings changed in ways not known here (a resource they held was deleted). */
  forgetAll(): void {
    this.records.forgetAll();
  }
}
