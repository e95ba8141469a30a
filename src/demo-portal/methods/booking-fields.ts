import { isPhpArray, phpGet, phpToString, phpValues, type PhpArray } from "../php-array";
import { toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type DatePeriod, type PortalStore } from "../store";
import { readDatePeriod } from "./date-period";

/** The keys booking.add and booking.update accept inside `fields`; others are dropped silently. */
export interface BookingFields {
  name?: string;
  description?: string | null;
  resourceIds?: number[];
  period?: DatePeriod;
}

export const REQUIRED_ON_ADD = ["resourceIds", "datePeriod"] as const;

/**
 * Validates the keys that are present. The date period is checked before the resources: the
 * server builds the entity (where a bad period throws 422) before its add/update command looks
 * the resources up (1018). GUESS: that order is inferred, not observed.
 */
export function readBookingFields(fields: PhpArray, store: PortalStore): BookingFields {
  const result: BookingFields = {};
  const datePeriod = phpGet(fields, "datePeriod");
  if (datePeriod !== undefined) result.period = readDatePeriod(datePeriod);
  const resourceIds = phpGet(fields, "resourceIds");
  if (resourceIds !== undefined) result.resourceIds = readResourceIds(resourceIds, store);
  const name = readText(phpGet(fields, "name"));
  if (name !== undefined) result.name = name ?? "";
  const description = readText(phpGet(fields, "description"));
  if (description !== undefined) result.description = description;
  return result;
}

/** Every id must name an existing resource; an empty list is refused the same way. */
function readResourceIds(value: unknown, store: PortalStore): number[] {
  const items = isPhpArray(value) ? phpValues(value) : [value];
  const ids = items.map(toInteger);
  const allExist = ids.every((id) => id !== undefined && store.resources.has(id));
  if (ids.length === 0 || !allExist) {
    throw new PortalError("1018", "Empty resource collection");
  }
  return [...new Set(ids as number[])];
}

/** Scalars become text as PHP would print them; null clears; arrays are ignored. */
function readText(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return phpToString(value);
  return undefined;
}
