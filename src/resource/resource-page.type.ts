import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type";
import { Resource } from "./resource.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "A page of resources." })
export class ResourcePage {
  @Costs(COST.pageItems)
  @Field(() => [Resource], { description: "The resources on this page." })
  items!: Resource[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
