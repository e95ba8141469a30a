import { createHash } from "node:crypto";
import type { CacheEntry, ScopedCache } from "../cache/read-cache";
import type { ChangedEntity, ChangeKindName } from "./change-announcer";
import { KeyedReads } from "./keyed-reads";
import { readPage, type Page, type PageWindow } from "./paging";

/**
 * How the services name what they cache, and what makes it stale: in one place, so that a read's
 * entry and a write's invalidation cannot drift apart.
 *
 * Units: `booking:14` (the record and what hangs off it: clients, links, slots), `booking:list`
 * (the type's list pages) and `booking:all` (every entry of the type).
 */

/** What a change of one record makes stale. Deleting a resource may change bookings' resource ids. */
export function unitsOfChange(entity: ChangedEntity, kind: ChangeKindName, id: number): string[] {
  const units = [`${entity}:list`];
  if (kind !== "ADDED") units.push(`${entity}:${id}`);
  if (entity === "resource" && kind === "DELETED") units.push("booking:all");
  return units;
}

/** What a write of a part of a record (clients, links, slots) makes stale; a booking list can filter by client. */
export function unitsOfPart(entity: ChangedEntity, id: number): string[] {
  return [`${entity}:${id}`, `${entity}:list`];
}

/** The entry of a record of `entity`, or of one `part` hanging off it ("clients", "slots"…). */
function recordEntry(entity: ChangedEntity, id: number, part?: string): CacheEntry {
  return {
    kind: part ? `${entity}${part[0]!.toUpperCase()}${part.slice(1)}` : entity,
    key: part ? `${entity}:${id}:${part}` : `${entity}:${id}`,
    units: [`${entity}:${id}`, `${entity}:all`],
  };
}

/** Reads by id of a record (or of a part of it) within one request, each through the cache. */
export function cachedReads<T>(
  cache: ScopedCache,
  entity: ChangedEntity,
  load: (id: number) => Promise<T>,
  part?: string,
): KeyedReads<T> {
  return new KeyedReads((id) => cache.read(recordEntry(entity, id, part), () => load(id)));
}

/** A window of a list of `entity`, each upstream page through the cache (keyed by a digest of the query). */
export function cachedPage<T>(
  cache: ScopedCache,
  entity: ChangedEntity,
  query: object,
  window: PageWindow,
  fetchPage: (pageIndex: number) => Promise<T[]>,
): Promise<Page<T>> {
  const digest = createHash("sha256").update(JSON.stringify(query)).digest("hex").slice(0, 16);
  return readPage(window, (index) =>
    cache.read(
      {
        kind: `${entity}List`,
        key: `${entity}:list:${digest}:${index}`,
        units: [`${entity}:list`, `${entity}:all`],
      },
      () => fetchPage(index),
    ),
  );
}
