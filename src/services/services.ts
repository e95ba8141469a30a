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

/**
 * The services of one request (plus `extra`, whose getters stay getters). Each service is built when
 * a resolver first asks for it: most operations touch one entity, and building all four with their
 * loaders for every request was a measurable share of a simple query's cost.
 */
export function createServices<Extra extends object = object>(
  upstream: Upstream,
  announcer: ChangeAnnouncer,
  cache: ScopedCache,
  extra?: Extra,
): Services & Extra {
  let effects: WriteEffects | undefined;
  let bookings: BookingService | undefined;
  let resources: ResourceService | undefined;
  let resourceTypes: ResourceTypeService | undefined;
  let waitList: WaitListService | undefined;
  const writeEffects = () => (effects ??= new WriteEffects(cache, announcer));
  const services: Services = {
    get bookings() {
      return (bookings ??= new BookingService(upstream, cache, writeEffects()));
    },
    get resources() {
      return (resources ??= new ResourceService(
        upstream,
        cache,
        writeEffects(),
        services.bookings,
      ));
    },
    get resourceTypes() {
      return (resourceTypes ??= new ResourceTypeService(upstream, cache, writeEffects()));
    },
    get waitList() {
      return (waitList ??= new WaitListService(upstream, cache, writeEffects(), services.bookings));
    },
  };
  return Object.defineProperties(
    services,
    Object.getOwnPropertyDescriptors(extra ?? {}),
  ) as Services & Extra;
}
