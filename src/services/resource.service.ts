import { ResourceApi } from "../bitrix/resource-api";
import type {
  WireResource,
  WireResourceFields,
  WireResourceFilter,
  WireResourceOrder,
  WireSlot,
  WireSlotFields,
} from "../bitrix/resource-wire-types";
import type { ScopedCache } from "../cache/read-cache";
import { cachedPage, cachedReads } from "./cache-entries";
import type { WriteEffects } from "./write-effects";
import type { Upstream } from "../transport/upstream";
import type { BookingService } from "./booking.service";
import type { KeyedReads } from "./keyed-reads";
import type { Page, PageWindow } from "./paging";

export interface ResourceQuery {
  filter?: WireResourceFilter;
  order?: WireResourceOrder;
}

/** Every read and write of resources and their slot ranges. */
export class ResourceService {
  private readonly api: ResourceApi;
  private readonly records: KeyedReads<WireResource>;
  private readonly slotLists: KeyedReads<WireSlot[]>;

  constructor(
    upstream: Upstream,
    private readonly cache: ScopedCache,
    private readonly effects: WriteEffects,
    private readonly bookings: BookingService,
  ) {
    this.api = new ResourceApi(upstream);
    this.records = cachedReads(cache, "resource", (id) => this.api.getResource(id));
    this.slotLists = cachedReads(cache, "resource", (id) => this.api.listSlots(id), "slots");
  }

  get(id: number): Promise<WireResource> {
    return this.records.get(id);
  }

  /** Several resources; each missing one is an Error in its place. */
  getMany(ids: readonly number[]): Promise<Array<WireResource | Error>> {
    return this.records.getMany(ids);
  }

  async list(query: ResourceQuery, window: PageWindow): Promise<Page<WireResource>> {
    const page = await cachedPage(this.cache, "resource", query, window, (index) =>
      this.api.listResources({ ...query, page: index }),
    );
    for (const resource of page.items) this.records.remember(Number(resource.id), resource);
    return page;
  }

  async add(fields: WireResourceFields): Promise<WireResource> {
    const resource = await this.api.addResource(fields);
    this.records.remember(Number(resource.id), resource);
    await this.effects.changed({ entity: "resource", kind: "ADDED", id: Number(resource.id) });
    return resource;
  }

  async update(id: number, fields: WireResourceFields): Promise<WireResource> {
    const resource = await this.api.updateResource(id, fields);
    this.records.remember(id, resource);
    await this.effects.changed({ entity: "resource", kind: "UPDATED", id });
    return resource;
  }

  async delete(id: number): Promise<void> {
    await this.api.deleteResource(id);
    this.records.forget(id);
    this.slotLists.forget(id);
    // Past bookings of the resource may have changed their resource ids.
    this.bookings.forgetAll();
    await this.effects.changed({ entity: "resource", kind: "DELETED", id });
  }

  slots(resourceId: number): Promise<WireSlot[]> {
    return this.slotLists.get(resourceId);
  }

  /**
   * Replaces every slot range; the new ranges (the portal gives them new ids) and, with
   * `withResource`, the resource come back from the same upstream request.
   */
  async replaceSlots(
    resourceId: number,
    slots: WireSlotFields[],
    withResource: boolean,
  ): Promise<{ slots: WireSlot[]; resource?: WireResource }> {
    const result = await this.api.setSlots(resourceId, slots, withResource);
    await this.effects.changedPart("resource", resourceId, "slots");
    this.slotLists.remember(resourceId, result.slots);
    if (result.resource) this.records.remember(resourceId, result.resource);
    return result;
  }

  async clearSlots(resourceId: number, withResource: boolean): Promise<WireResource | undefined> {
    const resource = await this.api.unsetSlots(resourceId, withResource);
    await this.effects.changedPart("resource", resourceId, "slots");
    this.slotLists.remember(resourceId, []);
    if (resource) this.records.remember(resourceId, resource);
    return resource;
  }
}
