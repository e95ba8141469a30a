/** The portal's in-memory data. Records hold plain values; the wire shape lives in methods/views.ts. */

export interface BookingTime {
  timestamp: number;
  /** IANA zone name exactly as the caller sent it. */
  timezone: string;
}

export interface DatePeriod {
  from: BookingTime;
  to: BookingTime;
}

export type ClientModule = "crm";
export type ClientCode = "CONTACT" | "COMPANY";

export interface BookingClient {
  id: number;
  module: ClientModule;
  code: ClientCode;
}

export interface Booking {
  id: number;
  name: string;
  description: string | null;
  resourceIds: number[];
  period: DatePeriod;
  clients: BookingClient[];
}

export type BookingDraft = Omit<Booking, "id">;

export interface ResourceType {
  id: number;
  name: string;
  code: string;
}

export interface Resource {
  id: number;
  name: string;
  typeId: number;
}

export interface CrmContact {
  id: number;
  name: string;
}

export interface CrmCompany {
  id: number;
  title: string;
}

export class PortalStore {
  readonly resourceTypes = new Map<number, ResourceType>();
  readonly resources = new Map<number, Resource>();
  readonly bookings = new Map<number, Booking>();
  readonly contacts = new Map<number, CrmContact>();
  readonly companies = new Map<number, CrmCompany>();

  /** Like a database auto-increment: ids of deleted bookings are never handed out again. */
  private lastBookingId = 0;

  addBooking(draft: BookingDraft): Booking {
    return this.putBooking({ id: this.lastBookingId + 1, ...draft });
  }

  /** Stores a booking under a chosen id (seed data); later adds continue after the highest id. */
  putBooking(booking: Booking): Booking {
    this.bookings.set(booking.id, booking);
    this.lastBookingId = Math.max(this.lastBookingId, booking.id);
    return booking;
  }
}
