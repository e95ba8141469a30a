import { phpEntries, type PhpArray } from "../php-array";

/** A sortable property of a listed record: numbers compare numerically, text case-insensitively. */
export type OrderKey<T> = (row: T) => number | string;
export type Comparator<T> = (a: T, b: T) => number;

/**
 * Reads `order: {field: "asc"|"desc", …}` against the fields a list method allows. Directions are
 * case-insensitive (the server upper-cases them). Unknown fields and directions are ignored
 * (GUESS: the whitelist drops them). Ties, and an empty order, fall back to id ASC, the documented
 * default, so pages are stable.
 */
export function readListOrder<T extends { id: number }>(
  order: PhpArray,
  keys: Readonly<Record<string, OrderKey<T>>>,
): Comparator<T> {
  const rules: Array<{ key: OrderKey<T>; sign: number }> = [];
  for (const [name, direction] of phpEntries(order)) {
    const key = Object.hasOwn(keys, name) ? keys[name] : undefined;
    const sign = directionSign(direction);
    if (key !== undefined && sign !== 0) rules.push({ key, sign });
  }
  rules.push({ key: (row) => row.id, sign: 1 });
  return (a, b) => {
    for (const rule of rules) {
      const difference = compareValues(rule.key(a), rule.key(b));
      if (difference !== 0) return difference * rule.sign;
    }
    return 0;
  };
}

function directionSign(direction: unknown): number {
  if (typeof direction !== "string") return 0;
  const normalized = direction.trim().toUpperCase();
  if (normalized === "ASC") return 1;
  if (normalized === "DESC") return -1;
  return 0;
}

/** Text compares like the database's case-insensitive collation would. */
function compareValues(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const left = String(a).toLowerCase();
  const right = String(b).toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}
