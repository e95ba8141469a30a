import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleControlRequest } from "./control";
import { handleOAuthRequest, OAUTH_PATH } from "./oauth-token-endpoint";
import { type PortalRuntime } from "./portal-runtime";
import { handleRestRequest } from "./rest-handler";
import { sendJson } from "./send-json";

/**
 * How long an idle keep-alive connection stays open. Longer than its clients keep theirs (the
 * gateway's pool 10 s, fetch's 4 s), as a portal's web server is: a server that closed first, at
 * node's default of 5 s, would now and then close a connection a client was reusing at that moment.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * A plain node:http server: /rest/… is the Bitrix24 API, /oauth/… the authorization server that
 * refreshes the application's tokens, /_demo/… the test controls.
 */
export function createPortalServer(runtime: PortalRuntime): Server {
  const server = createServer((request, response) => {
    void routeRequest(runtime, request, response);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  server.requestTimeout = KEEP_ALIVE_TIMEOUT_MS + 2000;
  return server;
}

async function routeRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const url = new URL(request.url ?? "/", "http://demo-portal.invalid");
    if (url.pathname.startsWith("/rest/")) {
      await handleRestRequest(runtime, request, response, url);
    } else if (url.pathname.startsWith(OAUTH_PATH)) {
      await handleOAuthRequest(runtime, request, response, url);
    } else if (url.pathname.startsWith("/_demo/")) {
      await handleControlRequest(runtime, request, response, url);
    } else {
      request.resume();
      sendJson(response, 404, {
        error: "NOT_FOUND",
        error_description: `No route for ${url.pathname}; the portal serves /rest/…, /oauth/… and /_demo/…`,
      });
    }
  } catch (error) {
    // Last resort: the handlers answer their own errors, so this is a bug in the portal.
    runtime.onInternalError(error, "(routing)");
    if (response.headersSent) {
      response.destroy();
    } else {
      sendJson(response, 500, {
        error: "INTERNAL_SERVER_ERROR",
        error_description: "Internal server error",
      });
    }
  }
}
