import { type Caller } from "../auth";
import { phpGet, phpIntval, phpIsset, phpToString, phpUpperCaseKeys } from "../php-array";
import { type RequestParams } from "../params";
import { PortalError } from "../portal-error";

/**
 * The parameters of event.bind and event.unbind as the server reads them: names in any case
 * (array_change_key_case), the event upper-cased, event_type lower-cased, auth_type through
 * intval(). Errors are those of the docs' event.bind table (bitrix24/b24restdocs
 * api-reference/events/event-bind.md, "Possible Error Codes"; the local excerpt lists only three).
 */
export interface EventQuery {
  event: string;
  handler: string;
  /** "" when not given; checked by readEventType at the point the server checks it. */
  eventType: string;
  /** 0 when not given. */
  authType: number;
  /** Whether auth_type was given at all (event.unbind filters by it only then). */
  hasAuthType: boolean;
}

export function readEventQuery(params: RequestParams): EventQuery {
  const query = phpUpperCaseKeys(params);
  return {
    event: phpToString(phpGet(query, "EVENT")).toUpperCase(),
    handler: phpToString(phpGet(query, "HANDLER")),
    eventType: phpToString(phpGet(query, "EVENT_TYPE")).toLowerCase(),
    authType: phpIntval(phpGet(query, "AUTH_TYPE")),
    hasAuthType: phpIsset(query, "AUTH_TYPE"),
  };
}

/** "" means online, the default. */
export function readEventType(eventType: string): "online" | "offline" {
  if (eventType === "") return "online";
  if (eventType === "online" || eventType === "offline") return eventType;
  throw new PortalError("ERROR_ARGUMENT", "Value must be one of {online|offline}");
}

/**
 * "The method works only within the context of application authorization" (event-bind.md,
 * event-get.md, event-unbind.md): an incoming webhook gets 403 WRONG_AUTH_TYPE, the
 * AuthTypeException every event.* action throws first.
 */
export function requireApplication(caller: Caller): void {
  if (caller.via !== "oauth") {
    throw new PortalError(
      "WRONG_AUTH_TYPE",
      "Current authorization type is denied for this method",
      403,
    );
  }
}

/** HandlerHelper::checkCallback: a host with a dot after its first character, then http(s). */
export function checkHandlerUrl(url: string): void {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || parsed.hostname.indexOf(".") <= 0) {
    throw new PortalError("ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new PortalError("ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
  }
}

export function argumentNullOrEmpty(name: string): PortalError {
  return new PortalError("ERROR_ARGUMENT", `Argument '${name}' is null or empty`);
}

/** What a regular user gets for what only an administrator may do (AccessException). */
export function accessDenied(reason?: string): PortalError {
  const message = reason === undefined ? "Access denied!" : `Access denied! ${reason}`;
  return new PortalError("ACCESS_DENIED", message, 403);
}

/**
 * The offline queue is the administrator's: event.offline.* check the authorization type first
 * (a webhook gets WRONG_AUTH_TYPE), then CRestUtil::isAdmin() (a regular user's token gets
 * ACCESS_DENIED "Access denied!").
 */
export function requireAdministrator(caller: Caller): void {
  requireApplication(caller);
  if (!caller.admin) throw accessDenied();
}
