import type { GraphQLError } from "graphql";
import type { WireNotificationSettings, WireYesNo } from "../bitrix/resource-wire-types";
import { unknownValueError } from "../errors/unknown-value-error";
import type {
  ResourceNotificationsInput,
  ResourceTypeNotificationsInput,
} from "./notification.input";
import { NotificationTemplateType, ReminderTemplateType } from "./notification-template.enum";
import type {
  ConfirmationNotification,
  DelayedNotification,
  FeedbackNotification,
  InfoNotification,
  ReminderNotification,
  ResourceNotifications,
  ResourceTypeNotifications,
} from "./notification.type";

const TEMPLATE_TYPES: Readonly<Record<string, NotificationTemplateType>> = {
  animate: NotificationTemplateType.ANIMATE,
  inanimate: NotificationTemplateType.INANIMATE,
};
const REMINDER_TEMPLATE_TYPES: Readonly<Record<string, ReminderTemplateType>> = {
  base: ReminderTemplateType.BASE,
};

/** The settings of a resource type, which has no `info` kind. */
export function toResourceTypeNotifications(
  wire: WireNotificationSettings,
): ResourceTypeNotifications {
  return {
    confirmation: toConfirmation(wire),
    reminder: toReminder(wire),
    feedback: toFeedback(wire),
    delayed: toDelayed(wire),
  };
}

export function toResourceNotifications(wire: WireNotificationSettings): ResourceNotifications {
  return { info: toInfo(wire), ...toResourceTypeNotifications(wire) };
}

function toInfo(wire: WireNotificationSettings): InfoNotification {
  return {
    enabled: flag(wire, "isInfoNotificationOn"),
    templateType: template(wire, "templateTypeInfo"),
    delaySeconds: integer(wire, "infoNotificationDelay"),
  };
}

function toConfirmation(wire: WireNotificationSettings): ConfirmationNotification {
  return {
    enabled: flag(wire, "isConfirmationNotificationOn"),
    templateType: template(wire, "templateTypeConfirmation"),
    delaySeconds: integer(wire, "confirmationNotificationDelay"),
    repetitions: integer(wire, "confirmationNotificationRepetitions"),
    repetitionsIntervalSeconds: integer(wire, "confirmationNotificationRepetitionsInterval"),
    counterDelaySeconds: integer(wire, "confirmationCounterDelay"),
  };
}

function toReminder(wire: WireNotificationSettings): ReminderNotification {
  const delaySeconds = integer(wire, "reminderNotificationDelay");
  const templateType = REMINDER_TEMPLATE_TYPES[String(wire.templateTypeReminder).toLowerCase()];
  if (!templateType) throw unknownValue("templateTypeReminder", wire.templateTypeReminder);
  return {
    enabled: flag(wire, "isReminderNotificationOn"),
    templateType,
    delaySeconds,
    inMorningOfBookingDay: delaySeconds === -1,
  };
}

function toFeedback(wire: WireNotificationSettings): FeedbackNotification {
  return {
    enabled: flag(wire, "isFeedbackNotificationOn"),
    templateType: template(wire, "templateTypeFeedback"),
  };
}

function toDelayed(wire: WireNotificationSettings): DelayedNotification {
  return {
    enabled: flag(wire, "isDelayedNotificationOn"),
    templateType: template(wire, "templateTypeDelayed"),
    delaySeconds: integer(wire, "delayedNotificationDelay"),
    counterDelaySeconds: integer(wire, "delayedCounterDelay"),
  };
}

type FlagKey = {
  [K in keyof WireNotificationSettings]-?: K extends `is${string}` ? K : never;
}[keyof WireNotificationSettings];
type TemplateKey = Exclude<
  {
    [K in keyof WireNotificationSettings]-?: K extends `templateType${string}` ? K : never;
  }[keyof WireNotificationSettings],
  "templateTypeReminder"
