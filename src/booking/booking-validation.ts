import { requirePositiveId } from "../common/id-validation";
import { userInputError } from "../errors/user-input-error";
import type { AddBookingInput, UpdateBookingInput } from "./booking.input";
import type { DatePeriodInput } from "./date-period.input";
import { isKnownTimeZone } from "./iso-in-zone";

export function validateDatePeriod(field: string, period: DatePeriodInput): void {
  for (const end of ["from", "to"] as const) {
    const boundary = period[end];
    if (boundary.timestamp < 0) {
      throw userInputError(
        `${field}.${end}.timestamp`,
        "must be a Unix time in seconds, 0 or more",
        boundary.timestamp,
      );
    }
    if (!isKnownTimeZone(boundary.timezone)) {
      throw userInputError(
        `${field}.${end}.timezone`,
        'must be an IANA time zone such as "Europe/Berlin"',
        boundary.timezone,
      );
    }
  }
  if (period.from.timestamp >= period.to.timestamp) {
    throw userInputError(
      `${field}.to.timestamp`,
      `must be after ${field}.from.timestamp (${period.from.timestamp})`,
      period.to.timestamp,
    );
  }
}

export function validateResourceIds(field: string, ids: number[]): void {
  if (ids.length === 0) throw userInputError(field, "must hold at least one resource id", ids);
  ids.forEach((id, index) => requirePositiveId(`${field}[${index}]`, id));
}

export function validateAddBooking(field: string, input: AddBookingInput): void {
  validateResourceIds(`${field}.resourceIds`, input.resourceIds);
  validateDatePeriod(`${field}.datePeriod`, input.datePeriod);
}

export function validateUpdateBooking(field: string, input: UpdateBookingInput): void {
  if (Object.values(input).every((value) => value === undefined)) {
    throw userInputError(field, "must change at least one field", input);
  }
  if (input.resourceIds === null || input.datePeriod === null || input.name === null) {
    const key =
      input.resourceIds === null
        ? "resourceIds"
        : input.datePeriod === null
          ? "datePeriod"
          : "name";
    throw userInputError(
      `${field}.${key}`,
      "cannot be null; leave it out to keep the current value",
      null,
    );
  }
  if (input.resourceIds) validateResourceIds(`${field}.resourceIds`, input.resourceIds);
  if (input.datePeriod) validateDatePeriod(`${field}.datePeriod`, input.datePeriod);
}
