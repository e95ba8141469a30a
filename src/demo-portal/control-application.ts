import { type IncomingMessage, type ServerResponse } from "node:http";
import { installApplication, uninstallApplication } from "./application-lifecycle";
import { readJsonBody } from "./json-body";
import { isPhpArray, phpGet } from "./php-array";
import { type PortalRuntime } from "./portal-runtime";
import { sendJson } from "./send-json";
import { showValue } from "./show-value";

/** The control routes of the application, each answered here. */
export const APPLICATION_ROUTES = [
  "GET /_demo/application",
  "PATCH /_demo/application",
  "POST /_demo/application/install",
  "POST /_demo/application/uninstall",
  "POST /_demo/application/expire-access-token",
] as const;

export function isApplicationRoute(route: string): boolean {
  return (APPLICATION_ROUTES as readonly string[]).includes(route);
}

/**
 * - GET   /_demo/application → {clientId, clientSecret, installed, paymentRequired}: the portal is
 *   a test tool on loopback, so the secret an operator needs to configure a gateway is shown here;
 * - PATCH /_demo/application {"paymentRequired": true|false} → the same, after the change;
 * - POST  /_demo/application/install {"handlerUrl": "…"} → {status} of the installation callback;
 * - POST  /_demo/application/uninstall [{"handlerUrl": "…"}] → {status} (0 without a URL);
 * - POST  /_demo/application/expire-access-token → the same as GET, once the current access token
 *   is expired (the refresh token still works); 409 NOT_INSTALLED when nothing is installed.
 */
export async function handleApplicationRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
): Promise<void> {
  const body = await readJsonBody(request, { empty: {} });
  if (!body.ok) {
    sendJson(response, 400, { error: "INVALID_JSON", error_description: body.message });
    return;
  }
  try {
    switch (route) {
      case "GET /_demo/application":
        return sendApplication(runtime, response);
      case "PATCH /_demo/application":
        runtime.application.paymentRequired = readPaymentRequired(body.value);
        return sendApplication(runtime, response);
      case "POST /_demo/application/install":
        sendJson(response, 200, await installApplication(runtime, field(body.value, "handlerUrl")));
        return;
      case "POST /_demo/application/uninstall":
        sendJson(
          response,
          200,
          await uninstallApplication(runtime, field(body.value, "handlerUrl")),
        );
        return;
      case "POST /_demo/application/expire-access-token":
        if (!runtime.application.tokens.expireAccessToken()) {
          sendJson(response, 409, {
            error: "NOT_INSTALLED",
            error_description: "No application is installed, so there is no access token to expire",
          });
          return;
        }
        return sendApplication(runtime, response);
    }
  } catch (error) {
    sendJson(response, 400, {
      error: "INVALID_APPLICATION_REQUEST",
      error_description: error instanceof Error ? error.message : String(error),
    });
  }
}

function sendApplication(runtime: PortalRuntime, response: ServerResponse): void {
  const { clientId, clientSecret, tokens, paymentRequired } = runtime.application;
  sendJson(response, 200, { clientId, clientSecret, installed: tokens.installed, paymentRequired });
}

function readPaymentRequired(body: unknown): boolean {
  const value = field(body, "paymentRequired");
  if (typeof value !== "boolean") {
    throw new TypeError(`paymentRequired must be true or false, got ${showValue(value)}`);
  }
  return value;
}

function field(body: unknown, name: string): unknown {
  return isPhpArray(body) ? phpGet(body, name) : undefined;
}
