import type { Scheduler } from "fast-check";
import type { IssuedTokens, OAuthServer, RefreshOutcome } from "../../src/app/oauth-server";

const HOUR_MS = 3_600_000;

/** What one refresh request did. */
export interface OAuthRequest {
  refreshToken: string;
  /** The time the gateway sent it at (the `now` it passed). */
  now: number;
  /**
   * What the server did with it: nothing ("lost": the request never reached it), a rotation (new
   * access and refresh tokens), or a refusal.
   */
  outcome: "lost" | "rotated" | "PAYMENT_REQUIRED" | "invalid_grant";
  /** Whether the answer reached the gateway; undefined while it travels. */
  delivered?: boolean;
}

/** A network fault for the next request: lost on its way to the server, or its answer lost on the way back. */
export type OAuthFault = "request" | "answer";

const NETWORK_ERROR: RefreshOutcome = { ok: false, refused: false, code: "NETWORK_ERROR" };

/**
 * The Bitrix24 OAuth server and, since the two share it, the portal's view of access tokens.
 *
 * The server rotates: a refresh with the current refresh token issues a new access token AND a new
 * refresh token, and every refresh token used once is refused for ever (invalid_grant). It may be
 * told to answer PAYMENT_REQUIRED (which does not use the token up), or to lose the next request
 * (before it reaches the server) or its answer (after the server rotated). A request is two steps of
 * the fast-check scheduler: it reaches the server at the first, and its answer the gateway at the
 * second, so the scheduler interleaves it with everything else.
 *
 * The portal accepts an access token only if it is the latest issued and has not expired; the model
 * expires it when told an hour has passed.
 */
export class ModelOAuthServer implements Pick<OAuthServer, "refresh"> {
  /** Every refresh request, in the order sent. */
  readonly requests: OAuthRequest[] = [];
  paymentRequired = false;
  failNext: OAuthFault | undefined;
  /** Moves whenever an access token the portal accepted stops being accepted. */
  changes = 0;

  private issued = 0;
  private tokens: IssuedTokens;
  private readonly expired = new Set<string>();
  /** For each refresh token, the access token issued with it. */
  private readonly accessOf = new Map<string, string>();
  /** For each refresh token the server rotated, the refresh token it issued in its place. */
  private readonly successors = new Map<string, string>();
  /** Refresh tokens whose rotation reached the gateway. */
  private readonly deliveredRotations = new Set<string>();

  constructor(
    private readonly scheduler: Scheduler,
    now: number,
  ) {
    this.tokens = this.issue(now);
  }

  /** The tokens issued last: what the installation starts with. */
  get current(): IssuedTokens {
    return { ...this.tokens };
  }

  /** The portal's check of an access token sent with a call. */
  accepts(accessToken: string): boolean {
    return accessToken === this.tokens.accessToken && !this.expired.has(accessToken);
  }

  /** An hour passes on the portal: the latest access token expires (the refresh token does not). */
  expireCurrent(): void {
    if (this.expired.has(this.tokens.accessToken)) return;
    this.expired.add(this.tokens.accessToken);
    this.changes += 1;
  }

  /** Whether the access token issued with `refreshToken` is still accepted by the portal. */
  accessAlive(refreshToken: string): boolean {
    const access = this.accessOf.get(refreshToken);
    return access !== undefined && this.accepts(access);
  }

  /** The refresh token issued when `refreshToken` was rotated, if it was and the answer reached the gateway. */
  deliveredSuccessor(refreshToken: string): string | undefined {
    return this.deliveredRotations.has(refreshToken)
      ? this.successors.get(refreshToken)
      : undefined;
  }

  async refresh(refreshToken: string, now: number): Promise<RefreshOutcome> {
    const request: OAuthRequest = { refreshToken, now, outcome: "lost" };
    this.requests.push(request);
    const fault = this.failNext;
    this.failNext = undefined;
    await this.scheduler.schedule(Promise.resolve(), `oauth refresh ${refreshToken} sent`);
    if (fault === "request") {
      request.delivered = false;
      return NETWORK_ERROR;
    }
    let answer: RefreshOutcome;
    if (refreshToken !== this.tokens.refreshToken) {
      request.outcome = "invalid_grant";
      answer = { ok: false, refused: true, code: "invalid_grant" };
    } else if (this.paymentRequired) {
      request.outcome = "PAYMENT_REQUIRED";
      answer = { ok: false, refused: true, code: "PAYMENT_REQUIRED" };
    } else {
      request.outcome = "rotated";
      this.tokens = this.issue(now);
      this.successors.set(refreshToken, this.tokens.refreshToken);
      // The portal knows the old access token is replaced at once.
      this.changes += 1;
      answer = { ok: true, tokens: this.current };
    }
    await this.scheduler.schedule(Promise.resolve(), `oauth refresh ${refreshToken} answered`);
    if (fault === "answer") {
      request.delivered = false;
      return NETWORK_ERROR;
    }
    request.delivered = true;
    if (request.outcome === "rotated") this.deliveredRotations.add(refreshToken);
    return answer;
  }

  private issue(now: number): IssuedTokens {
    const n = this.issued;
    this.issued += 1;
    const tokens = {
      accessToken: `access-${n}`,
      refreshToken: `refresh-${n}`,
      accessExpiresAt: now + HOUR_MS,
    };
    this.accessOf.set(tokens.refreshToken, tokens.accessToken);
    return tokens;
  }
}
