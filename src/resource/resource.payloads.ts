import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Result of deleteResource." })
export class DeleteResourcePayload {
  @Field(() => Int, { description: "Id of the resource that was deleted." })
  resourceId!: number;
}
