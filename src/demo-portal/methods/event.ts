import { type Caller } from "../auth";
import {
  isBindableEventName,
  OFFLINE_NOTIFICATION_EVENT,
  type BoundHandler,
  type HandlerOptions,
} from "../event-handlers";
import { isPhpArray, phpGet, phpIntval, phpIsset, phpUpperCaseKeys } from "../php-array";
import { PortalError } from "../portal-error";
import {
  accessDenied,
  argumentNullOrEmpty,
  checkHandlerUrl,
  readEventQuery,
  readEventType,
  requireApplication,
} from "./event-query";
import { type MethodGroup } from "./method";

/**
 * event.bind, event.get and event.unbind: how an application registers its own handlers (the
 * outgoing webhook is configured in code instead). Checks run in the server's order
 * (rest/lib/api/event.php).
 *
 * The installed application's own token acts as an administrator: it binds offline events (no
 * handler: the changes go into the offline queue), binds for any auth_type or for none (0: the
 * installation's own token goes with the events), and sees and unbinds every handler of the
 * application. The tokens of the oauthTokens option act as regular users, as the docs describe:
 * a handler is always bound on the caller's own behalf (auth_type is the caller's id), another
 * user's auth_type or an offline event is 403 ACCESS_DENIED, and event.get and event.unbind see
 * only the caller's own handlers. The twelve booking events and ONOFFLINEEVENT can be bound.
 */
export const eventMethods: MethodGroup = {
  /** Answers `true`; the same event, handler and user twice is ERROR_CORE. */
  "event.bind": ({ params, caller, eventHandlers }) => {
    requireApplication(caller);
    const query = readEventQuery(params);
    let userId = caller.admin ? 0 : caller.userId;
    if (query.authType > 0) {
      if (!caller.admin && query.authType !== caller.userId) {
        throw accessDenied("Event binding with AUTH_TYPE requires administrator access rights");
      }
      userId = query.authType;
    }
    if (query.event === "") throw argumentNullOrEmpty("EVENT");
    const offline = readEventType(query.eventType) === "offline";
    if (offline && !caller.admin) {
      throw accessDenied("Offline events binding requires administrator access rights");
    }
    const handler = offline ? "" : query.handler;
    if (!offline && handler === "") throw argumentNullOrEmpty("HANDLER");
    if (handler !== "") checkHandlerUrl(handler);
    if (!isBindableEventName(query.event)) {
      throw new PortalError("ERROR_EVENT_NOT_FOUND", "Event not found");
    }
    // The notification of the offline queue cannot itself go into it ("disableOffline").
    if (offline && query.event === OFFLINE_NOTIFICATION_EVENT) {
      throw new PortalError("ERROR_ARGUMENT", "Offline event cannot be registered for this event.");
    }
    const options = query.event === OFFLINE_NOTIFICATION_EVENT ? readOptions(params) : {};
    if (!eventHandlers.bind(query.event, handler, offline ? 0 : userId, options)) {
      throw new PortalError("ERROR_CORE", "Unable to set event handler: Handler already binded");
    }
    return { result: true };
  },

  /**
   * A plain list by handler id; auth_type is the stored user id, a string as the database gives
   * it. An offline binding has no handler and no user: it shows its connector ("" here) instead.
   */
  "event.get": ({ caller, eventHandlers }) => {
    requireApplication(caller);
    const handlers = eventHandlers.boundBy(caller.admin ? undefined : caller.userId).map(view);
    return { result: handlers };
  },

  /**
   * Answers `{count}`, 0 when nothing matched. The server compares a given auth_type to the
   * caller's id with `!==`, which refuses the string "3" from a form body even for user 3; here
   * the numbers are compared, as the docs describe it ("Only online event handlers registered for
   * the current user can be deleted"). An administrator's unbind without auth_type removes the
   * handler for every user; with event_type=offline it removes the offline binding.
   */
  "event.unbind": ({ params, caller, eventHandlers }) => {
    requireApplication(caller);
    const query = readEventQuery(params);
    if (query.event === "") throw argumentNullOrEmpty("EVENT");
    if (readEventType(query.eventType) === "offline") {
      if (!caller.admin) {
        throw accessDenied("Offline events unbinding requires administrator access rights");
      }
      return { result: { count: eventHandlers.unbind(query.event, "", undefined) } };
    }
    if (query.handler === "") throw argumentNullOrEmpty("HANDLER");
    if (query.hasAuthType && !caller.admin && query.authType !== caller.userId) {
      throw accessDenied("Event unbinding with AUTH_TYPE requires administrator access rights");
    }
    const userId = unbindUser(caller, query.hasAuthType, query.authType);
    return { result: { count: eventHandlers.unbind(query.event, query.handler, userId) } };
  },
};

function view(handler: BoundHandler) {
  return handler.url === ""
    ? { event: handler.event, connector_id: "", offline: 1 }
    : { event: handler.event, handler: handler.url, auth_type: String(handler.userId), offline: 0 };
}

/** Whose handlers an online unbind removes; undefined: everyone's (an administrator's unbind). */
function unbindUser(caller: Caller, hasAuthType: boolean, authType: number): number | undefined {
  if (hasAuthType) return authType;
  return caller.admin ? undefined : caller.userId;
}

/**
 * `options` as the server keeps it: only the keys the event allows, each cast to its type
 * (ONOFFLINEEVENT allows minTimeout, an int); anything else is dropped.
 */
function readOptions(params: Record<string, unknown>): HandlerOptions {
  // The parameter's own name in any case, like the others (array_change_key_case).
  const options = phpUpperCaseKeys(params).OPTIONS;
  if (!isPhpArray(options) || !phpIsset(options, "minTimeout")) return {};
  return { minTimeout: phpIntval(phpGet(options, "minTimeout")) };
}
