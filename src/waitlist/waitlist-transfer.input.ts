import { Field, InputType, Int } from "type-graphql";
import { DatePeriodInput } from "../booking/date-period.input";

@InputType({
  description:
    "Where and when to book a waitlist item (booking.v1.booking.createfromwaitlist `fields`). The booking takes the item's clients, links and note; Bitrix24 takes no name or description here.",
})
export class CreateBookingFromWaitListInput {
  @Field(() => [Int], { description: "Ids of the resources to book; at least one." })
  resourceIds!: number[];

  @Field(() => DatePeriodInput, { description: "When the booking starts and ends." })
  datePeriod!: DatePeriodInput;
}
