import { type BookingEvent } from "./booking-events";
import { encodePhpQuery } from "./php-query";

/** What every event tells its handler about the portal it came from. */
export interface PortalIdentity {
  /** The portal's host and port, e.g. "127.0.0.1:4100", where Bitrix24 gives "some-domain.bitrix24.com". */
  domain: string;
  /** "<origin>/rest/": the common path of REST calls. */
  clientEndpoint: string;
  /** The portal's id, 32 hex digits. */
  memberId: string;
  /** The token a handler compares to prove the request came from this portal. */
  applicationToken: string;
  /**
   * "<origin>/oauth/rest/": the portal's own authorization server, which refreshes the tokens of
   * the application's installation. Events that carry those tokens name it; see OAUTH_SERVER_ENDPOINT.
   */
  serverEndpoint: string;
}

/** An access token an event carries, with the seconds it has left. */
export interface EventToken {
  accessToken: string;
  expiresIn: number;
}

/**
 * The Bitrix24 authorization server that refreshes OAuth tokens, as every cloud portal names it.
 * Named by the outgoing webhook and by events carrying a token of the oauthTokens option, which
 * no authorization server issued; the application's own tokens come with `serverEndpoint`.
 */
export const OAUTH_SERVER_ENDPOINT = "https://oauth.bitrix.info/rest/";

/**
 * The lifetime the docs' examples give an event's access token. Tokens of the oauthTokens option
 * never expire on their own (only those listed as expired are refused), so they are announced as fresh.
 */
export const ACCESS_TOKEN_EXPIRES_IN = 3600;

/**
 * The POST body of one delivery, form-encoded with PHP-style keys in the order of the docs'
 * example (api-reference/events/index.md, "What Comes to the Handler"):
 * `event=ONBOOKINGADD&event_handler_id=7&data[ID]=66&ts=1751285594&auth[…]=…`.
 */
export function eventBody(
  event: BookingEvent,
  handlerId: number,
  ts: number,
  auth: Record<string, string>,
): string {
  return encodePhpQuery({
    event: event.name,
    event_handler_id: handlerId,
    data: { ID: event.id },
    ts,
    auth,
  });
}

/**
 * An outgoing webhook gets only these five keys: "OAuth 2.0 tokens and application data are not
 * passed to a webhook" (api-reference/events/index.md, "Parameter auth").
 */
export function webhookAuth(portal: PortalIdentity): Record<string, string> {
  return {
    domain: portal.domain,
    client_endpoint: portal.clientEndpoint,
    server_endpoint: OAUTH_SERVER_ENDPOINT,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
}

/**
 * An application handler gets the keys of _includes/auth-params-in-events.md, in the order of
 * the booking events' examples: a local application (status "L") in scope "booking", with an access
 * token for the handler's user when there is one. Tokens may be missing ("Always check the contents
 * of the auth key"); refresh_token comes only with events like OnAppInstall, never with these.
 */
export function applicationAuth(
  portal: PortalIdentity,
  token: EventToken | undefined,
  serverEndpoint = OAUTH_SERVER_ENDPOINT,
): Record<string, string> {
  return {
    ...(token === undefined
      ? {}
      : { access_token: token.accessToken, expires_in: String(token.expiresIn) }),
    scope: "booking",
    domain: portal.domain,
    server_endpoint: serverEndpoint,
    status: "L",
    client_endpoint: portal.clientEndpoint,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
}
