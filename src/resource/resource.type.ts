import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { WireNotificationSettings } from "../bitrix/resource-wire-types";

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "Something that can be booked: a room, a piece of equipment, a specialist (booking.v1.resource).",
})
export class Resource {
  @Field(() => Int, { description: "Resource id." })
  id!: number;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Description, or null when none." })
  description!: string | null;

  @Field(() => Int, { description: "Id of the resource's type (`type` gives the type itself)." })
  typeId!: number;

  @Field(() => Boolean, {
    description:
      'Whether the resource has its own column in the schedule (true) or shows only where resources overlap (false); Bitrix24 `isMain` "Y"/"N".',
  })
  isMain!: boolean;

  /** The wire settings behind `notifications`, mapped when that field is asked for. */
  notificationWire!: WireNotificationSettings;
}
