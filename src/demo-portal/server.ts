import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleControlRequest } from "./control";
import { type PortalRuntime } from "./portal-runtime";
import { handleRestRequest } from "./rest-handler";
import { sendJson } from "./send-json";

/** A plain node:http server: /rest/… is the Bitrix24 API, /_demo/… the test controls. */
export function createPortalServer(runtime: PortalRuntime): Server {
  return createServer((request, response) => {
    void routeRequest(runtime, request, response);
  });
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
    } else if (url.pathname.startsWith("/_demo/")) {
      await handleControlRequest(runtime, request, response, url);
    } else {
      request.resume();
      sendJson(response, 404, {
        error: "NOT_FOUND",
        error_description: `No route for ${url.pathname}; the portal serves /rest/… and /_demo/…`,
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
