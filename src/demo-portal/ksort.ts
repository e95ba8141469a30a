/**
 * The server's Externalizer ksort()s every entity before sending it, which is why the docs
 * list keys alphabetically. Output entities go through this so ours read the same.
 */
export function ksortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ksortDeep);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, ksortDeep(item)]));
}
