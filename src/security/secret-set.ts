import { createHash, timingSafeEqual } from "node:crypto";

/**
 * A set of secrets a presented value is checked against in constant time: both sides are compared
 * as SHA-256 digests, so neither the content nor the length of a secret leaks through timing, and
 * every secret is compared, so the time does not tell which one matched.
 */
export class SecretSet {
  private readonly digests: readonly Buffer[];

  constructor(secrets: readonly string[]) {
    this.digests = secrets.map(digest);
  }

  get size(): number {
    return this.digests.length;
  }

  has(candidate: string | undefined): boolean {
    if (candidate === undefined) return false;
    const candidateDigest = digest(candidate);
    let found = false;
    for (const expected of this.digests) {
      found = timingSafeEqual(candidateDigest, expected) || found;
    }
    return found;
  }
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
