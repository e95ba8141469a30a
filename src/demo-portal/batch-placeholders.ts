import { isPhpArray, phpEntries } from "./php-array";

/** What earlier batch commands produced, by command key; `$result[key]…` reads from these. */
export type PlaceholderSource = "result" | "error" | "total" | "next" | "time";
export type BatchResults = Record<PlaceholderSource, Map<string, unknown>>;

const PLACEHOLDER = /\$(result|error|total|next|time)(\S*)/gi;
const PATH_SEGMENT = /\[([^\]]+)\]/g;

/**
 * Replaces `$result[cmdKey][field][0]`-style references in every string of a command's parsed
 * parameters (CRestUtil::ParseBatchQuery). A value that is exactly one placeholder becomes the
 * raw referenced value (an int, an array…); a placeholder inside longer text becomes text, and
 * only numbers and strings are inserted there: anything else leaves the placeholder as it was.
 * Like the server, a path that stops matching keeps the deepest value reached so far.
 */
export function substitutePlaceholders(value: unknown, results: BatchResults): unknown {
  if (typeof value === "string") return substituteInText(value, results);
  if (Array.isArray(value)) return value.map((item) => substitutePlaceholders(item, results));
  if (isPhpArray(value)) {
    return Object.fromEntries(
      phpEntries(value).map(([key, item]) => [key, substitutePlaceholders(item, results)]),
    );
  }
  return value;
}

function substituteInText(text: string, results: BatchResults): unknown {
  let output = text;
  for (const [placeholder, source = "", path = ""] of text.matchAll(PLACEHOLDER)) {
    const keys = [...path.matchAll(PATH_SEGMENT)].map((segment) => segment[1] ?? "");
    if (keys.length === 0) continue;
    const sourceMap = results[source.toLowerCase() as PlaceholderSource];
    const referenced = followPath(Object.fromEntries(sourceMap), keys);
    if (placeholder === output) return referenced;
    if (typeof referenced === "number" || typeof referenced === "string") {
      output = output.split(placeholder).join(String(referenced));
    }
  }
  return output;
}

function followPath(root: unknown, keys: readonly string[]): unknown {
  let current = root;
  for (const key of keys) {
    const next =
      isPhpArray(current) && Object.hasOwn(current, key)
        ? (current as Record<string, unknown>)[key]
        : undefined;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}
