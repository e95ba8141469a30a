import { userInputError } from "../errors/user-input-error";

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
