import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type";
import { Resource } from "./resource.type";

@ObjectType({ description: "A page of resources." })
export class ResourcePage {
  @Field(() => [Resource], { description: "The resources on this page." })
  items!: Resource[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
