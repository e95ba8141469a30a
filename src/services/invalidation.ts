import type { ChangedEntity, ChangeKindName } from "./change-announcer";

/**
 * What a change of one record makes stale: the record with what hangs off it (clients, links,
 * slots), and its type's list pages. Deleting a resource may change the resource ids of bookings,
 * so it makes every booking stale too.
 */
export function unitsOfChange(entity: ChangedEntity, kind: ChangeKindName, id: number): string[] {
  const units = [`${entity}:list`];
  if (kind !== "ADDED") units.push(`${entity}:${id}`);
  if (entity === "resource" && kind === "DELETED") units.push("booking:all");
  return units;
}

/** The units of a record's entry and of its list pages. */
export function recordUnits(entity: ChangedEntity, id: number): string[] {
  return [`${entity}:${id}`, `${entity}:all`];
}

export function listUnits(entity: ChangedEntity): string[] {
  return [`${entity}:list`, `${entity}:all`];
}
