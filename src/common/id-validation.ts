import { userInputError } from "../errors/user-input-error";

/** Bitrix24 ids are positive integers; anything else would only cost an upstream call to learn that. */
export function requirePositiveId(field: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw userInputError(field, "must be a positive integer", value);
  }
}
