import { BookingApi } from "../bitrix/booking-api";
import { BOOKING_CLIENTS, BOOKING_EXTERNAL_DATA, OwnedListApi } from "../bitrix/owned-list-api";
import type { WireExternalData } from "../bitrix/waitlist-wire-types";
import type {
  WireBooking,
  WireBookingFields,
  WireBookingFilter,
  WireBookingOrder,
  WireClient,
  WireClientType,
} from "../bitrix/wire-types";
import type { ChangeAnnouncer } from "./change-announcer";
import type { Upstream } from "../transport/upstream";
import { KeyedReads } from "./keyed-reads";
import { OwnedListService } from "./owned-list.service";
import { readPage, type Page, type PageWindow } from "./paging";

export interface BookingQuery {
  filter?: WireBookingFilter;
  order?: WireBookingOrder;
}

/** Every read and write of bookings, their clients and their external-data links. */
export class BookingService {
  private readonly api: BookingApi;
  private readonly records: KeyedReads<WireBooking>;
  readonly clients: OwnedListService<WireClient, WireBooking>;
  readonly externalData: OwnedListService<WireExternalData, WireBooking>;

  constructor(
    upstream: Upstream,
    private readonly announcer: ChangeAnnouncer,
  ) {
    this.api = new BookingApi(upstream);
    this.records = new KeyedReads((id) => this.api.getBooking(id));
    this.clients = new OwnedListService(new OwnedListApi(upstream, BOOKING_CLIENTS), this);
    this.externalData = new OwnedListService(
      new OwnedListApi(upstream, BOOKING_EXTERNAL_DATA),
      this,
    );
  }

  get(id: number): Promise<WireBooking> {
    return this.records.get(id);
  }

  async list(query: BookingQuery, window: PageWindow): Promise<Page<WireBooking>> {
    const page = await readPage(window, (index) =>
      this.api.listBookings({ ...query, page: index }),
    );
    for (const booking of page.items) this.remember(booking.id, booking);
    return page;
  }

  async add(fields: WireBookingFields): Promise<WireBooking> {
    const booking = await this.api.addBooking(fields);
    this.remember(booking.id, booking);
    this.announcer.announce({ entity: "booking", kind: "ADDED", id: Number(booking.id) });
    return booking;
  }

  async update(id: number, fields: WireBookingFields): Promise<WireBooking> {
    const booking = await this.api.updateBooking(id, fields);
    this.remember(id, booking);
    this.announcer.announce({ entity: "booking", kind: "UPDATED", id });
    return booking;
  }

  async delete(id: number): Promise<void> {
    await this.api.deleteBooking(id);
    this.forget(id);
    this.announcer.announce({ entity: "booking", kind: "DELETED", id });
  }

  clientTypes(): Promise<WireClientType[]> {
    return this.api.listClientTypes();
  }

  /** The booking as a write just returned it. */
  remember(id: number, booking: WireBooking): void {
    this.records.remember(Number(id), booking);
  }

  /** The booking is gone or moved (to the waitlist): nothing read of it still holds. */
  forget(id: number): void {
    this.records.forget(id);
    this.clients.forget(id);
    this.externalData.forget(id);
  }

  /** Bookings changed in ways not known here (a resource they held was deleted). */
  forgetAll(): void {
    this.records.forgetAll();
  }
}
