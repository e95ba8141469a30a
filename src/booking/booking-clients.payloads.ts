import { Field, Int, ObjectType } from "type-graphql";
import { Booking } from "./booking.type";
import { BookingClient } from "../client/booking-client.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "Result of setBookingClients." })
export class SetBookingClientsPayload {
  @Field(() => Int, { description: "Id of the booking whose clients were set." })
  bookingId!: number;

  @Field(() => [BookingClient], {
    description:
      "The booking's clients now. client.set replaces the whole list, so this is the accepted input and costs no upstream call.",
  })
  clients!: BookingClient[];

  @Costs(COST.readBack)
  @Field(() => Booking, {
    nullable: true,
    description: "The booking after the change; fetched only when selected.",
  })
  booking?: Booking | null;
}

@ObjectType({ description: "Result of unsetBookingClients." })
export class UnsetBookingClientsPayload {
  @Field(() => Int, { description: "Id of the booking whose clients were removed." })
  bookingId!: number;

  @Costs(COST.readBack)
  @Field(() => Booking, {
    nullable: true,
    description: "The booking after the change; fetched only when selected.",
  })
  booking?: Booking | null;
}
