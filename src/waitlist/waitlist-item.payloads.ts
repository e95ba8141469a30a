import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Result of deleteWaitListItem." })
export class DeleteWaitListItemPayload {
  @Field(() => Int, { description: "Id of the waitlist item that was deleted." })
  waitListItemId!: number;
}
