import { Directive, Field, Int, ObjectType } from "type-graphql";

/** A stub of the CRM subgraph's entity, like Contact: only the key, fields come from the CRM subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Deal {
  @Field(() => Int)
  id!: number;
}
