import { PAGE_SIZE } from "../transport/protocol";
import {
  createThenRead,
  field,
  list,
  readBack,
  writeThenRead,
  type RecordRead,
} from "./result-shape";
import type { Upstream } from "../transport/upstream";
import type {
  WireResource,
  WireResourceFields,
  WireResourceFilter,
  WireResourceOrder,
  WireSlot,
  WireSlotFields,
} from "./resource-wire-types";

const GET = "booking.v1.resource.get";
const SLOTS_LIST = "booking.v1.resource.slots.list";

/** Typed booking.v1.resource.* and resource.slots.* methods: what can be booked, and when. */
export class ResourceApi {
  constructor(private readonly upstream: Upstream) {}

  async getResource(id: number): Promise<WireResource> {
    const { result } = await this.upstream.call(GET, { id });
    return field<WireResource>(GET, result, "resource");
  }

  /** One page of resources; `page` is 0-based, each page holds up to 50 rows. */
  async listResources(args: {
    filter?: WireResourceFilter;
    order?: WireResourceOrder;
    page: number;
  }): Promise<WireResource[]> {
    const method = "booking.v1.resource.list";
    const { result } = await this.upstream.call(method, {
      ...(args.filter && { filter: args.filter }),
      ...(args.order && { order: args.order }),
      start: args.page * PAGE_SIZE,
    });
    return list<WireResource>(method, result, "resource");
  }

  /**
   * Creates a resource and reads it back in the same upstream request. If only the read fails, the
   * resource exists: it is read again rather than created again.
   */
  addResource(fields: WireResourceFields): Promise<WireResource> {
    return createThenRead<WireResource>(
      this.upstream,
      { method: "booking.v1.resource.add", params: { fields } },
      (id) => this.read(id),
    );
  }

  /** Changes a resource and reads it back in the same upstream request. */
  async updateResource(id: number, fields: WireResourceFields): Promise<WireResource> {
    return (await writeThenRead<WireResource>(
      this.upstream,
      { method: "booking.v1.resource.update", params: { id, fields } },
      this.read(id),
    ))!;
  }

  /** Refused (1008) while bookings of the resource end in the future. */
  async deleteResource(id: number): Promise<void> {
    await this.upstream.call("booking.v1.resource.delete", { id });
  }

  async listSlots(resourceId: number): Promise<WireSlot[]> {
    const { result } = await this.upstream.call(SLOTS_LIST, { resourceId });
    return list<WireSlot>(SLOTS_LIST, result, "slots");
  }

  /**
   * Replaces every slot range of the resource and lists the new ranges (the portal gives them new
   * ids) in the same upstream request; with `withResource`, the resource is read there too.
   */
  async setSlots(
    resourceId: number,
    slots: WireSlotFields[],
    withResource: boolean,
  ): Promise<{ slots: WireSlot[]; resource?: WireResource }> {
    const [set, listed, read] = this.upstream.sequence([
      { method: "booking.v1.resource.slots.set", params: { resourceId, slots } },
      { method: SLOTS_LIST, params: { resourceId } },
      ...(withResource ? [{ method: GET, params: { id: resourceId } }] : []),
    ]);
    await set;
    const [newSlots, resource] = await Promise.all([
      readSlotsBack(this, listed!, resourceId),
      read && readBack<WireResource>(this.upstream, read, this.read(resourceId)),
    ]);
    return { slots: newSlots, ...(resource && { resource }) };
  }

  /** Removes every slot range; with `withResource`, reads the resource in the same request. */
  unsetSlots(resourceId: number, withResource: boolean): Promise<WireResource | undefined> {
    return writeThenRead<WireResource>(
      this.upstream,
      { method: "booking.v1.resource.slots.unset", params: { resourceId } },
      withResource ? this.read(resourceId) : undefined,
    );
  }

  private read(id: number | string): RecordRead {
    return { method: GET, params: { id }, key: "resource" };
  }
}

async function readSlotsBack(
  api: ResourceApi,
  listed: Promise<{ result: unknown }>,
  resourceId: number,
): Promise<WireSlot[]> {
  try {
    return list<WireSlot>(SLOTS_LIST, (await listed).result, "slots");
  } catch {
    return api.listSlots(resourceId);
  }
}
