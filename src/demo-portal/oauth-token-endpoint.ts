import { type IncomingMessage, type ServerResponse } from "node:http";
import { grantToken, type OAuthAnswer } from "./oauth-token-grant";
import { PortalError } from "./portal-error";
import { type PortalRuntime } from "./portal-runtime";
import { readRequestParams } from "./request-params";
import { sendJson } from "./send-json";

/** The base a client appends "token/" to, as it does to https://oauth.bitrix.info/oauth/. */
export const OAUTH_PATH = "/oauth/";

const TOKEN_PATHS = new Set(["/oauth/token/", "/oauth/token"]);

/**
 * The portal's own authorization server, on its origin: `GET|POST /oauth/token/` with the
 * parameters in the query or, for a POST, in a form or JSON body (the body wins, as on /rest/).
 * Every answer is counted: oauthRefreshes for a new pair, oauthRefreshesRefused for the rest.
 * Other paths under /oauth/ are 404.
 */
export async function handleOAuthRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  if (!TOKEN_PATHS.has(url.pathname)) {
    request.resume();
    sendJson(response, 404, {
      error: "NOT_FOUND",
      error_description: `No route for ${url.pathname}; the authorization server serves ${OAUTH_PATH}token/`,
    });
    return;
  }
  const answer = await answerTokenRequest(runtime, request, url);
  runtime.stats.recordOauthRefresh(answer.status === 200);
  sendJson(response, answer.status, answer.body);
}

async function answerTokenRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  url: URL,
): Promise<OAuthAnswer> {
  if (request.method !== "GET" && request.method !== "POST") {
    request.resume();
    return invalidRequest(`the token endpoint takes GET or POST, got ${request.method ?? ""}`);
  }
  const portal = runtime.events.identity;
  if (portal === undefined)
    throw new Error("the token endpoint answered before the portal listened");
  try {
    return grantToken(runtime.application, portal, await readRequestParams(request, url));
  } catch (error) {
    // Only a body too large or cut short gets here.
    return invalidRequest(
      error instanceof PortalError ? error.message : "the request body could not be read",
    );
  }
}

function invalidRequest(description: string): OAuthAnswer {
  return { status: 400, body: { error: "invalid_request", error_description: description } };
}
