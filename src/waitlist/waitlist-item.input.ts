import { Field, InputType } from "type-graphql";

@InputType({ description: "A new waitlist item (booking.v1.waitlist.add `fields`)." })
export class AddWaitListItemInput {
  @Field(() => String, {
    nullable: true,
    description: "The manager's note; null or left out: none.",
  })
  note?: string | null;
}

@InputType({ description: "Changes to a waitlist item (booking.v1.waitlist.update `fields`)." })
export class UpdateWaitListItemInput {
  @Field(() => String, {
    description: 'The new note; "" removes it (Bitrix24 ignores a null note).',
  })
  note!: string;
}
