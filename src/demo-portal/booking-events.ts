/**
 * The events of the booking module, upper-case as they travel (`event=ONBOOKINGADD`) and as
 * event.bind stores them. The order is the order of the outgoing webhook's handler ids: the docs'
 * example payloads carry event_handler_id 1-3 for the resource type events, 4-6 for resources,
 * 7-9 for bookings and 10-12 for the waitlist (line 28 of each events/on-*.md page under
 * api-reference/booking/).
 */
export const BOOKING_EVENTS = [
  "ONBOOKINGRESOURCETYPEADD",
  "ONBOOKINGRESOURCETYPEUPDATE",
  "ONBOOKINGRESOURCETYPEDELETE",
  "ONBOOKINGRESOURCEADD",
  "ONBOOKINGRESOURCEUPDATE",
  "ONBOOKINGRESOURCEDELETE",
  "ONBOOKINGADD",
  "ONBOOKINGUPDATE",
  "ONBOOKINGDELETE",
  "ONBOOKINGWAITLISTITEMADD",
  "ONBOOKINGWAITLISTITEMUPDATE",
  "ONBOOKINGWAITLISTITEMDELETE",
] as const;

export type BookingEventName = (typeof BOOKING_EVENTS)[number];

export function isBookingEventName(name: string): name is BookingEventName {
  return (BOOKING_EVENTS as readonly string[]).includes(name);
}

/**
 * One change a method made: the event and the record's id. The payload carries only `data[ID]`,
 * with no FIELDS wrapper (BookingRestService::getRestParams returns ['ID' => $id]).
 */
export interface BookingEvent {
  name: BookingEventName;
  id: number;
}

/**
 * The kind of record an event is about, the event name without "ONBOOKING" and the action:
 * "" for bookings, "RESOURCE", "RESOURCETYPE" or "WAITLISTITEM". An event's object is this kind
 * and its data[ID].
 */
export function entityOf(name: BookingEventName): string {
  return name.replace(/^ONBOOKING/, "").replace(/(ADD|UPDATE|DELETE)$/, "");
}
