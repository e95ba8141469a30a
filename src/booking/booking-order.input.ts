import { Field, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "../common/sort-direction.enum";

export enum BookingSortField {
  ID = "ID",
  DATE_FROM = "DATE_FROM",
  DATE_TO = "DATE_TO",
}

registerEnumType(BookingSortField, {
  name: "BookingSortField",
  description: "What a booking list can be sorted by.",
  valuesConfig: {
    ID: { description: "Booking id." },
    DATE_FROM: { description: "Start of the booking." },
    DATE_TO: { description: "End of the booking." },
  },
});

@InputType({ description: "Sort order of a booking list. Default: by id, ascending." })
export class BookingOrderInput {
  @Field(() => BookingSortField, { nullable: false, defaultValue: BookingSortField.ID })
  field!: BookingSortField;

  @Field(() => SortDirection, { nullable: false, defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
