import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "One end of a time period, as Bitrix24 takes it." })
export class DateBoundaryInput {
  @Field(() => Int, { description: "Unix time in seconds." })
  timestamp!: number;

  @Field(() => String, { description: 'IANA time zone, e.g. "Europe/Berlin".' })
  timezone!: string;
}

@InputType({ description: "Start and end of a booking; `from` must be before `to`." })
export class DatePeriodInput {
  @Field(() => DateBoundaryInput, { description: "When the booking starts." })
  from!: DateBoundaryInput;

  @Field(() => DateBoundaryInput, { description: "When the booking ends." })
  to!: DateBoundaryInput;
}
