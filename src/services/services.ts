import type { ScopedCache } from "../cache/read-cache";
import type { Upstream } from "../transport/upstream";
import { BookingService } from "./booking.service";
import type { ChangeAnnouncer } from "./change-announcer";
import { ResourceTypeService } from "./resource-type.service";
import { ResourceService } from "./resource.service";
import { WaitListService } from "./waitlist.service";
import { WriteEffects } from "./write-effects";

/**
 * One service per entity, for one GraphQL request: each owns its entity's reads and writes and
 * keeps its own reads consistent after its writes. Reads go through the shared read cache; a write
 * invalidates what it changed there before it returns, and writes that Bitrix24 also announces as
 * events are announced to subscribers at once. Where a write changes another entity (a booking
 * moved to the waitlist), the service that wrote tells the other one.
 */
export interface Services {
  bookings: BookingService;
  resources: ResourceService;
  resourceTypes: ResourceTypeService;
  waitList: WaitListService;
}

export function createServices(
  upstream: Upstream,
  announcer: ChangeAnnouncer,
  cache: ScopedCache,
): Services {
  const effects = new WriteEffects(cache, announcer);
  const bookings = new BookingService(upstream, cache, effects);
  return {
    bookings,
    resources: new ResourceService(upstream, cache, effects, bookings),
    resourceTypes: new ResourceTypeService(upstream, cache, effects),
    waitList: new WaitListService(upstream, cache, effects, bookings),
  };
}
