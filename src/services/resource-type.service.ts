import { ResourceTypeApi } from "../bitrix/resource-type-api";
import type {
  WireResourceType,
  WireResourceTypeFields,
  WireResourceTypeFilter,
  WireResourceTypeOrder,
} from "../bitrix/resource-wire-types";
import type { ScopedCache } from "../cache/read-cache";
import { cachedPage, cachedReads } from "./cache-entries";
import type { WriteEffects } from "./write-effects";
import type { Upstream } from "../transport/upstream";
import type { KeyedReads } from "./keyed-reads";
import type { Page, PageWindow } from "./paging";

export interface ResourceTypeQuery {
  filter?: WireResourceTypeFilter;
  order?: WireResourceTypeOrder;
}

/** Every read and write of resource types, and the codes this request's writes gave them. */
export class ResourceTypeService {
  private readonly api: ResourceTypeApi;
  private readonly records: KeyedReads<WireResourceType>;
  /**
   * Codes that writes of this request gave to a type, by code: the type's id. A later field of the
   * same request asking for one of them is refused before it costs an upstream call (the portal
   * would answer 1010/1011).
   */
  private readonly claimedCodes = new Map<string, number>();

  constructor(
    upstream: Upstream,
    private readonly cache: ScopedCache,
    private readonly effects: WriteEffects,
  ) {
    this.api = new ResourceTypeApi(upstream);
    this.records = cachedReads(cache, "resourceType", (id) => this.api.getResourceType(id));
  }

  get(id: number): Promise<WireResourceType> {
    return this.records.get(id);
  }

  async list(query: ResourceTypeQuery, window: PageWindow): Promise<Page<WireResourceType>> {
    const page = await cachedPage(this.cache, "resourceType", query, window, (index) =>
      this.api.listResourceTypes({ ...query, page: index }),
    );
    for (const type of page.items) this.records.remember(Number(type.id), type);
    return page;
  }

  async add(fields: WireResourceTypeFields & { code: string }): Promise<WireResourceType> {
    const type = await this.api.addResourceType(fields);
    const id = Number(type.id);
    this.records.remember(id, type);
    this.claimCode(fields.code, id);
    await this.effects.changed({ entity: "resourceType", kind: "ADDED", id });
    return type;
  }

  async update(id: number, fields: WireResourceTypeFields): Promise<WireResourceType> {
    const type = await this.api.updateResourceType(id, fields);
    this.records.remember(id, type);
    if (fields.code !== undefined) this.claimCode(fields.code, id);
    await this.effects.changed({ entity: "resourceType", kind: "UPDATED", id });
    return type;
  }

  async delete(id: number): Promise<void> {
    await this.api.deleteResourceType(id);
    this.forget(id);
    this.releaseCodes(id);
    await this.effects.changed({ entity: "resourceType", kind: "DELETED", id });
  }

  /** The type an earlier write of this request gave `code` to, if any. */
  holderOfCode(code: string): number | undefined {
    return this.claimedCodes.get(code);
  }

  forget(id: number): void {
    this.records.forget(id);
  }

  private claimCode(code: string, typeId: number): void {
    this.releaseCodes(typeId);
    this.claimedCodes.set(code, typeId);
  }

  private releaseCodes(typeId: number): void {
    for (const [code, holder] of this.claimedCodes) {
      if (holder === typeId) this.claimedCodes.delete(code);
    }
  }
}
