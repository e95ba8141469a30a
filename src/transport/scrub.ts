/** Replaces every occurrence of a credential in a text with "***". */
export type Scrub = (text: string) => string;

/** A scrubber for `secrets`; longer secrets first, so one that contains another is masked whole. */
export function scrubberOf(secrets: readonly string[]): Scrub {
  const ordered = secrets.filter((secret) => secret !== "").sort((a, b) => b.length - a.length);
  return (text) =>
    ordered.reduce(
      (acc, secret) => (acc.includes(secret) ? acc.split(secret).join("***") : acc),
      text,
    );
}

/**
 * A parsed JSON answer with every string in it scrubbed, keys included, however deep: error codes,
 * descriptions, each batch command's error, and data the portal echoes back. `raw` is the text the
 * value was parsed from: when it holds no credential and no escape sequence, no parsed string can
 * hold one either (each is a verbatim piece of the text), and the walk is skipped.
 */
export function scrubJson(value: unknown, raw: string, scrub: Scrub): unknown {
  if (!raw.includes("\\") && scrub(raw) === raw) return value;
  return scrubValue(value, scrub);
}

function scrubValue(value: unknown, scrub: Scrub): unknown {
  if (typeof value === "string") return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrub(key), scrubValue(item, scrub)]),
    );
  }
  return value;
}
