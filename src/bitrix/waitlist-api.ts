import { PAGE_SIZE } from "../transport/protocol";
import { bookingRead } from "./booking-api";
import { createThenRead, field, list, writeThenRead, type RecordRead } from "./result-shape";
import type { Upstream } from "../transport/upstream";
import type {
  WireWaitListFields,
  WireWaitListFilter,
  WireWaitListItem,
} from "./waitlist-wire-types";
import type { WireBooking, WireBookingFields } from "./wire-types";

const GET = "booking.v1.waitlist.get";

/**
 * Typed booking.v1.waitlist.* methods (its clients and links: owned-list-api) and the moves between the waitlist
 * and the calendar (waitlist.createfrombooking, booking.createfromwaitlist).
 */
export class WaitListApi {
  constructor(private readonly upstream: Upstream) {}

  async getWaitListItem(id: number): Promise<WireWaitListItem> {
    const { result } = await this.upstream.call(GET, { id });
    return field<WireWaitListItem>(GET, result, "waitList");
  }

  /** One page of waitlist items by id; `page` is 0-based, each page holds up to 50 rows. */
  async listWaitListItems(args: {
    filter?: WireWaitListFilter;
    page: number;
  }): Promise<WireWaitListItem[]> {
    const method = "booking.v1.waitlist.list";
    const { result } = await this.upstream.call(method, {
      ...(args.filter && { filter: args.filter }),
      start: args.page * PAGE_SIZE,
    });
    return list<WireWaitListItem>(method, result, "waitList");
  }

  /**
   * Creates a waitlist item and reads it back in the same upstream request. If only the read fails,
   * the item exists: it is read again rather than created again.
   */
  addWaitListItem(fields: WireWaitListFields): Promise<WireWaitListItem> {
    return createThenRead<WireWaitListItem>(
      this.upstream,
      { method: "booking.v1.waitlist.add", params: { fields } },
      (id) => this.read(id),
    );
  }

  /** Changes a waitlist item and reads it back in the same upstream request. */
  async updateWaitListItem(id: number, fields: WireWaitListFields): Promise<WireWaitListItem> {
    return (await writeThenRead<WireWaitListItem>(
      this.upstream,
      { method: "booking.v1.waitlist.update", params: { id, fields } },
      this.read(id),
    ))!;
  }

  async deleteWaitListItem(id: number): Promise<void> {
    await this.upstream.call("booking.v1.waitlist.delete", { id });
  }

  /**
   * Moves a booking to the waitlist (the booking is deleted; its clients, links and note move along)
   * and reads the new item in the same upstream request.
   */
  createFromBooking(bookingId: number): Promise<WireWaitListItem> {
    return createThenRead<WireWaitListItem>(
      this.upstream,
      { method: "booking.v1.waitlist.createfrombooking", params: { bookingId } },
      (id) => this.read(id),
    );
  }

  /**
   * Books a waitlist item (the item is deleted; its clients, links and note move to the booking) and
   * reads the new booking in the same upstream request. The server reads only resourceIds and
   * datePeriod from `fields`.
   */
  createBookingFromWaitList(
    waitListId: number,
    fields: Required<Pick<WireBookingFields, "resourceIds" | "datePeriod">>,
  ): Promise<WireBooking> {
    return createThenRead<WireBooking>(
      this.upstream,
      { method: "booking.v1.booking.createfromwaitlist", params: { waitListId, fields } },
      bookingRead,
    );
  }

  private read(id: number | string): RecordRead {
    return waitListItemRead(id);
  }
}

/** How a waitlist item is read back after a write that changed it. */
export function waitListItemRead(id: number | string): RecordRead {
  return { method: GET, params: { id }, key: "waitList" };
}
