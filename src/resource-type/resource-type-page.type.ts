import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type";
import { ResourceType } from "./resource-type.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "A page of resource types." })
export class ResourceTypePage {
  @Costs(COST.pageItems)
  @Field(() => [ResourceType], { description: "The resource types on this page." })
  items!: ResourceType[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
