import { parseAddResult } from "./add-result";
import { BitrixError } from "./errors";
import type { Upstream } from "./upstream";
import type {
  WireBooking,
  WireBookingFields,
  WireBookingFilter,
  WireBookingOrder,
  WireClient,
  WireClientType,
} from "./wire-types";

/** booking.v1 lists answer in fixed pages of this many rows, addressed by `start`. */
export const BITRIX_PAGE_SIZE = 50;

/** Typed booking.v1 methods for bookings, their clients and client types. */
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
      start: args.page * BITRIX_PAGE_SIZE,
    });
    return list<WireBooking>(method, result, "booking");
  }

  async addBooking(fields: WireBookingFields): Promise<number> {
    const method = "booking.v1.booking.add";
    const { result } = await this.upstream.call(method, { fields });
    return parseAddResult(method, result);
  }

  async updateBooking(id: number, fields: WireBookingFields): Promise<void> {
    await this.upstream.call("booking.v1.booking.update", { id, fields });
  }

  async deleteBooking(id: number): Promise<void> {
    await this.upstream.call("booking.v1.booking.delete", { id });
  }

  async listBookingClients(bookingId: number): Promise<WireClient[]> {
    const method = "booking.v1.booking.client.list";
    const { result } = await this.upstream.call(method, { bookingId });
    return list<WireClient>(method, result, "bookingClient");
  }

  /** Replaces the booking's whole client list. */
  async setBookingClients(bookingId: number, clients: WireClient[]): Promise<void> {
    await this.upstream.call("booking.v1.booking.client.set", { bookingId, clients });
  }

  /** Removes every client from the booking. */
  async unsetBookingClients(bookingId: number): Promise<void> {
    await this.upstream.call("booking.v1.booking.client.unset", { bookingId });
  }

  async listClientTypes(): Promise<WireClientType[]> {
    const method = "booking.v1.clienttype.list";
    const { result } = await this.upstream.call(method, {});
    return list<WireClientType>(method, result, "clientType");
  }
}

/** `result[key]`, which must be an object; anything else is a protocol this client does not know. */
function field<T>(method: string, result: unknown, key: string): T {
  const value = (result as Record<string, unknown> | null)?.[key];
  if (typeof value !== "object" || value === null) {
    throw new BitrixError("MALFORMED_RESPONSE", `result has no "${key}" object`, method, 200);
  }
  return value as T;
}

/** `result[key]` as an array; PHP sends an empty list as `[]` and sometimes as `{}`. */
function list<T>(method: string, result: unknown, key: string): T[] {
  const value = field<T[] | Record<string, T>>(method, result, key);
  return Array.isArray(value) ? value : Object.values(value);
}
