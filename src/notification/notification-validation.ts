import { userInputError } from "../errors/user-input-error";
import type {
  ResourceNotificationsInput,
  ResourceTypeNotificationsInput,
} from "./notification.input";

/**
 * Lowest value of each number field: delays, repetitions and intervals are counts of seconds or
 * messages; the reminder alone takes -1, "in the morning of the booking day".
 */
const MINIMUM: Readonly<Record<string, number>> = {
  delaySeconds: 0,
  repetitions: 0,
  repetitionsIntervalSeconds: 0,
  counterDelaySeconds: 0,
};
const REMINDER_MINIMUM_DELAY = -1;

/**
 * Checks notification settings before any upstream call. A null says nothing Bitrix24 could store,
 * so it is refused rather than read as "keep the value": leaving the field out does that.
 */
export function validateNotifications(
  field: string,
  input: ResourceNotificationsInput | ResourceTypeNotificationsInput,
): void {
  for (const [kind, settings] of Object.entries(input) as Array<[string, unknown]>) {
    if (settings === undefined) continue;
    if (settings === null) throw notNull(`${field}.${kind}`);
    for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
      if (value === undefined) continue;
      const path = `${field}.${kind}.${key}`;
      if (value === null) throw notNull(path);
      if (typeof value !== "number") continue;
      const minimum =
        kind === "reminder" && key === "delaySeconds" ? REMINDER_MINIMUM_DELAY : MINIMUM[key];
      if (minimum !== undefined && value < minimum) {
        throw userInputError(
          path,
          minimum === REMINDER_MINIMUM_DELAY
            ? "must be 0 or more seconds, or -1 for the morning of the booking day"
            : "must be 0 or more",
          value,
        );
      }
    }
  }
}

function notNull(path: string) {
  return userInputError(path, "cannot be null; leave it out to keep the current value", null);
}
