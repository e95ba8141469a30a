import type { Upstream } from "../transport/upstream";
import { BookingService } from "./booking.service";
import { ResourceTypeService } from "./resource-type.service";
import { ResourceService } from "./resource.service";
import { WaitListService } from "./waitlist.service";

/**
 * One service per entity, for one GraphQL request: each owns its entity's reads and writes and
 * keeps its own reads consistent after its writes. Where a write changes another entity (a booking
 * moved to the waitlist), the service that wrote tells the other one.
 */
export interface Services {
  bookings: BookingService;
  resources: ResourceService;
  resourceTypes: ResourceTypeService;
  waitList: WaitListService;
}

export function createServices(upstream: Upstream): Services {
  const bookings = new BookingService(upstream);
  return {
    bookings,
    resources: new ResourceService(upstream, bookings),
    resourceTypes: new ResourceTypeService(upstream),
    waitList: new WaitListService(upstream, bookings),
  };
}
