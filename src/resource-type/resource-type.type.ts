import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { WireNotificationSettings } from "../bitrix/resource-wire-types";

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A group of resources, e.g. meeting rooms or specialists, with the notification settings its new resources start from (booking.v1.resourceType).",
})
export class ResourceType {
  @Field(() => Int, { description: "Resource type id." })
  id!: number;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => String, { description: "Code, unique among the portal's resource types." })
  code!: string;

  /** The wire settings behind `notifications`, mapped when that field is asked for. */
  notificationWire!: WireNotificationSettings;
}
