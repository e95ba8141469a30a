import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Result of deleteResourceType." })
export class DeleteResourceTypePayload {
  @Field(() => Int, { description: "Id of the resource type that was deleted." })
  resourceTypeId!: number;
}
