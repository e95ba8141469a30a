import { isPhpArray, phpToString, phpValues } from "../php-array";

/** Filter helpers for the text fields of resources and resource types. */
export type TextTest = (text: string | null) => boolean;

/**
 * `name`, `code`, `description`, `moduleId`: equal to the value, or with a list (GUESS, as the
 * provider's `whereIn` filters do for ids) to any value of it.
 */
export function exactText(value: unknown): TextTest {
  const wanted = new Set((isPhpArray(value) ? phpValues(value) : [value]).map(phpToString));
  return (text) => text !== null && wanted.has(text);
}

/** `searchQuery`: a LIKE '%…%' on the name, case-insensitive like the database collation. */
export function containsText(value: unknown): TextTest {
  const needle = phpToString(value).toLowerCase();
  return (text) => text !== null && text.toLowerCase().includes(needle);
}
