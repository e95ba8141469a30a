import { randomBytes, randomInt } from "node:crypto";
import { showValue } from "./show-value";

/** The application a portal admin registered, as the `application` option gives it. */
export interface DemoPortalApplication {
  /** The application's code, e.g. "local.6650a1b2c3d4e.12345678". */
  clientId: string;
  /** Proves the caller of the token endpoint is the application. */
  clientSecret: string;
  /** How long an access token works after it is issued, in seconds. Default 3600, as on Bitrix24. */
  accessTokenTtlSeconds?: number;
}

/**
 * Which changes share one record of the offline queue:
 * - "event" (the server's rule): the same event name and object; the record's MESSAGE_ID is
 *   md5(event name|data), so an ADD and an UPDATE of one booking are two records;
 * - "object" (what the docs describe, "the queue does not store the history of all changes but
 *   rather the current state of the object"): the same object, the record naming its latest event.
 */
export type OfflineCollapse = "event" | "object";

export const OFFLINE_COLLAPSE_RULES: readonly OfflineCollapse[] = ["event", "object"];

export interface ApplicationSettings {
  clientId: string;
  clientSecret: string;
  accessTokenTtlSeconds: number;
  /** feature.get rest_offline_extended: whether event.offline.get may reserve (clear=0). */
  offlineExtended: boolean;
  offlineCollapse: OfflineCollapse;
}

/** "The main authorization token ... Lifetime — one hour" (settings/oauth/index.md). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** What a portal gets when the options name no application: a fresh local one, as in the docs. */
export function defaultApplicationSettings(): ApplicationSettings {
  return resolveApplicationSettings(undefined, undefined, undefined);
}

/** Applies defaults and rejects a bad application with a TypeError that names the rule and the value. */
export function resolveApplicationSettings(
  application: DemoPortalApplication | undefined,
  offlineExtended: boolean | undefined,
  offlineCollapse: OfflineCollapse | undefined,
): ApplicationSettings {
  const given = application ?? { clientId: randomClientId(), clientSecret: randomClientSecret() };
  const ttl = given.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl <= 0) {
    throw new TypeError(
      `application.accessTokenTtlSeconds must be a positive integer, got ${showValue(ttl)}`,
    );
  }
  if (offlineExtended !== undefined && typeof offlineExtended !== "boolean") {
    throw new TypeError(`offlineExtended must be true or false, got ${showValue(offlineExtended)}`);
  }
  const collapse = offlineCollapse ?? "event";
  if (!OFFLINE_COLLAPSE_RULES.includes(collapse)) {
    throw new TypeError(
      `offlineCollapse must be one of ${OFFLINE_COLLAPSE_RULES.join(", ")}, got ${showValue(collapse)}`,
    );
  }
  return {
    clientId: checkCredential(given.clientId, "application.clientId", showValue),
    clientSecret: checkCredential(given.clientSecret, "application.clientSecret", describeSecret),
    accessTokenTtlSeconds: ttl,
    offlineExtended: offlineExtended ?? true,
    offlineCollapse: collapse,
  };
}

/** The shape of a local application's code: "local." + 13 hex digits + "." + 8 digits. */
function randomClientId(): string {
  const hex = randomBytes(7).toString("hex").slice(0, 13);
  const digits = String(randomInt(0, 100_000_000)).padStart(8, "0");
  return `local.${hex}.${digits}`;
}

function randomClientSecret(): string {
  return randomBytes(16).toString("hex");
}

/** Both travel in query strings and form bodies, so only plain printable text is taken. */
function checkCredential(value: unknown, name: string, show: (value: unknown) => string): string {
  if (typeof value !== "string" || !/^[\x21-\x7e]+$/.test(value)) {
    throw new TypeError(
      `${name} must be a non-empty string of printable characters without spaces, got ${show(value)}`,
    );
  }
  return value;
}

/** A secret never appears in a message, not even a malformed one: only its type and length. */
function describeSecret(value: unknown): string {
  return typeof value === "string" ? `a string of ${value.length} characters` : typeof value;
}
