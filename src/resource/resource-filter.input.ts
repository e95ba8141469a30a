import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Which resources to list; all given conditions must hold." })
export class ResourceFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Only resources whose name contains this text, any case (Bitrix24 `searchQuery`).",
  })
  searchQuery?: string | null;

  @Field(() => String, { nullable: true, description: "Only resources with exactly this name." })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only resources with exactly this description.",
  })
  description?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: "Only resources of any of these types (Bitrix24 `typeId`).",
  })
  typeIds?: number[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only resources with (true) or without (false) their own schedule column.",
  })
  isMain?: boolean | null;
}
