import { installBody, uninstallBody } from "./application-payloads";
import { type PortalIdentity } from "./event-payload";
import { checkEventHandlerUrl } from "./portal-options";
import { type PortalRuntime } from "./portal-runtime";
import { nowSeconds } from "./rest-time";

/** How a handler answered the installation's POST: its HTTP status, 0 when it was not reached. */
export interface HandlerAnswer {
  status: number;
}

/**
 * Installs the application the way Bitrix24 installs a local one that "uses API only": issues the
 * first token pair, revoking every token of an earlier installation, and posts ONAPPINSTALL to the
 * installation callback at `handlerUrl`. The installation stands whatever the handler answers
 * (tokens it did not keep can still be refreshed by whoever has them). Bindings and the offline
 * queue of an earlier installation stay: only the tokens are new. Rejects with a TypeError, changing
 * nothing, for a URL that is not absolute http(s).
 */
export async function installApplication(
  runtime: PortalRuntime,
  handlerUrl: unknown,
): Promise<HandlerAnswer> {
  const url = checkHandlerUrl(handlerUrl);
  const portal = identityOf(runtime);
  const pair = runtime.application.tokens.install();
  return post(runtime, url, installBody(portal, pair, timestamp(runtime)));
}

/**
 * Uninstalls the application: every token of the installation is unknown from now on, and its
 * event bindings and offline queue are gone (the outgoing webhook is the portal's, and stays).
 * With a URL, posts ONAPPUNINSTALL there; without one the answer's status is 0. Rejects with a
 * TypeError, changing nothing, for a URL that is not absolute http(s).
 */
export async function uninstallApplication(
  runtime: PortalRuntime,
  handlerUrl?: unknown,
): Promise<HandlerAnswer> {
  const url = handlerUrl === undefined ? undefined : checkHandlerUrl(handlerUrl);
  const portal = identityOf(runtime);
  runtime.application.tokens.revoke();
  runtime.application.offlineQueue.removeAll();
  runtime.events.forgetApplicationHandlers();
  if (url === undefined) return { status: 0 };
  return post(runtime, url, uninstallBody(portal, timestamp(runtime)));
}

async function post(runtime: PortalRuntime, url: string, body: string): Promise<HandlerAnswer> {
  return { status: await runtime.events.send(url, body) };
}

function checkHandlerUrl(url: unknown): string {
  const checked = checkEventHandlerUrl(url, "handlerUrl");
  if (checked === undefined)
    throw new TypeError("handlerUrl must be an absolute http or https URL, got undefined");
  return checked;
}

function identityOf(runtime: PortalRuntime): PortalIdentity {
  const portal = runtime.events.identity;
  if (portal === undefined)
    throw new Error("the application cannot be installed before the portal listens");
  return portal;
}

function timestamp(runtime: PortalRuntime): number {
  return Math.floor(nowSeconds(runtime.clock));
}
