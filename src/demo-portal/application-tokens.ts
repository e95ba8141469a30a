import { type Clock } from "../clock";
import { randomToken } from "./random-token";

/** One pair the authorization server issued, with the moment its access token stops working. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Unix seconds announced as `expires`; the token works until this second on the portal's clock. */
  expires: number;
}

/**
 * What an access token is worth on /rest/:
 * - "current": the installation's token, not expired yet;
 * - "expired": the installation's token past its time, or one a refresh replaced (401 expired_token,
 *   so every replica still holding it learns to refresh);
 * - "unknown": never issued, or revoked by an uninstall or a new installation (401 NO_AUTH_FOUND).
 */
export type AccessTokenState = "current" | "expired" | "unknown";

/**
 * The tokens of the one installation of the portal's application, with rotation: a refresh issues
 * a new access token and a new refresh token, and from then on the previous access token is
 * answered expired_token and the previous refresh token is refused, for ever (tokens are random,
 * so no later pair can bring one back).
 */
export class ApplicationTokens {
  private current: TokenPair | undefined;
  /** Access tokens this installation issued before the current one. */
  private readonly replaced = new Set<string>();

  constructor(
    private readonly clock: Clock,
    readonly ttlSeconds: number,
  ) {}

  get installed(): boolean {
    return this.current !== undefined;
  }

  /** A copy of the current pair, or undefined while nothing is installed. */
  pair(): TokenPair | undefined {
    return this.current && { ...this.current };
  }

  /** Seconds the current access token has left (0 once expired); undefined while not installed. */
  secondsLeft(): number | undefined {
    if (this.current === undefined) return undefined;
    return Math.max(0, this.current.expires - Math.floor(this.clock.now() / 1000));
  }

  /** A new installation: a fresh pair, and every token of an earlier one revoked. */
  install(): TokenPair {
    this.revoke();
    this.current = this.newPair();
    return { ...this.current };
  }

  /** Uninstall: every token of the installation is unknown from now on. */
  revoke(): void {
    this.current = undefined;
    this.replaced.clear();
  }

  /** The next pair, or undefined when `refreshToken` is not the current one (used, unknown, none installed). */
  refresh(refreshToken: string): TokenPair | undefined {
    if (this.current === undefined || refreshToken !== this.current.refreshToken) return undefined;
    this.replaced.add(this.current.accessToken);
    this.current = this.newPair();
    return { ...this.current };
  }

  /** Makes the current access token expired now, keeping its refresh token; false when none is installed. */
  expireAccessToken(): boolean {
    if (this.current === undefined) return false;
    this.current.expires = Math.floor(this.clock.now() / 1000);
    return true;
  }

  check(accessToken: string): AccessTokenState {
    if (this.current !== undefined && accessToken === this.current.accessToken) {
      return this.nowSeconds() < this.current.expires ? "current" : "expired";
    }
    return this.replaced.has(accessToken) ? "expired" : "unknown";
  }

  /**
   * `expires` is a whole second at most the lifetime away, so a client that refreshes when it
   * passes is never early; the token works up to that second exactly.
   */
  private newPair(): TokenPair {
    return {
      accessToken: randomToken(),
      refreshToken: randomToken(),
      expires: Math.floor(this.clock.now() / 1000) + this.ttlSeconds,
    };
  }

  private nowSeconds(): number {
    return this.clock.now() / 1000;
  }
}
