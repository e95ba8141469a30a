import { PAGE_SIZE } from "../transport/protocol";
import { createThenRead, field, list, type RecordRead, writeThenRead } from "./result-shape";
import type { Upstream } from "../transport/upstream";
import type {
  WireResourceType,
  WireResourceTypeFields,
  WireResourceTypeFilter,
  WireResourceTypeOrder,
} from "./resource-wire-types";

const GET = "booking.v1.resourceType.get";

/** Typed booking.v1.resourceType.* methods: the groups resources belong to. */
export class ResourceTypeApi {
  constructor(private readonly upstream: Upstream) {}

  async getResourceType(id: number): Promise<WireResourceType> {
    const { result } = await this.upstream.call(GET, { id });
    return field<WireResourceType>(GET, result, "resourceType");
  }

  /**
   * One page of resource types; `page` is 0-based, each page holds up to 50 rows. The list key is
   * `resourceType` (the docs example's `resource` is wrong).
   */
  async listResourceTypes(args: {
    filter?: WireResourceTypeFilter;
    order?: WireResourceTypeOrder;
    page: number;
  }): Promise<WireResourceType[]> {
    const method = "booking.v1.resourceType.list";
    const { result } = await this.upstream.call(method, {
      ...(args.filter && { filter: args.filter }),
      ...(args.order && { order: args.order }),
      start: args.page * PAGE_SIZE,
    });
    return list<WireResourceType>(method, result, "resourceType");
  }

  /**
   * Creates a resource type and reads it back in the same upstream request. If only the read fails,
   * the type exists: it is read again rather than created again.
   */
  addResourceType(fields: WireResourceTypeFields): Promise<WireResourceType> {
    return createThenRead<WireResourceType>(
      this.upstream,
      { method: "booking.v1.resourceType.add", params: { fields } },
      (id) => this.read(id),
    );
  }

  /** Changes a resource type and reads it back in the same upstream request. */
  async updateResourceType(id: number, fields: WireResourceTypeFields): Promise<WireResourceType> {
    return (await writeThenRead<WireResourceType>(
      this.upstream,
      { method: "booking.v1.resourceType.update", params: { id, fields } },
      this.read(id),
    ))!;
  }

  /** Refused (1012) while resources of the type exist. */
  async deleteResourceType(id: number): Promise<void> {
    await this.upstream.call("booking.v1.resourceType.delete", { id });
  }

  private read(id: number | string): RecordRead {
    return { method: GET, params: { id }, key: "resourceType" };
  }
}
