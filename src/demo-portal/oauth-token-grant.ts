import { type TokenPair } from "./application-tokens";
import { type PortalIdentity } from "./event-payload";
import { phpGet, phpToString } from "./php-array";
import { type RequestParams } from "./params";
import { APPLICATION_USER_ID, type PortalApplication } from "./portal-application";

/** What the token endpoint answers: a JSON body and its HTTP status. */
export interface OAuthAnswer {
  status: number;
  body: unknown;
}

/**
 * One request to the token endpoint, as the authorization server (oauth.bitrix.info) answers it
 * (settings/oauth/auto-renewal.md and error-codes.md). Only `grant_type=refresh_token` can
 * succeed: the portal hands an application its first pair with ONAPPINSTALL, never through
 * authorization codes. Checks run in this order: parameters, client, grant type, payment,
 * refresh token. A refused request changes nothing, so a refresh token refused for payment
 * works again once payment is no longer required.
 */
export function grantToken(
  application: PortalApplication,
  portal: PortalIdentity,
  params: RequestParams,
): OAuthAnswer {
  const read = (name: string) => phpToString(phpGet(params, name));
  const grantType = read("grant_type");
  const refreshToken = read("refresh_token");
  if (refreshToken !== "") application.refreshTokensPresented.push(refreshToken);

  const missing = ["grant_type", "client_id", "client_secret"].filter((name) => read(name) === "");
  if (missing.length > 0) {
    return refusal(400, "invalid_request", `Required parameters missing: ${missing.join(", ")}`);
  }
  if (
    read("client_id") !== application.clientId ||
    read("client_secret") !== application.clientSecret
  ) {
    return refusal(401, "invalid_client", "Invalid client_id or client_secret");
  }
  if (grantType === "authorization_code") {
    return refusal(
      400,
      "invalid_grant",
      "This portal issues no authorization codes: the first tokens come with ONAPPINSTALL",
    );
  }
  if (grantType !== "refresh_token") {
    return refusal(
      400,
      "invalid_request",
      `grant_type must be refresh_token or authorization_code, got "${grantType}"`,
    );
  }
  if (refreshToken === "") {
    return refusal(400, "invalid_request", "Required parameters missing: refresh_token");
  }
  // "Until then, the authorization server will not issue tokens" (error-codes.md).
  if (application.paymentRequired) return refusal(403, "PAYMENT_REQUIRED", "Payment required");
  const pair = application.tokens.refresh(refreshToken);
  if (pair === undefined) {
    // The token itself is a credential: the description names the rule, never the value.
    return refusal(
      400,
      "invalid_grant",
      "refresh_token must be the one issued last to the installed application; it was used already, never issued, or the application is not installed",
    );
  }
  return { status: 200, body: tokenBody(application, portal, pair) };
}

/**
 * The body of auto-renewal.md's example, keys in its order. `domain` names the authorization
 * server, which here is the portal itself.
 */
function tokenBody(application: PortalApplication, portal: PortalIdentity, pair: TokenPair) {
  return {
    access_token: pair.accessToken,
    client_endpoint: portal.clientEndpoint,
    domain: portal.domain,
    expires: pair.expires,
    expires_in: application.tokens.ttlSeconds,
    member_id: portal.memberId,
    refresh_token: pair.refreshToken,
    scope: "booking",
    server_endpoint: portal.serverEndpoint,
    status: "L",
    user_id: APPLICATION_USER_ID,
  };
}

function refusal(status: number, error: string, description: string): OAuthAnswer {
  return { status, body: { error, error_description: description } };
}
