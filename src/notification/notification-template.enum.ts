import { registerEnumType } from "type-graphql";

/** Wire values: "animate", "inanimate". */
export enum NotificationTemplateType {
  ANIMATE = "ANIMATE",
  INANIMATE = "INANIMATE",
}

registerEnumType(NotificationTemplateType, {
  name: "NotificationTemplateType",
  description:
    "Wording of a notification message template (Bitrix24 `templateType*`: `animate`, `inanimate`).",
  valuesConfig: {
    ANIMATE: { description: "For booking people, e.g. specialists." },
    INANIMATE: { description: "For booking things, e.g. equipment and rooms." },
  },
});

/** Wire value: "base". */
export enum ReminderTemplateType {
  BASE = "BASE",
}

registerEnumType(ReminderTemplateType, {
  name: "ReminderTemplateType",
  description: "Template of the reminder message (Bitrix24 `templateTypeReminder`: `base`).",
  valuesConfig: { BASE: { description: "The one reminder template Bitrix24 offers." } },
});
