import { createThenRead, field, list, writeThenRead, type RecordRead } from "./result-shape";
import { PAGE_SIZE } from "../transport/protocol";
import type { Upstream } from "../transport/upstream";
import type {
  WireBooking,
  WireBookingFields,
  WireBookingFilter,
  WireBookingOrder,
  WireClientType,
} from "./wire-types";

/** How a booking is read back after a write that changed it. */
export function bookingRead(id: number | string): RecordRead {
  return { method: "booking.v1.booking.get", params: { id }, key: "booking" };
}

/** Typed booking.v1 methods for bookings and client types (their clients: owned-list-api). */
export class BookingApi {
  constructor(private readonly upstream: Upstream) {}

  async getBooking(id: number): Promise<WireBooking> {
    const method = "booking.v1.booking.get";
    const { result } = await this.upstream.call(method, { id });
    return field<WireBooking>(method, result, "booking");
  }

  /** One page of bookings; `page` is 0-based, each page holds up to 50 rows. */
  async listBookings(args: {
    filter?: WireBookingFilter;
    order?: WireBookingOrder;
    page: number;
  }): Promise<WireBooking[]> {
    const method = "booking.v1.booking.list";
    const { result } = await this.upstream.call(method, {
      ...(args.filter && { filter: args.filter }),
      ...(args.order && { order: args.order }),
      start: args.page * PAGE_SIZE,
    });
    return list<WireBooking>(method, result, "booking");
  }

  /**
   * Creates a booking and reads it back in the same upstream request. If only the read fails, the
   * booking exists: it is read again rather than created again.
   */
  addBooking(fields: WireBookingFields): Promise<WireBooking> {
    return createThenRead<WireBooking>(
      this.upstream,
      { method: "booking.v1.booking.add", params: { fields } },
      bookingRead,
    );
  }

  /** Changes a booking and reads it back in the same upstream request. */
  async updateBooking(id: number, fields: WireBookingFields): Promise<WireBooking> {
    return (await writeThenRead<WireBooking>(
      this.upstream,
      { method: "booking.v1.booking.update", params: { id, fields } },
      bookingRead(id),
    ))!;
  }

  async deleteBooking(id: number): Promise<void> {
    await this.upstream.call("booking.v1.booking.delete", { id });
  }

  async listClientTypes(): Promise<WireClientType[]> {
    const method = "booking.v1.clienttype.list";
    const { result } = await this.upstream.call(method, {});
    return list<WireClientType>(method, result, "clientType");
  }
}
