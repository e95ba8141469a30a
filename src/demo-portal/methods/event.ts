import { isBookingEventName } from "../booking-events";
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
 * The demo portal has no administrators, so every OAuth user gets what the docs give a regular
 * user: a handler is always bound on the caller's own behalf (auth_type is the caller's id),
 * another user's auth_type or an offline event is 403 ACCESS_DENIED, and event.get and
 * event.unbind see only the caller's own handlers. Only the twelve booking events can be bound.
 */
export const eventMethods: MethodGroup = {
  /** Answers `true`; the same event, URL and user twice is ERROR_CORE. */
  "event.bind": ({ params, caller, eventHandlers }) => {
    requireApplication(caller);
    const query = readEventQuery(params);
    if (query.authType > 0 && query.authType !== caller.userId) {
      throw accessDenied("Event binding with AUTH_TYPE requires administrator access rights");
    }
    if (query.event === "") throw argumentNullOrEmpty("EVENT");
    if (readEventType(query.eventType) === "offline") {
      throw accessDenied("Offline events binding requires administrator access rights");
    }
    if (query.handler === "") throw argumentNullOrEmpty("HANDLER");
    checkHandlerUrl(query.handler);
    if (!isBookingEventName(query.event)) {
      throw new PortalError("ERROR_EVENT_NOT_FOUND", "Event not found");
    }
    if (!eventHandlers.bind(query.event, query.handler, caller.userId)) {
      throw new PortalError("ERROR_CORE", "Unable to set event handler: Handler already binded");
    }
    return { result: true };
  },

  /** A plain list by handler id; auth_type is the stored user id, a string as the database gives it. */
  "event.get": ({ caller, eventHandlers }) => {
    requireApplication(caller);
    const handlers = eventHandlers.boundBy(caller.userId).map((handler) => ({
      event: handler.event,
      handler: handler.url,
      auth_type: String(handler.userId),
      offline: 0,
    }));
    return { result: handlers };
  },

  /**
   * Answers `{count}`, 0 when nothing matched. The server compares a given auth_type to the
   * caller's id with `!==`, which refuses the string "3" from a form body even for user 3; here
   * the numbers are compared, as the docs describe it ("Only online event handlers registered for
   * the current user can be deleted").
   */
  "event.unbind": ({ params, caller, eventHandlers }) => {
    requireApplication(caller);
    const query = readEventQuery(params);
    if (query.event === "") throw argumentNullOrEmpty("EVENT");
    if (readEventType(query.eventType) === "offline") {
      throw accessDenied("Offline events unbinding requires administrator access rights");
    }
    if (query.handler === "") throw argumentNullOrEmpty("HANDLER");
    if (query.hasAuthType && query.authType !== caller.userId) {
      throw accessDenied("Event unbinding with AUTH_TYPE requires administrator access rights");
    }
    return { result: { count: eventHandlers.unbind(query.event, query.handler, caller.userId) } };
  },
};
