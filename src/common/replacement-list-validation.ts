import { userInputError } from "../errors/user-input-error";

/**
 * Most items one replace-whole-list mutation takes (a booking's clients, a record's external-data
 * links): each is validated and sent, so an unbounded list is unbounded work before the portal's
 * answer; no booking needs more.
 */
export const MAX_REPLACEMENT_ITEMS = 100;

/**
 * The rules for a list that a `*.set` method replaces whole (clients, external-data links): an empty
 * list would wipe everything, which has its own `unset` mutation, and a repeated item is almost surely
 * a mistake. `checkItem` adds the rules of one item.
 */
export function validateReplacementList<T>(
  field: string,
  items: T[],
  rules: {
    /** What one item is called in messages: "client", "link". */
    noun: string;
    /** The mutation that removes every item. */
    unsetMutation: string;
    /** Equal keys mean the same item. */
    keyOf: (item: T) => string;
    checkItem: (item: T, path: string) => void;
  },
): void {
  if (items.length === 0) {
    throw userInputError(
      field,
      `must hold at least one ${rules.noun} (use ${rules.unsetMutation} to remove all)`,
      items,
    );
  }
  if (items.length > MAX_REPLACEMENT_ITEMS) {
    throw userInputError(
      field,
      `may hold at most ${MAX_REPLACEMENT_ITEMS} ${rules.noun}s`,
      `${items.length} items`,
    );
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const path = `${field}[${index}]`;
    rules.checkItem(item, path);
    const key = rules.keyOf(item);
    if (seen.has(key)) {
      throw userInputError(path, `must not repeat a ${rules.noun} already in the list`, item);
    }
    seen.add(key);
  });
}
