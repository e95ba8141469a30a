import { Field, Int, ObjectType } from "type-graphql";
import { BookingClient } from "../client/booking-client.type";
import { WaitListItem } from "./waitlist-item.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "Result of setWaitListItemClients." })
export class SetWaitListItemClientsPayload {
  @Field(() => Int, { description: "Id of the waitlist item whose clients were set." })
  waitListItemId!: number;

  @Field(() => [BookingClient], {
    description:
      "The item's clients now. client.set replaces the whole list, so this is the accepted input and costs no upstream call.",
  })
  clients!: BookingClient[];

  @Costs(COST.readBack)
  @Field(() => WaitListItem, {
    nullable: true,
    description: "The waitlist item; read in the same upstream request, only when selected.",
  })
  waitListItem?: WaitListItem | null;
}

@ObjectType({ description: "Result of unsetWaitListItemClients." })
export class UnsetWaitListItemClientsPayload {
  @Field(() => Int, { description: "Id of the waitlist item whose clients were removed." })
  waitListItemId!: number;

  @Costs(COST.readBack)
  @Field(() => WaitListItem, {
    nullable: true,
    description: "The waitlist item; read in the same upstream request, only when selected.",
  })
  waitListItem?: WaitListItem | null;
}
