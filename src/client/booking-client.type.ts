import { Field, Int, ObjectType } from "type-graphql";
import { ClientType } from "./client-type.type";

@ObjectType({ description: "A CRM contact or company attached to a booking or waitlist item." })
export class BookingClient {
  @Field(() => Int, {
    description:
      "Id of the CRM contact or company; `contact` or `company` is that CRM entity, with its fields in a supergraph.",
  })
  id!: number;

  @Field(() => ClientType, { description: "Which kind of CRM entity `id` refers to." })
  type!: ClientType;
}
