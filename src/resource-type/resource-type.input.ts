import { Field, InputType } from "type-graphql";
import { ResourceTypeNotificationsInput } from "../notification/notification.input";

@InputType({ description: "A new resource type (booking.v1.resourceType.add `fields`)." })
export class AddResourceTypeInput {
  @Field(() => String, { description: "Display name; not empty." })
  name!: string;

  @Field(() => String, {
    description: "Code; not empty, and not used by another resource type of the portal.",
  })
  code!: string;

  @Field(() => ResourceTypeNotificationsInput, {
    nullable: true,
    description: "Notification settings; what is left out takes Bitrix24's defaults.",
  })
  notifications?: ResourceTypeNotificationsInput | null;
}

@InputType({
  description:
    "Changes to a resource type (booking.v1.resourceType.update `fields`); fields left out stay as they are.",
})
export class UpdateResourceTypeInput {
  @Field(() => String, { nullable: true, description: "New display name; not empty." })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "New code; not empty. Bitrix24 refuses any code a type already has, the type's own current code included (RESOURCE_TYPE_CODE_TAKEN): leave it out to keep it.",
  })
  code?: string | null;

  @Field(() => ResourceTypeNotificationsInput, {
    nullable: true,
    description: "Changed notification settings; what is left out stays.",
  })
  notifications?: ResourceTypeNotificationsInput | null;
}
