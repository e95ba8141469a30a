import { Directive, Field, Int, ObjectType } from "type-graphql";

/**
 * A stub of the CRM subgraph's entity: this subgraph only knows the id and cannot resolve a Contact
 * by key (`resolvable: false`), so the router fetches every other field from the CRM subgraph. Stubs
 * carry no descriptions: the owning subgraph's descriptions are the ones the supergraph shows.
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Contact {
  @Field(() => Int)
  id!: number;
}
