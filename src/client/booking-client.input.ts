import { Field, InputType, Int } from "type-graphql";
import { ClientTypeInput } from "./client-type.input";

@InputType({ description: "A CRM contact or company to attach to a booking or waitlist item." })
export class BookingClientInput {
  @Field(() => Int, { description: "Id of the CRM contact or company, a positive integer." })
  id!: number;

  @Field(() => ClientTypeInput, { description: "Which kind of CRM entity `id` refers to." })
  type!: ClientTypeInput;
}
