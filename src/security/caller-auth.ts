import { jwtVerify } from "jose";
import type { AuthSettings, PortalConfig } from "../config";
import { bearerToken } from "./bearer-token";
import type { OAuthTokenVerifier } from "./oauth-token-verifier";
import { SecretSet } from "./secret-set";

/** Who a request comes from, as far as the gateway can tell. Never holds the credential itself. */
export interface Caller {
  /**
   * `token`/`jwt`: a gateway credential (webhook mode); `oauth`: a Bitrix24 token the portal will
   * check; `router`: the federation router, trusted by ROUTER_SECRET alone; `open`: no caller
   * authentication is configured (development, or the demo portal).
   */
  kind: "token" | "jwt" | "oauth" | "router" | "open";
  viaRouter: boolean;
  /**
   * An admitted OAuth subscriber: the portal user its token acts as, as the portal said. Its
   * subscriptions count against this user, not the token, since a user can get fresh tokens at will.
   */
  user?: string;
}

/** A refusal is 401, or 503 when the portal could not be asked whether an OAuth token is good. */
export type AuthOutcome =
  { ok: true; caller: Caller } | { ok: false; message: string; status?: 401 | 503 };

export interface RequestCredentials {
  authorization: string | undefined;
  routerSecret: string | undefined;
}

/**
 * Decides whether a request may use the gateway, before anything else happens to it:
 *
 * 1. With ROUTER_SECRET, every request must carry it in `x-router-secret` (router-only mode).
 * 2. OAuth mode: the caller must send a Bitrix24 token as `Authorization: Bearer …`. A token the
 *    portal has refused is refused at once, with no upstream call; a subscriber (whose one
 *    subscription makes a call per change) is admitted only once the portal has accepted its token.
 *    Otherwise the portal checks it on the request's own calls.
 * 3. Webhook mode with GATEWAY_TOKENS and/or GATEWAY_JWT_SECRET: the bearer token must be one of the
 *    tokens or a valid HS256 JWT with `exp` (and the configured `iss`/`aud`). Without them the router secret alone admits, or, when there is no
 *    router secret either, the gateway is open (refused at start-up in production).
 *
 * Secrets are compared in constant time over their SHA-256 digests, so neither content nor length
 * leaks through timing.
 */
export class CallerAuthenticator {
  private readonly tokens: SecretSet;
  private readonly routerSecret: SecretSet | undefined;
  private readonly jwtKey: Uint8Array | undefined;

  constructor(
    private readonly settings: AuthSettings,
    private readonly portalMode: PortalConfig["mode"],
    /** OAuth mode: what the portal said of each token. */
    private readonly verifier?: OAuthTokenVerifier,
  ) {
    this.tokens = new SecretSet(settings.tokens);
    this.routerSecret =
      settings.routerSecret === undefined ? undefined : new SecretSet([settings.routerSecret]);
    this.jwtKey = settings.jwt ? new TextEncoder().encode(settings.jwt.secret) : undefined;
  }

  /** Whether callers must authenticate at all. */
  get enforced(): boolean {
    return (
      this.portalMode === "oauth" ||
      this.routerSecret !== undefined ||
      this.tokens.size > 0 ||
      this.jwtKey !== undefined
    );
  }

  async authenticate(credentials: RequestCredentials): Promise<AuthOutcome> {
    const viaRouter = this.routerSecret !== undefined;
    if (this.routerSecret && !this.routerSecret.has(credentials.routerSecret)) {
      return {
        ok: false,
        message:
          "This gateway serves only its federation router: x-router-secret is missing or wrong",
      };
    }
    const bearer = bearerToken(credentials.authorization);
    if (this.portalMode === "oauth") {
      if (!bearer) {
        return {
          ok: false,
          message:
            "This gateway runs in OAuth mode: send your Bitrix24 access token as `Authorization: Bearer <token>`",
        };
      }
      if (this.verifier?.known(bearer) === "refused") return REFUSED_BY_PORTAL;
      return { ok: true, caller: { kind: "oauth", viaRouter } };
    }
    if (this.tokens.size === 0 && !this.jwtKey) {
      return { ok: true, caller: { kind: viaRouter ? "router" : "open", viaRouter } };
    }
    if (bearer && this.tokens.has(bearer)) {
      return { ok: true, caller: { kind: "token", viaRouter } };
    }
    if (bearer && this.jwtKey && (await this.validJwt(bearer))) {
      return { ok: true, caller: { kind: "jwt", viaRouter } };
    }
    return {
      ok: false,
      message: bearer
        ? "The bearer token is not a valid gateway credential (unknown, expired or badly signed)"
        : "Send a gateway credential as `Authorization: Bearer <token>`",
    };
  }

  /**
   * The same, for a caller about to hold subscriptions: in OAuth mode its token must also be one the
   * portal has accepted (asked once, then remembered), so that no change costs a call for a junk one.
   */
  async authenticateSubscriber(credentials: RequestCredentials): Promise<AuthOutcome> {
    const outcome = await this.authenticate(credentials);
    return outcome.ok ? this.admitSubscriber(outcome.caller, credentials.authorization) : outcome;
  }

  /** For a caller already authenticated: the subscriber's part of `authenticateSubscriber`. */
  async admitSubscriber(caller: Caller, authorization: string | undefined): Promise<AuthOutcome> {
    const token = bearerToken(authorization);
    if (caller.kind !== "oauth" || !this.verifier || !token) return { ok: true, caller };
    const { verdict, userId } = await this.verifier.verify(token);
    if (verdict === "valid") {
      return { ok: true, caller: userId === undefined ? caller : { ...caller, user: userId } };
    }
    if (verdict === "refused") return REFUSED_BY_PORTAL;
    return {
      ok: false,
      status: 503,
      message: "The portal could not be reached to check the access token; try again shortly",
    };
  }

  private async validJwt(token: string): Promise<boolean> {
    const jwt = this.settings.jwt!;
    try {
      await jwtVerify(token, this.jwtKey!, {
        algorithms: ["HS256"],
        // A credential that never expires is a standing risk: `exp` is required.
        requiredClaims: ["exp"],
        ...(jwt.issuer && { issuer: jwt.issuer }),
        ...(jwt.audience && { audience: jwt.audience }),
      });
      return true;
    } catch {
      return false;
    }
  }
}

const REFUSED_BY_PORTAL: AuthOutcome = {
  ok: false,
  message: "The portal refused this access token (unknown or expired): get a new one",
};
