import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page sits in its list." })
export class PageInfo {
  @Field(() => Int, { description: "The offset the page starts at." })
  offset!: number;

  @Field(() => Int, { description: "The limit that was asked for." })
  limit!: number;

  @Field(() => Boolean, {
    description:
      "Whether at least one more item exists after this page. Bitrix24 reports no totals, so this is checked by reading one item past the page.",
  })
  hasMore!: boolean;
}
