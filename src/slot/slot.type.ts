import { Field, Int, ObjectType } from "type-graphql";
import { WeekDay } from "./week-day.enum";

@ObjectType({
  description:
    "A time range in which a resource can be booked, cut into slots of `slotSize` minutes, on some days of the week (booking.v1.resource.slots).",
})
export class Slot {
  @Field(() => Int, { description: "Slot range id; `setResourceSlots` gives new ids." })
  id!: number;

  @Field(() => Int, { description: "Start, in minutes after midnight (0 to 1440) in `timezone`." })
  from!: number;

  @Field(() => Int, { description: "End, in minutes after midnight (0 to 1440), after `from`." })
  to!: number;

  @Field(() => String, { description: 'Start as 24-hour "HH:MM", e.g. "09:00".' })
  fromTime!: string;

  @Field(() => String, {
    description: 'End as 24-hour "HH:MM", e.g. "18:00"; midnight is "24:00".',
  })
  toTime!: string;

  @Field(() => [WeekDay], { description: "The days the range applies to, in week order." })
  weekDays!: WeekDay[];

  @Field(() => Int, { description: "Length of one bookable slot, in minutes." })
  slotSize!: number;

  @Field(() => String, { description: 'IANA time zone of `from` and `to`, e.g. "Europe/Berlin".' })
  timezone!: string;
}
