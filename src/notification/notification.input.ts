import { Field, InputType, Int } from "type-graphql";
import { NotificationTemplateType, ReminderTemplateType } from "./notification-template.enum";

/**
 * Every field of these inputs is optional: left out, it keeps its current value on update, and on
 * add it takes Bitrix24's default (a resource takes its type's settings).
 */

@InputType({ description: "The message that tells the client about a new booking." })
export class InfoNotificationInput {
  @Field(() => Boolean, { nullable: true, description: "Whether it is sent." })
  enabled?: boolean | null;

  @Field(() => NotificationTemplateType, { nullable: true, description: "Its template." })
  templateType?: NotificationTemplateType | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds after the booking is made that it is sent, 0 or more.",
  })
  delaySeconds?: number | null;
}

@InputType({ description: "The messages that ask the client to confirm a booking." })
export class ConfirmationNotificationInput {
  @Field(() => Boolean, { nullable: true, description: "Whether they are sent." })
  enabled?: boolean | null;

  @Field(() => NotificationTemplateType, { nullable: true, description: "Their template." })
  templateType?: NotificationTemplateType | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds before the booking that the first message is sent, 0 or more.",
  })
  delaySeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "How many more messages follow the first, 0 or more.",
  })
  repetitions?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds between those messages, 0 or more.",
  })
  repetitionsIntervalSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds before the booking that the calendar flags it as unconfirmed, 0 or more.",
  })
  counterDelaySeconds?: number | null;
}

@InputType({ description: "The message that reminds the client of a booking." })
export class ReminderNotificationInput {
  @Field(() => Boolean, { nullable: true, description: "Whether it is sent." })
  enabled?: boolean | null;

  @Field(() => ReminderTemplateType, { nullable: true, description: "Its template." })
  templateType?: ReminderTemplateType | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Seconds before the booking that it is sent, 0 or more, or -1 for the morning of the booking day.",
  })
  delaySeconds?: number | null;
}

@InputType({ description: "The message that asks the client for feedback after a booking." })
export class FeedbackNotificationInput {
  @Field(() => Boolean, { nullable: true, description: "Whether it is sent." })
  enabled?: boolean | null;

  @Field(() => NotificationTemplateType, { nullable: true, description: "Its template." })
  templateType?: NotificationTemplateType | null;
}

@InputType({ description: "The message to a client who is late for a booking." })
export class DelayedNotificationInput {
  @Field(() => Boolean, { nullable: true, description: "Whether it is sent." })
  enabled?: boolean | null;

  @Field(() => NotificationTemplateType, { nullable: true, description: "Its template." })
  templateType?: NotificationTemplateType | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds after the booking's start that it is sent, 0 or more.",
  })
  delaySeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seconds after the booking's start that the calendar flags the client as late.",
  })
  counterDelaySeconds?: number | null;
}

@InputType({
  description:
    "Notification settings of a resource type; kinds and fields left out keep their value.",
})
export class ResourceTypeNotificationsInput {
  @Field(() => ConfirmationNotificationInput, {
    nullable: true,
    description: "Asking the client to confirm.",
  })
  confirmation?: ConfirmationNotificationInput | null;

  @Field(() => ReminderNotificationInput, { nullable: true, description: "Reminding the client." })
  reminder?: ReminderNotificationInput | null;

  @Field(() => FeedbackNotificationInput, {
    nullable: true,
    description: "Asking for feedback afterwards.",
  })
  feedback?: FeedbackNotificationInput | null;

  @Field(() => DelayedNotificationInput, { nullable: true, description: "Telling a late client." })
  delayed?: DelayedNotificationInput | null;
}

@InputType({
  description:
    "Notification settings of a resource; kinds and fields left out keep their value (on add: the type's).",
})
export class ResourceNotificationsInput {
  @Field(() => InfoNotificationInput, {
    nullable: true,
    description: "Telling the client about the new booking.",
  })
  info?: InfoNotificationInput | null;

  @Field(() => ConfirmationNotificationInput, {
    nullable: true,
    description: "Asking the client to confirm.",
  })
  confirmation?: ConfirmationNotificationInput | null;

  @Field(() => ReminderNotificationInput, { nullable: true, description: "Reminding the client." })
  reminder?: ReminderNotificationInput | null;

  @Field(() => FeedbackNotificationInput, {
    nullable: true,
    description: "Asking for feedback afterwards.",
  })
  feedback?: FeedbackNotificationInput | null;

  @Field(() => DelayedNotificationInput, { nullable: true, description: "Telling a late client." })
  delayed?: DelayedNotificationInput | null;
}
