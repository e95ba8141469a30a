import { type TokenPair } from "./application-tokens";
import { applicationAuth, type EventToken, type PortalIdentity } from "./event-payload";
import { APPLICATION_USER_ID } from "./portal-application";
import { encodePhpQuery } from "./php-query";

/**
 * The events of the application's own life, form-encoded with PHP-style keys like every event.
 * Their auth names the portal's own authorization server, the one that refreshes these tokens.
 */

/**
 * ONAPPINSTALL, as Bitrix24 posts it to the installation callback of an application that "uses API
 * only" (settings/app-installation/local-apps/installation-callback.md, and the keys of
 * api-reference/common/events/on-app-install.md): the first token pair, refresh token included, and
 * the application token every later event carries.
 */
export function installBody(portal: PortalIdentity, pair: TokenPair, ts: number): string {
  return encodePhpQuery({
    event: "ONAPPINSTALL",
    data: { VERSION: "1", ACTIVE: "Y", INSTALLED: "Y", LANGUAGE_ID: "en" },
    ts,
    auth: {
      access_token: pair.accessToken,
      expires: pair.expires,
      expires_in: pair.expires - ts,
      scope: "booking",
      domain: portal.domain,
      server_endpoint: portal.serverEndpoint,
      status: "L",
      client_endpoint: portal.clientEndpoint,
      member_id: portal.memberId,
      user_id: APPLICATION_USER_ID,
      refresh_token: pair.refreshToken,
      application_token: portal.applicationToken,
    },
  });
}

/**
 * ONAPPUNINSTALL (api-reference/common/events/on-app-uninstall.md): no tokens, since there is no
 * installation left for them to work in. CLEAN is 0: the portal has no "clear application data"
 * choice to offer.
 */
export function uninstallBody(portal: PortalIdentity, ts: number): string {
  return encodePhpQuery({
    event: "ONAPPUNINSTALL",
    data: { LANGUAGE_ID: "en", CLEAN: 0 },
    ts,
    auth: {
      domain: portal.domain,
      client_endpoint: portal.clientEndpoint,
      server_endpoint: portal.serverEndpoint,
      member_id: portal.memberId,
      application_token: portal.applicationToken,
    },
  });
}

/**
 * ONOFFLINEEVENT (api-reference/events/on-offline-event.md): a signal without data (its empty
 * `data` array vanishes in the form encoding, as with http_build_query), with event_handler_id like
 * every event ("The set of top-level keys is the same for all events", events/index.md) and the
 * application's access token while it works. The server also sends the refresh token with this event
 * (sendRefreshToken); the demo portal leaves it out, so a handler never takes a token that a
 * refresh may already have replaced by the time the notification arrives.
 */
export function offlineNotificationBody(
  portal: PortalIdentity,
  handlerId: number,
  ts: number,
  token: EventToken | undefined,
): string {
  return encodePhpQuery({
    event: "ONOFFLINEEVENT",
    event_handler_id: handlerId,
    data: [],
    ts,
    auth: applicationAuth(portal, token, portal.serverEndpoint),
  });
}
