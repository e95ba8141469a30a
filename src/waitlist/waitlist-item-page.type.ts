import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type";
import { WaitListItem } from "./waitlist-item.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "A page of waitlist items, by id." })
export class WaitListItemPage {
  @Costs(COST.pageItems)
  @Field(() => [WaitListItem], { description: "The waitlist items on this page." })
  items!: WaitListItem[];

  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
}
