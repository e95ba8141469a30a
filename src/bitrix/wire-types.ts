/** Shapes of booking.v1 data as the portal sends and takes them (camelCase, `crm` in lower case). */

export interface WireDateBoundary {
  /** Unix seconds. */
  timestamp: number;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
}

export interface WireDatePeriod {
  from: WireDateBoundary;
  to: WireDateBoundary;
}

export interface WireBooking {
  id: number;
  name: string;
  description: string | null;
  datePeriod: WireDatePeriod;
  resourceIds: number[];
}

export interface WireBookingFields {
  resourceIds?: number[];
  datePeriod?: WireDatePeriod;
  name?: string;
  description?: string | null;
}

export interface WireClientType {
  /** "crm" on the wire. */
  module: string;
  /** "CONTACT" or "COMPANY" today; other values are possible from newer portals. */
  code: string;
}

export interface WireClient {
  id: number;
  type: WireClientType;
}

export interface WireBookingFilter {
  within?: { dateFrom: number; dateTo: number };
  client?: { entities: Array<{ id: number; module: string; code: string }> };
  resourceId?: number[];
}

export type WireSortDirection = "ASC" | "DESC";

export interface WireBookingOrder {
  id?: WireSortDirection;
  dateFrom?: WireSortDirection;
  dateTo?: WireSortDirection;
}
