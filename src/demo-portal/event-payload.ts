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
}

/**
 * The Bitrix24 authorization server that refreshes OAuth tokens. The demo portal has none of its
 * own, so it names the one every cloud portal names.
 */
export const OAUTH_SERVER_ENDPOINT = "https://oauth.bitrix.info/rest/";

/**
 * The lifetime the docs' examples give an event's access token. The portal's tokens never expire
 * on their own (only those listed as expired are refused), so every one is announced as fresh.
 */
const ACCESS_TOKEN_EXPIRES_IN = "3600";

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
  accessToken: string | undefined,
): Record<string, string> {
  return {
    ...(accessToken === undefined
      ? {}
      : { access_token: accessToken, expires_in: ACCESS_TOKEN_EXPIRES_IN }),
    scope: "booking",
    domain: portal.domain,
    server_endpoint: OAUTH_SERVER_ENDPOINT,
    status: "L",
    client_endpoint: portal.clientEndpoint,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
}
