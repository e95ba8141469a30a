import { Field, InputType } from "type-graphql";

@InputType({
  description:
    'Calendar days as "YYYY-MM-DD": `from` counts from its start, `to` stops at its start (so `to` itself is left out).',
})
export class DayRangeInput {
  @Field(() => String, { description: 'First day, e.g. "2026-03-01".' })
  from!: string;

  @Field(() => String, { description: 'Day after the last one, e.g. "2026-04-01"; after `from`.' })
  to!: string;
}

@InputType({ description: "Which waitlist items to list." })
export class WaitListFilterInput {
  @Field(() => DayRangeInput, {
    nullable: true,
    description: "Only items created on these days (Bitrix24 `filter.createdWithin`).",
  })
  createdWithin?: DayRangeInput | null;
}
