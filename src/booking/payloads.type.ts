import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Result of deleteBooking." })
export class DeleteBookingPayload {
  @Field(() => Int, { description: "Id of the booking that was deleted." })
  bookingId!: number;
}
