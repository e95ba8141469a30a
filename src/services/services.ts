import type { ChangeAnnouncer } from "./change-announcer";
import type { Upstream } from "../transport/upstream";
import { BookingService } from "./booking.service";
import { ResourceTypeService } from "./resource-type.service";
import { ResourceService } from "./resource.service";
import { WaitListService } from "./waitlist.service";

/**
 * One service per entity, for one GraphQL request: each owns its entity's reads and writes and
 * keeps its own reads consistent after its writes. Where a write changes another entity (a booking
 * moved to the waitlist), the service that wrote tells the other one. Writes that Bitrix24 also
 * announces as events are announced to subscribers at once.
 */
export interface Services {
  bookings: BookingService;
  resources: ResourceService;
  resourceTypes: ResourceTypeService;
  waitList: WaitListService;
}

export function createServices(upstream: Upstream, announcer: ChangeAnnouncer): Services {
  const bookings = new BookingService(upstream, announcer);
  return {
    bookings,
    resources: new ResourceService(upstream, announcer, bookings),
    resourceTypes: new ResourceTypeService(upstream, announcer),
    waitList: new WaitListService(upstream, announcer, bookings),
  };
}
