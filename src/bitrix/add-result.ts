import { BitrixError } from "../transport/errors";

/**
 * `*.add` methods answer with a bare integer id on the real server, while the docs show `{"id": n}`.
 * Both are accepted; anything else means the portal spoke a protocol this client does not know.
 */
export function parseAddResult(method: string, result: unknown): number {
  const id = typeof result === "object" && result !== null && "id" in result ? result.id : result;
  const numeric = typeof id === "string" && /^\d+$/.test(id) ? Number(id) : id;
  if (typeof numeric === "number" && Number.isInteger(numeric) && numeric > 0) return numeric;
  throw new BitrixError("MALFORMED_RESPONSE", "add returned no id", method, 200);
}
