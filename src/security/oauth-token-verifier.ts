import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Clock } from "../clock";
import { BitrixApiError } from "../transport/errors";
import type { Transport } from "../transport/transport";
import { profileUserId } from "./profile-user";

/** What the portal said of a token: it acts as a user, it does not, or it could not be asked. */
export type TokenVerdict = "valid" | "refused" | "unknown";

/** The verdict on a token and, for one the portal accepted, whose it is. */
export interface TokenCheck {
  verdict: TokenVerdict;
  /**
   * `valid`: the portal user the token acts as (`profile`'s `ID`), so that a user's fresh tokens
   * count as one caller; undefined should the portal not name one.
   */
  userId?: string;
}

/** What is remembered per token digest: never the token itself. */
type Remembered = { verdict: "valid"; userId: string | undefined } | { verdict: "refused" };

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
  /** Most tokens remembered; each entry is a digest, a verdict and, when valid, a user id. */
  maxEntries?: number;
  /** Budget of the one call that checks a token. */
  timeoutMs: number;
}

/**
 * Knows which OAuth bearer tokens the portal accepts, so that no work multiplies on behalf of a junk
 * one: a subscription is admitted only for a token the portal has accepted (one `profile` call,
 * which needs no scope), and a token the portal refused, on that check or on any request's own call,
 * is refused at once, with no upstream call, until `refusedForMs` has passed. The same call tells
 * whose token it is, which is kept with the verdict. Tokens are remembered by their SHA-256 digest
 * only, in a bounded LRU; concurrent checks of one token share one call.
 */
export class OAuthTokenVerifier {
  private readonly verdicts: LRUCache<string, Remembered>;
  private readonly checking = new Map<string, Promise<TokenCheck>>();
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
    return this.verdicts.get(digest(token))?.verdict;
  }

  /** Asks the portal once, unless the answer is known; a portal that cannot be reached: unknown. */
  verify(token: string): Promise<TokenCheck> {
    const key = digest(token);
    const known = this.verdicts.get(key);
    if (known) return Promise.resolve({ ...known });
    let check = this.checking.get(key);
    if (!check) {
      check = this.ask(token).then((answer) => {
        this.checking.delete(key);
        if (answer.verdict === "valid") {
          this.verdicts.set(key, { verdict: "valid", userId: answer.userId });
        }
        if (answer.verdict === "refused") this.refused(token);
        return answer;
      });
      this.checking.set(key, check);
    }
    return check;
  }

  /** The portal refused `token` on some call: refuse it at once from now on. */
  refused(token: string): void {
    this.verdicts.set(digest(token), { verdict: "refused" }, { ttl: this.refusedForMs });
  }

  private async ask(token: string): Promise<TokenCheck> {
    const upstream = this.options.transport.upstream(
      { kind: "oauth", endpoint: this.options.restEndpoint, accessToken: token },
      { deadline: this.options.clock.now() + this.options.timeoutMs },
    );
    try {
      const profile = await upstream.call("profile", {});
      return { verdict: "valid", userId: profileUserId(profile.result) };
    } catch (error) {
      return { verdict: refusesCredential(error) ? "refused" : "unknown" };
    }
  }
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("base64");
}