>;
type NumberKey = Exclude<
  keyof WireNotificationSettings,
  FlagKey | TemplateKey | "templateTypeReminder"
>;

/** "Y"/"N" on the wire; JSON booleans are read too. */
function flag(wire: WireNotificationSettings, key: FlagKey): boolean {
  const value: unknown = wire[key];
  if (value === "Y" || value === true) return true;
  if (value === "N" || value === false) return false;
  throw unknownValue(key, value);
}

function template(wire: WireNotificationSettings, key: TemplateKey): NotificationTemplateType {
  const value = TEMPLATE_TYPES[String(wire[key]).toLowerCase()];
  if (!value) throw unknownValue(key, wire[key]);
  return value;
}

/** Integers, also as the numeric strings PHP sometimes sends. */
function integer(wire: WireNotificationSettings, key: NumberKey): number {
  const value = Number(wire[key]);
  if (wire[key] === undefined || wire[key] === null || !Number.isInteger(value)) {
    throw unknownValue(key, wire[key]);
  }
  return value;
}

/**
 * A setting the portal sent in a form this API does not know (a newer portal may add a template
 * type). It fails only the `notifications` field that asked for it.
 */
function unknownValue(key: string, value: unknown): GraphQLError {
  return unknownValueError(`${key} =`, value, { key });
}

/** The wire fields for the settings given; kinds and fields left out are not sent. */
export function toWireNotifications(
  input: ResourceNotificationsInput | ResourceTypeNotificationsInput,
): WireNotificationSettings {
  const wire: WireNotificationSettings = {};
  const info = "info" in input ? input.info : undefined;
  if (info) {
    setFlag(wire, "isInfoNotificationOn", info.enabled);
    setTemplate(wire, "templateTypeInfo", info.templateType);
    setNumber(wire, "infoNotificationDelay", info.delaySeconds);
  }
  const { confirmation, reminder, feedback, delayed } = input;
  if (confirmation) {
    setFlag(wire, "isConfirmationNotificationOn", confirmation.enabled);
    setTemplate(wire, "templateTypeConfirmation", confirmation.templateType);
    setNumber(wire, "confirmationNotificationDelay", confirmation.delaySeconds);
    setNumber(wire, "confirmationNotificationRepetitions", confirmation.repetitions);
    setNumber(
      wire,
      "confirmationNotificationRepetitionsInterval",
      confirmation.repetitionsIntervalSeconds,
    );
    setNumber(wire, "confirmationCounterDelay", confirmation.counterDelaySeconds);
  }
  if (reminder) {
    setFlag(wire, "isReminderNotificationOn", reminder.enabled);
    if (reminder.templateType != null) {
      wire.templateTypeReminder = reminder.templateType.toLowerCase();
    }
    setNumber(wire, "reminderNotificationDelay", reminder.delaySeconds);
  }
  if (feedback) {
    setFlag(wire, "isFeedbackNotificationOn", feedback.enabled);
    setTemplate(wire, "templateTypeFeedback", feedback.templateType);
  }
  if (delayed) {
    setFlag(wire, "isDelayedNotificationOn", delayed.enabled);
    setTemplate(wire, "templateTypeDelayed", delayed.templateType);
    setNumber(wire, "delayedNotificationDelay", delayed.delaySeconds);
    setNumber(wire, "delayedCounterDelay", delayed.counterDelaySeconds);
  }
  return wire;
}

function setFlag(wire: WireNotificationSettings, key: FlagKey, value: boolean | null | undefined) {
  if (value != null) wire[key] = (value ? "Y" : "N") satisfies WireYesNo;
}

function setTemplate(
  wire: WireNotificationSettings,
  key: TemplateKey,
  value: NotificationTemplateType | null | undefined,
) {
  if (value != null) wire[key] = value.toLowerCase();
}

function setNumber(
  wire: WireNotificationSettings,
  key: NumberKey,
  value: number | null | undefined,
) {
  if (value != null) wire[key] = value;
}
