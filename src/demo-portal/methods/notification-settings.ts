import { phpGet, phpIsset, type PhpArray } from "../php-array";
import { type NotificationSettings, type TemplateType } from "../store";
import { invalidFieldValue, readInteger, readOneOf, readYesNo, yesNo } from "./field-values";

/**
 * The notification block shared by resources and resource types.
 *
 * The docs' parameter tables name the delays `infoDelay`, `reminderDelay`, … while the server's
 * view (its input whitelist) and every response use `infoNotificationDelay`, … Both spellings are
 * accepted; when a caller sends both, the view's name wins. Only the view's names are emitted.
 *
 * Resource types have no `isInfoNotificationOn`/`templateTypeInfo` in their view: those keys are
 * dropped on input and never emitted for a type, although the add/update tables list them.
 */
export type NotificationOwner = "resource" | "resourceType";

type Reader = (value: unknown) => NotificationSettings[keyof NotificationSettings] | undefined;

interface SettingSpec {
  key: keyof NotificationSettings;
  /** The docs' spelling, when it differs from the view's. */
  alias?: string;
  read: Reader;
  resourceOnly?: boolean;
}

const readTemplate = readOneOf<TemplateType>(["animate", "inanimate"]);
const readReminderTemplate = readOneOf(["base"] as const);

/**
 * Template types are checked first, in the order the server's factory checks them, so a request
 * with several bad values names the same field the server would. Flags and numbers follow.
 */
const SETTINGS: readonly SettingSpec[] = [
  { key: "templateTypeReminder", read: readReminderTemplate },
  { key: "templateTypeInfo", read: readTemplate, resourceOnly: true },
  { key: "templateTypeConfirmation", read: readTemplate },
  { key: "templateTypeFeedback", read: readTemplate },
  { key: "templateTypeDelayed", read: readTemplate },
  { key: "isInfoNotificationOn", read: readYesNo, resourceOnly: true },
  { key: "isConfirmationNotificationOn", read: readYesNo },
  { key: "isReminderNotificationOn", read: readYesNo },
  { key: "isFeedbackNotificationOn", read: readYesNo },
  { key: "isDelayedNotificationOn", read: readYesNo },
  { key: "infoNotificationDelay", alias: "infoDelay", read: readInteger },
  { key: "confirmationNotificationDelay", alias: "confirmationDelay", read: readInteger },
  {
    key: "confirmationNotificationRepetitions",
    alias: "confirmationRepetitions",
    read: readInteger,
  },
  {
    key: "confirmationNotificationRepetitionsInterval",
    alias: "confirmationRepetitionsInterval",
    read: readInteger,
  },
  { key: "confirmationCounterDelay", read: readInteger },
  { key: "reminderNotificationDelay", alias: "reminderDelay", read: readInteger },
  { key: "delayedNotificationDelay", alias: "delayedDelay", read: readInteger },
  { key: "delayedCounterDelay", read: readInteger },
];

/** The defaults the add pages document; a new resource starts from its type's settings instead. */
export const DEFAULT_NOTIFICATIONS: Readonly<NotificationSettings> = {
  isInfoNotificationOn: true,
  templateTypeInfo: "inanimate",
  infoNotificationDelay: 300,
  isConfirmationNotificationOn: true,
  templateTypeConfirmation: "inanimate",
  confirmationNotificationDelay: 86400,
  confirmationNotificationRepetitions: 0,
  confirmationNotificationRepetitionsInterval: 0,
  confirmationCounterDelay: 7200,
  isReminderNotificationOn: true,
  templateTypeReminder: "base",
  reminderNotificationDelay: -1,
  isFeedbackNotificationOn: true,
  templateTypeFeedback: "inanimate",
  isDelayedNotificationOn: true,
  templateTypeDelayed: "inanimate",
  delayedNotificationDelay: 300,
  delayedCounterDelay: 7200,
};

/** Reads the settings present in `fields`; a bad value is 422 naming the key the caller sent. */
export function readNotificationSettings(
  fields: PhpArray,
  owner: NotificationOwner,
): Partial<NotificationSettings> {
  const settings: Record<string, unknown> = {};
  for (const spec of specsFor(owner)) {
    const name = [spec.key, spec.alias].find(
      (candidate) => candidate !== undefined && phpIsset(fields, candidate),
    );
    if (name === undefined) continue;
    const value = spec.read(phpGet(fields, name));
    if (value === undefined) throw invalidFieldValue(name);
    settings[spec.key] = value;
  }
  return settings;
}

/** The wire form: flags as "Y"/"N", every delay under its `*NotificationDelay` name. */
export function notificationView(
  settings: NotificationSettings,
  owner: NotificationOwner,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const { key } of specsFor(owner)) {
    const value = settings[key];
    view[key] = typeof value === "boolean" ? yesNo(value) : value;
  }
  return view;
}

function specsFor(owner: NotificationOwner): readonly SettingSpec[] {
  return owner === "resource" ? SETTINGS : SETTINGS.filter((spec) => spec.resourceOnly !== true);
}
