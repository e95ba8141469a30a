import { Field, InputType, Int } from "type-graphql";
import { WeekDay } from "./week-day.enum";

@InputType({ description: "A time range in which a resource can be booked." })
export class SlotInput {
  @Field(() => Int, {
    description: "Start, in minutes after midnight: 0 to 1439, e.g. 540 for 09:00.",
  })
  from!: number;

  @Field(() => Int, {
    description: "End, in minutes after midnight: after `from`, at most 1440, e.g. 1080 for 18:00.",
  })
  to!: number;

  @Field(() => [WeekDay], {
    description: "The days the range applies to; at least one, no repeats.",
  })
  weekDays!: WeekDay[];

  @Field(() => Int, { description: "Length of one bookable slot, in minutes; 1 or more." })
  slotSize!: number;

  @Field(() => String, { description: 'IANA time zone of `from` and `to`, e.g. "Europe/Berlin".' })
  timezone!: string;
}
