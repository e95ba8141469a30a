import { Directive, Field, Int, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A request waiting for a free slot, to be booked later (booking.v1.waitlist). Booking it moves it to the calendar.",
})
export class WaitListItem {
  @Field(() => Int, { description: "Waitlist item id." })
  id!: number;

  @Field(() => String, {
    nullable: true,
    description: "The manager's note, or null when there is none.",
  })
  note!: string | null;
}
