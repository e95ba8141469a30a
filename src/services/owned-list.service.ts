import type { OwnedListApi } from "../bitrix/owned-list-api";
import { cachedReads } from "./cache-entries";
import type { ScopedCache } from "../cache/read-cache";
import type { ChangedEntity, RecordPart } from "./change-announcer";
import type { KeyedReads } from "./keyed-reads";
import type { WriteEffects } from "./write-effects";

/** What an owned list tells its owner's service after a write that read the owner back. */
export interface OwnerRecords<TOwner> {
  remember(id: number, owner: TOwner): void;
}

/** Whose list it is and what it is called, for the cache and for invalidation. */
export interface OwnedListPlace<TOwner> {
  entity: ChangedEntity;
  part: Extract<RecordPart, "clients" | "externalData">;
  owner: OwnerRecords<TOwner>;
  cache: ScopedCache;
  effects: WriteEffects;
}

/**
 * The reads and writes of one list a record owns and the portal replaces whole (clients and
 * external-data links of bookings and waitlist items). After `replace` the list is exactly what was
 * sent, and after `clear` it is empty, so neither costs a read to know.
 */
export class OwnedListService<TItem, TOwner> {
  private readonly lists: KeyedReads<TItem[]>;

  constructor(
    private readonly api: OwnedListApi<TItem, TOwner>,
    private readonly place: OwnedListPlace<TOwner>,
  ) {
    this.lists = cachedReads(place.cache, place.entity, (ownerId) => api.list(ownerId), place.part);
  }

  of(ownerId: number): Promise<TItem[]> {
    return this.lists.get(ownerId);
  }

  /** Replaces the list; with `withOwner`, the owner is read in the same upstream request. */
  async replace(ownerId: number, items: TItem[], withOwner: boolean): Promise<TOwner | undefined> {
    const owner = await this.api.set(ownerId, items, withOwner);
    await this.written(ownerId);
    this.lists.remember(ownerId, items);
    if (owner) this.place.owner.remember(ownerId, owner);
    return owner;
  }

  /** Empties the list; with `withOwner`, the owner is read in the same upstream request. */
  async clear(ownerId: number, withOwner: boolean): Promise<TOwner | undefined> {
    const owner = await this.api.unset(ownerId, withOwner);
    await this.written(ownerId);
    this.lists.remember(ownerId, []);
    if (owner) this.place.owner.remember(ownerId, owner);
    return owner;
  }

  /** The owner is gone or moved: its list is no longer known. */
  forget(ownerId: number): void {
    this.lists.forget(ownerId);
  }

  private written(ownerId: number): Promise<void> {
    return this.place.effects.changedPart(this.place.entity, ownerId, this.place.part);
  }
}
