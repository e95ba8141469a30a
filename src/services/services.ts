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
 * The services of one request. Each is built when a resolver first asks for it: most operations touch
 * one entity, and building all four with their loaders for every request was a measurable share of a
 * simple query's cost. The getters sit on the prototype because Apollo copies a request's context for
 * each operation (Object.assign, which would call own getters); the copies share `built`, so every
 * operation of an HTTP batch sees the same services.
 */
export class RequestServices implements Services {
  protected readonly built: {
    effects?: WriteEffects;
    bookings?: BookingService;
    resources?: ResourceService;
    resourceTypes?: ResourceTypeService;
    waitList?: WaitListService;
  } = {};

  constructor(
    protected readonly upstream: Upstream,
    protected readonly announcer: ChangeAnnouncer,
    protected readonly cache: ScopedCache,
  ) {}

  get bookings(): BookingService {
    return (this.built.bookings ??= new BookingService(this.upstream, this.cache, this.effects()));
  }

  get resources(): ResourceService {
    return (this.built.resources ??= new ResourceService(
      this.upstream,
      this.cache,
      this.effects(),
      this.bookings,
    ));
  }

  get resourceTypes(): ResourceTypeService {
    return (this.built.resourceTypes ??= new ResourceTypeService(
      this.upstream,
      this.cache,
      this.effects(),
    ));
  }

  get waitList(): WaitListService {
    return (this.built.waitList ??= new WaitListService(
      this.upstream,
      this.cache,
      this.effects(),
      this.bookings,
    ));
  }

  /**
   * Forgets every read this request made (its loaders and their remembered records). A
   * subscription's context lives as long as the subscription, and each change it sends must be
   * resolved from reads made after that change: otherwise a field read for an earlier change (a
   * booking's clients) would be sent again as if it were current.
   */
  forgetReads(): void {
    // Cleared in place: copies of the context (see above) share `built`.
    delete this.built.bookings;
    delete this.built.resources;
    delete this.built.resourceTypes;
    delete this.built.waitList;
  }

  private effects(): WriteEffects {
    return (this.built.effects ??= new WriteEffects(this.cache, this.announcer));
  }
}
