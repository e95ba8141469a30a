import { Field, InputType, Int } from "type-graphql";

/** Largest `page.limit` a single list field accepts; larger reads would cost more than 4 upstream pages. */
export const MAX_PAGE_LIMIT = 200;

@InputType({ description: "A window of a list: skip `offset` items, then take up to `limit`." })
export class PageInput {
  @Field(() => Int, {
    defaultValue: 50,
    description: `How many items to return, 1 to ${MAX_PAGE_LIMIT}. Default 50.`,
  })
  limit!: number;

  @Field(() => Int, { defaultValue: 0, description: "How many items to skip. Default 0." })
  offset!: number;
}
