import { phpGet, phpIsset, type PhpArray } from "../php-array";
import { toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type NotificationSettings, type PortalStore } from "../store";
import { invalidFieldValue, readText, readYesNo } from "./field-values";
import { readNotificationSettings } from "./notification-settings";

/** The keys resource.add and .update accept inside `fields`; others are dropped silently. */
export interface ResourceFields {
  name?: string;
  description?: string | null;
  typeId?: number;
  isMain?: boolean;
  notifications: Partial<NotificationSettings>;
}

export const REQUIRED_ON_ADD = ["name"] as const;

/**
 * Validates the keys that are present, in the server's order: the type first (1013, whose
 * message carries the id as the server read it; text that is not a number reads as 0), then the
 * template types and the other values (422 naming the field).
 */
export function readResourceFields(fields: PhpArray, store: PortalStore): ResourceFields {
  const result: ResourceFields = { notifications: {} };
  if (phpIsset(fields, "typeId")) {
    const typeId = toInteger(phpGet(fields, "typeId")) ?? 0;
    if (!store.resourceTypes.has(typeId)) {
      throw new PortalError("1013", `Resource type with id ${typeId} does not exist`);
    }
    result.typeId = typeId;
  }
  result.notifications = readNotificationSettings(fields, "resource");
  if (phpIsset(fields, "name")) result.name = readTextField(fields, "name");
  // A null description clears it: update rebuilds the resource from the merged fields.
  const description = phpGet(fields, "description");
  if (description === null) result.description = null;
  else if (description !== undefined) result.description = readTextField(fields, "description");
  if (phpIsset(fields, "isMain")) {
    const isMain = readYesNo(phpGet(fields, "isMain"));
    if (isMain === undefined) throw invalidFieldValue("isMain");
    result.isMain = isMain;
  }
  return result;
}

function readTextField(fields: PhpArray, key: string): string {
  const text = readText(phpGet(fields, key));
  if (text === undefined) throw invalidFieldValue(key);
  return text;
}
