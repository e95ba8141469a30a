import { Field, InputType, Int } from "type-graphql";
import { ResourceNotificationsInput } from "../notification/notification.input";

@InputType({ description: "A new resource (booking.v1.resource.add `fields`)." })
export class AddResourceInput {
  @Field(() => String, { description: "Display name; not empty." })
  name!: string;

  @Field(() => Int, { description: "Id of the resource type it belongs to." })
  typeId!: number;

  @Field(() => String, { nullable: true, description: "Description." })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether it gets its own schedule column. Default true.",
  })
  isMain?: boolean | null;

  @Field(() => ResourceNotificationsInput, {
    nullable: true,
    description: "Notification settings; what is left out is taken from the resource type.",
  })
  notifications?: ResourceNotificationsInput | null;
}

@InputType({
  description:
    "Changes to a resource (booking.v1.resource.update `fields`); fields left out stay as they are.",
})
export class UpdateResourceInput {
  @Field(() => String, { nullable: true, description: "New display name; not empty." })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: "Id of the new resource type." })
  typeId?: number | null;

  @Field(() => String, { nullable: true, description: "New description; null removes it." })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether it gets its own schedule column.",
  })
  isMain?: boolean | null;

  @Field(() => ResourceNotificationsInput, {
    nullable: true,
    description: "Changed notification settings; what is left out stays.",
  })
  notifications?: ResourceNotificationsInput | null;
}
