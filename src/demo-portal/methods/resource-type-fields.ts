import { phpGet, phpIsset, type PhpArray } from "../php-array";
import { type NotificationSettings } from "../store";
import { invalidFieldValue, readText } from "./field-values";
import { readNotificationSettings } from "./notification-settings";

/** The keys resourceType.add and .update accept inside `fields`; others are dropped silently. */
export interface ResourceTypeFields {
  name?: string;
  code?: string;
  notifications: Partial<NotificationSettings>;
}

export const REQUIRED_ON_ADD = ["name", "code"] as const;

/** Validates the keys that are present: a bad value is 422 naming the field. */
export function readResourceTypeFields(fields: PhpArray): ResourceTypeFields {
  const result: ResourceTypeFields = {
    notifications: readNotificationSettings(fields, "resourceType"),
  };
  for (const key of ["name", "code"] as const) {
    if (!phpIsset(fields, key)) continue;
    const text = readText(phpGet(fields, key));
    if (text === undefined) throw invalidFieldValue(key);
    result[key] = text;
  }
  return result;
}
