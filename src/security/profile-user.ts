/**
 * The portal user a `profile` answer names: its `ID`, which Bitrix24 sends as a string of digits
 * (a number is taken too). Undefined for anything else, so that a malformed answer never makes
 * distinct users share one identity.
 */
export function profileUserId(result: unknown): string | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const id: unknown = (result as { ID?: unknown }).ID;
  const text = typeof id === "number" ? String(id) : id;
  return typeof text === "string" && /^[1-9][0-9]*$/.test(text) ? text : undefined;
}
