import { randomBytes } from "node:crypto";

/**
 * A generation value no store has held before: 96 random bits. Counters would start over when Redis
 * restarts empty, fails over or evicts them, and an old entry's tag could then match again.
 */
export function freshGeneration(): string {
  return randomBytes(12).toString("base64url");
}
