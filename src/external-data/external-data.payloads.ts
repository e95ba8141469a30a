import { Field, Int, ObjectType } from "type-graphql";
import { Booking } from "../booking/booking.type";
import { WaitListItem } from "../waitlist/waitlist-item.type";
import { ExternalData } from "./external-data.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "Result of setBookingExternalData." })
export class SetBookingExternalDataPayload {
  @Field(() => Int, { description: "Id of the booking whose links were set." })
  bookingId!: number;

  @Field(() => [ExternalData], {
    description:
      "The booking's links now. externalData.set replaces the whole list, so this is the accepted input and costs no upstream call.",
  })
  externalData!: ExternalData[];

  @Costs(COST.readBack)
  @Field(() => Booking, {
    nullable: true,
    description: "The booking; read in the same upstream request, only when selected.",
  })
  booking?: Booking | null;
}

@ObjectType({ description: "Result of unsetBookingExternalData." })
export class UnsetBookingExternalDataPayload {
  @Field(() => Int, { description: "Id of the booking whose links were removed." })
  bookingId!: number;

  @Costs(COST.readBack)
  @Field(() => Booking, {
    nullable: true,
    description: "The booking; read in the same upstream request, only when selected.",
  })
  booking?: Booking | null;
}

@ObjectType({ description: "Result of setWaitListItemExternalData." })
export class SetWaitListItemExternalDataPayload {
  @Field(() => Int, { description: "Id of the waitlist item whose links were set." })
  waitListItemId!: number;

  @Field(() => [ExternalData], {
    description:
      "The item's links now. externalData.set replaces the whole list, so this is the accepted input and costs no upstream call.",
  })
  externalData!: ExternalData[];

  @Costs(COST.readBack)
  @Field(() => WaitListItem, {
    nullable: true,
    description: "The waitlist item; read in the same upstream request, only when selected.",
  })
  waitListItem?: WaitListItem | null;
}

@ObjectType({ description: "Result of unsetWaitListItemExternalData." })
export class UnsetWaitListItemExternalDataPayload {
  @Field(() => Int, { description: "Id of the waitlist item whose links were removed." })
  waitListItemId!: number;

  @Costs(COST.readBack)
  @Field(() => WaitListItem, {
    nullable: true,
    description: "The waitlist item; read in the same upstream request, only when selected.",
  })
  waitListItem?: WaitListItem | null;
}
