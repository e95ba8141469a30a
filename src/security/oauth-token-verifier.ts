import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import { BitrixApiError } from "../transport/errors";
import type { Transport } from "../transport/transport";

/** What the portal said of a token: it acts as a user, it does not, or it could not be asked. */
export type TokenVerdict = "valid" | "refused" | "unknown";

/** Error codes with which a portal refuses the credential itself, not the call. */
const REFUSED_CREDENTIAL = new Set(["NO_AUTH_FOUND", "invalid_token", "expired_token"]);

/** Whether a failed upstream call says that its OAuth token is no credential (any more). */
export function refusesCredential(error: unknown): boolean {
  return error instanceof BitrixApiError && REFUSED_CREDENTIAL.has(error.code);
}

export interface OAuthTokenVerifierOptions {
  transport: Transport;
  /** The portal's REST endpoint, `https://portal/rest/`. */
  restEndpoint: string;
  clock: Clock;
  /** How long a verified token is taken on trust; access tokens live an hour. */
  validForMs?: number;
  /** How long a refused token is refused without asking the portal again. */
  refusedForMs?: number;
  /** Most tokens remembered; each entry is a digest and a verdict. */
  maxEntries?: number;
  /** Budget of the one call that checks a token. */
  timeoutMs: number;
}

/**
 * Knows which OAuth bearer tokens the portal accepts, so that no work multiplies on behalf of a junk
 * one: a subscription is admitted only for a token the portal has accepted (one `profile` call,
 * which needs no scope), and a token the portal refused, on that check or on any request's own call,
 * is refused at once, with no upstream call, until `refusedForMs` has passed. Tokens are remembered
 * by their SHA-256 digest only, in a bounded LRU; concurrent checks of one token share one call.
 */
export class OAuthTokenVerifier {
  private readonly verdicts: LRUCache<string, "valid" | "refused">;
  private readonly checking = new Map<string, Promise<TokenVerdict>>();
  private readonly validForMs: number;
  private readonly refusedForMs: number;

  constructor(private readonly options: OAuthTokenVerifierOptions) {
    this.validForMs = options.validForMs ?? 5 * 60_000;
    this.refusedForMs = options.refusedForMs ?? 10 * 60_000;
    this.verdicts = new LRUCache({
      max: options.maxEntries ?? 10_000,
      ttl: this.validForMs,
      perf: { now: () => options.clock.now() },
    });
  }

  /** What is known of `token` without asking the portal. */
  known(token: string): "valid" | "refused" | undefined {
    return this.verdicts.get(digest(token));
  }

  /** Asks the portal once, unless the answer is known; a portal that cannot be reached: unknown. */
  verify(token: string): Promise<TokenVerdict> {
    const key = digest(token);
    const known = this.verdicts.get(key);
    if (known) return Promise.resolve(known);
    let check = this.checking.get(key);
    if (!check) {
      check = this.ask(token).then((verdict) => {
        this.checking.delete(key);
        if (verdict === "valid") this.verdicts.set(key, verdict);
        if (verdict === "refused") this.refused(token);
        return verdict;
      });
      this.checking.set(key, check);
    }
    return check;
  }

  /** The portal refused `token` on some call: refuse it at once from now on. */
  refused(token: string): void {
    this.verdicts.set(digest(token), "refused", { ttl: this.refusedForMs });
  }

  private async ask(token: string): Promise<TokenVerdict> {
    const upstream = this.options.transport.upstream(
      { kind: "oauth", endpoint: this.options.restEndpoint, accessToken: token },
      { deadline: this.options.clock.now() + this.options.timeoutMs },
    );
    try {
      await upstream.call("profile", {});
      return "valid";
    } catch (error) {
      return refusesCredential(error) ? "refused" : "unknown";
    }
  }
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("base64");
}
