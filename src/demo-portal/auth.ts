import { timingSafeEqual } from "node:crypto";
import { type IncomingHttpHeaders } from "node:http";
import { type ApplicationTokens } from "./application-tokens";
import { phpGet } from "./php-array";
import { type RequestParams } from "./params";
import { expiredToken, wrongAuthorization } from "./portal-error";
import { type AuthConfig } from "./portal-runtime";
import { APPLICATION_USER_ID } from "./portal-application";
import { type RestRoute } from "./rest-path";

/** Who is calling; batch commands run as the caller of the batch. */
export interface Caller {
  userId: number;
  /**
   * The credentials it came with: an incoming webhook, or an application's OAuth token. Some
   * methods (event.*) work only in an application's context.
   */
  via: RestRoute["kind"];
  /**
   * An administrator: only the installed application's own token, which acts as the user who
   * installed it. Webhooks and the tokens of the oauthTokens option act as regular users.
   */
  admin: boolean;
}

/** Throws the 401 PortalError the server would send when the credentials do not match. */
export function authenticate(
  route: RestRoute,
  headers: IncomingHttpHeaders,
  params: RequestParams,
  auth: AuthConfig,
  application: ApplicationTokens,
): Caller {
  return route.kind === "webhook"
    ? authenticateWebhook(route.userId, route.secret, auth)
    : authenticateToken(findAccessToken(headers, params), auth, application);
}

function authenticateWebhook(userId: string, secret: string, auth: AuthConfig): Caller {
  const expected = auth.webhook;
  if (userId !== String(expected.userId) || !sameSecret(secret, expected.secret)) {
    throw wrongAuthorization();
  }
  return { userId: expected.userId, via: "webhook", admin: false };
}

/**
 * The installation's tokens first: the current one acts as the administrator who installed the
 * application; one past its time, or replaced by a refresh, is expired_token; a revoked one is
 * unknown. Then the tokens of the options, as configured.
 */
function authenticateToken(
  token: string | undefined,
  auth: AuthConfig,
  application: ApplicationTokens,
): Caller {
  if (token === undefined || token === "") throw wrongAuthorization();
  switch (application.check(token)) {
    case "current":
      return { userId: APPLICATION_USER_ID, via: "oauth", admin: true };
    case "expired":
      throw expiredToken();
    case "unknown":
      break;
  }
  if (auth.expiredTokens.has(token)) throw expiredToken();
  const userId = auth.oauthTokens.get(token);
  if (userId === undefined) throw wrongAuthorization();
  return { userId, via: "oauth", admin: false };
}

/** The server looks at the Authorization: Bearer header first, then `auth`, then `access_token`. */
function findAccessToken(headers: IncomingHttpHeaders, params: RequestParams): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
  if (bearer !== undefined) return bearer;
  for (const name of ["auth", "access_token"]) {
    const value = phpGet(params, name);
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

/**
 * A token that acts as `userId` and is not expired, for an event sent to an application on that
 * user's behalf; undefined when the portal knows none (the event then carries no token).
 */
export function accessTokenOf(auth: AuthConfig, userId: number): string | undefined {
  for (const [token, owner] of auth.oauthTokens) {
    if (owner === userId && !auth.expiredTokens.has(token)) return token;
  }
  return undefined;
}

/** Constant-time comparison, so the demo portal does not teach a timing leak. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
