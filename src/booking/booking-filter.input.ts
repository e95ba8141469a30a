import { Field, InputType, Int } from "type-graphql";
import { BookingClientInput } from "../client/booking-client.input";

@InputType({ description: "A time window in Unix seconds; `from` must be before `to`." })
export class TimeRangeInput {
  @Field(() => Int, { description: "Start of the window, Unix seconds." })
  from!: number;

  @Field(() => Int, { description: "End of the window, Unix seconds." })
  to!: number;
}

@InputType({ description: "Which bookings to list; all given conditions must hold." })
export class BookingFilterInput {
  @Field(() => TimeRangeInput, {
    nullable: true,
    description: "Only bookings that overlap this window (Bitrix24 `filter.within`).",
  })
  within?: TimeRangeInput | null;

  @Field(() => [BookingClientInput], {
    nullable: true,
    description:
      "Only bookings that have any of these clients (Bitrix24 `filter.client.entities`).",
  })
  clients?: BookingClientInput[] | null;

  @Field(() => [Int], {
    nullable: true,
    description: "Only bookings of any of these resources (Bitrix24 `filter.resourceId`).",
  })
  resourceIds?: number[] | null;
}
