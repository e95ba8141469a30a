import { registerEnumType } from "type-graphql";

export enum WeekDay {
  MONDAY = "MONDAY",
  TUESDAY = "TUESDAY",
  WEDNESDAY = "WEDNESDAY",
  THURSDAY = "THURSDAY",
  FRIDAY = "FRIDAY",
  SATURDAY = "SATURDAY",
  SUNDAY = "SUNDAY",
}

registerEnumType(WeekDay, {
  name: "WeekDay",
  description: 'A day of the week (Bitrix24 `weekDays`: "Mon" … "Sun").',
});

/** Wire spelling of each day, in week order. */
export const WIRE_WEEK_DAYS: Readonly<Record<WeekDay, string>> = {
  [WeekDay.MONDAY]: "Mon",
  [WeekDay.TUESDAY]: "Tue",
  [WeekDay.WEDNESDAY]: "Wed",
  [WeekDay.THURSDAY]: "Thu",
  [WeekDay.FRIDAY]: "Fri",
  [WeekDay.SATURDAY]: "Sat",
  [WeekDay.SUNDAY]: "Sun",
};
