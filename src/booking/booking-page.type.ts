import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type";
import { Booking } from "./booking.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "A page of bookings." })
export class BookingPage {
  @Costs(COST.pageItems)
  @Field(() => [Booking], { description: "The bookings on this page." })
  items!: Booking[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
