import { Field, Int, ObjectType } from "type-graphql";
import { NotificationTemplateType, ReminderTemplateType } from "./notification-template.enum";

@ObjectType({ description: "The message that tells the client about a new booking." })
export class InfoNotification {
  @Field(() => Boolean, { description: "Whether it is sent (`isInfoNotificationOn`)." })
  enabled!: boolean;

  @Field(() => NotificationTemplateType, { description: "Its template (`templateTypeInfo`)." })
  templateType!: NotificationTemplateType;

  @Field(() => Int, {
    description: "Seconds after the booking is made that it is sent (`infoNotificationDelay`).",
  })
  delaySeconds!: number;
}

@ObjectType({ description: "The messages that ask the client to confirm a booking." })
export class ConfirmationNotification {
  @Field(() => Boolean, { description: "Whether they are sent (`isConfirmationNotificationOn`)." })
  enabled!: boolean;

  @Field(() => NotificationTemplateType, {
    description: "Their template (`templateTypeConfirmation`).",
  })
  templateType!: NotificationTemplateType;

  @Field(() => Int, {
    description:
      "Seconds before the booking that the first message is sent (`confirmationNotificationDelay`).",
  })
  delaySeconds!: number;

  @Field(() => Int, {
    description: "How many more messages follow the first (`confirmationNotificationRepetitions`).",
  })
  repetitions!: number;

  @Field(() => Int, {
    description: "Seconds between those messages (`confirmationNotificationRepetitionsInterval`).",
  })
  repetitionsIntervalSeconds!: number;

  @Field(() => Int, {
    description:
      "Seconds before the booking that the calendar flags it as unconfirmed (`confirmationCounterDelay`).",
  })
  counterDelaySeconds!: number;
}

@ObjectType({ description: "The message that reminds the client of a booking." })
export class ReminderNotification {
  @Field(() => Boolean, { description: "Whether it is sent (`isReminderNotificationOn`)." })
  enabled!: boolean;

  @Field(() => ReminderTemplateType, { description: "Its template (`templateTypeReminder`)." })
  templateType!: ReminderTemplateType;

  @Field(() => Int, {
    description:
      "Seconds before the booking that it is sent, or -1 for the morning of the booking day (`reminderNotificationDelay`).",
  })
  delaySeconds!: number;

  @Field(() => Boolean, {
    description: "Whether it is sent in the morning of the booking day (`delaySeconds` is -1).",
  })
  inMorningOfBookingDay!: boolean;
}

@ObjectType({ description: "The message that asks the client for feedback after a booking." })
export class FeedbackNotification {
  @Field(() => Boolean, { description: "Whether it is sent (`isFeedbackNotificationOn`)." })
  enabled!: boolean;

  @Field(() => NotificationTemplateType, { description: "Its template (`templateTypeFeedback`)." })
  templateType!: NotificationTemplateType;
}

@ObjectType({ description: "The message to a client who is late for a booking." })
export class DelayedNotification {
  @Field(() => Boolean, { description: "Whether it is sent (`isDelayedNotificationOn`)." })
  enabled!: boolean;

  @Field(() => NotificationTemplateType, { description: "Its template (`templateTypeDelayed`)." })
  templateType!: NotificationTemplateType;

  @Field(() => Int, {
    description: "Seconds after the booking's start that it is sent (`delayedNotificationDelay`).",
  })
  delaySeconds!: number;

  @Field(() => Int, {
    description:
      "Seconds after the booking's start that the calendar flags the client as late (`delayedCounterDelay`).",
  })
  counterDelaySeconds!: number;
}

@ObjectType({
  description:
    "The messages Bitrix24 sends clients of a resource type; new resources of the type start from these.",
})
export class ResourceTypeNotifications {
  @Field(() => ConfirmationNotification, { description: "Asking the client to confirm." })
  confirmation!: ConfirmationNotification;

  @Field(() => ReminderNotification, { description: "Reminding the client." })
  reminder!: ReminderNotification;

  @Field(() => FeedbackNotification, { description: "Asking for feedback afterwards." })
  feedback!: FeedbackNotification;

  @Field(() => DelayedNotification, { description: "Telling a late client." })
  delayed!: DelayedNotification;
}

@ObjectType({ description: "The messages Bitrix24 sends clients who book a resource." })
export class ResourceNotifications {
  @Field(() => InfoNotification, { description: "Telling the client about the new booking." })
  info!: InfoNotification;

  @Field(() => ConfirmationNotification, { description: "Asking the client to confirm." })
  confirmation!: ConfirmationNotification;

  @Field(() => ReminderNotification, { description: "Reminding the client." })
  reminder!: ReminderNotification;

  @Field(() => FeedbackNotification, { description: "Asking for feedback afterwards." })
  feedback!: FeedbackNotification;

  @Field(() => DelayedNotification, { description: "Telling a late client." })
  delayed!: DelayedNotification;
}
