import { Field, InputType } from "type-graphql";

@InputType({ description: "Which resource types to list; all given conditions must hold." })
export class ResourceTypeFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Only types whose name contains this text, any case (Bitrix24 `searchQuery`).",
  })
  searchQuery?: string | null;

  @Field(() => String, { nullable: true, description: "Only types with exactly this name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Only the type with exactly this code." })
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only types of this module; types made over REST belong to "booking".',
  })
  moduleId?: string | null;
}
