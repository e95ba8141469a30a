import { Field, ObjectType } from "type-graphql";
import { DateBoundary } from "./date-boundary.type";

@ObjectType({ description: "Start and end of a booking." })
export class DatePeriod {
  @Field(() => DateBoundary, { description: "When the booking starts." })
  from!: DateBoundary;

  @Field(() => DateBoundary, { description: "When the booking ends (after `from`)." })
  to!: DateBoundary;
}
