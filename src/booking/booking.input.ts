import { Field, InputType, Int } from "type-graphql";
import { DatePeriodInput } from "./date-period.input";

@InputType({ description: "A new booking (booking.v1.booking.add `fields`)." })
export class AddBookingInput {
  @Field(() => [Int], { description: "Ids of the resources to book; at least one." })
  resourceIds!: number[];

  @Field(() => DatePeriodInput, { description: "When the booking starts and ends." })
  datePeriod!: DatePeriodInput;

  @Field(() => String, { nullable: true, description: 'Booking name. Default "".' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Booking description." })
  description?: string | null;
}

@InputType({
  description:
    "Changes to a booking (booking.v1.booking.update `fields`); fields left out stay as they are.",
})
export class UpdateBookingInput {
  @Field(() => [Int], { nullable: true, description: "New resource ids; at least one if given." })
  resourceIds?: number[] | null;

  @Field(() => DatePeriodInput, { nullable: true, description: "New start and end." })
  datePeriod?: DatePeriodInput | null;

  @Field(() => String, { nullable: true, description: "New name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "New description." })
  description?: string | null;
}
