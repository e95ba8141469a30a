import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DatePeriod } from "./date-period.type";

@Directive('@key(fields: "id")')
@ObjectType({
  description: "A booking of one or more resources for a time period (booking.v1.booking).",
})
export class Booking {
  @Field(() => Int, { description: "Booking id." })
  id!: number;

  @Field(() => String, { description: 'Booking name; "" when none was given.' })
  name!: string;

  @Field(() => String, { nullable: true, description: "Booking description, or null." })
  description!: string | null;

  @Field(() => DatePeriod, { description: "When the booking starts and ends." })
  datePeriod!: DatePeriod;

  @Field(() => [Int], { description: "Ids of the booked resources (booking.v1.resource)." })
  resourceIds!: number[];
}
