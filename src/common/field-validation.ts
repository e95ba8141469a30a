import { userInputError } from "../errors/user-input-error";

/** Names and codes Bitrix24 requires must say something: blank text would be stored as is. */
export function requireText(field: string, value: string): void {
  if (value.trim() === "") throw userInputError(field, "must not be empty", value);
}

/**
 * An update whose `fields` came out empty (say, only empty notification objects) would change
 * nothing, and an empty `fields` vanishes from a batch command's query string altogether.
 */
export function requireChanges(field: string, wireFields: object, input: unknown): void {
  if (Object.keys(wireFields).length === 0) {
    throw userInputError(field, "must change at least one field", input);
  }
}
