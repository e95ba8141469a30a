import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One end of a booking's time period." })
export class DateBoundary {
  @Field(() => Int, { description: "Unix time in seconds, as Bitrix24 stores it." })
  timestamp!: number;

  @Field(() => String, {
    description: 'IANA time zone the booking was made in, e.g. "Europe/Berlin".',
  })
  timezone!: string;

  @Field(() => String, {
    description:
      'The same instant as ISO-8601 local time with its UTC offset in `timezone`, e.g. "2026-03-02T10:00:00+01:00"; `new Date(iso)` reads it in a browser.',
  })
  iso!: string;
}
