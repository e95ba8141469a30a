import { createHash, timingSafeEqual } from "node:crypto";

/**
 * What Bitrix24 handed the gateway when the application was installed on a portal, kept up to date
 * as the tokens are refreshed. It holds three secrets (applicationToken, accessToken, refreshToken):
 * nothing derived from it may put them in an error, a log line or a metric.
 */
export interface Installation {
  /** The portal's id (Bitrix24's `member_id`). */
  memberId: string;
  /** The portal's host, e.g. "portal.bitrix24.com". */
  domain: string;
  /** The portal's REST endpoint, e.g. "https://portal.bitrix24.com/rest/" (with the trailing slash). */
  clientEndpoint: string;
  /** The OAuth server's REST endpoint, as given at install. */
  serverEndpoint: string;
  /** Proves that an incoming event comes from this installation. */
  applicationToken: string;
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, ms since epoch (informational: the gateway refreshes only on expired_token). */
  accessExpiresAt: number;
  /** "valid", or why the installation cannot be used until it is installed again / paid. */
  state: InstallationState;
  /** ms since epoch. */
  installedAt: number;
  /** ms since epoch. */
  updatedAt: number;
}

export const INSTALLATION_STATES = ["valid", "payment_required", "refresh_refused"] as const;
export type InstallationState = (typeof INSTALLATION_STATES)[number];

/** The outcome of checking a value loaded from a store. */
export type InstallationCheck =
  { ok: true; installation: Installation } | { ok: false; problem: string };

const TEXT_FIELDS = [
  "memberId",
  "domain",
  "applicationToken",
  "accessToken",
  "refreshToken",
] as const satisfies readonly (keyof Installation)[];
const ENDPOINT_FIELDS = [
  "clientEndpoint",
  "serverEndpoint",
] as const satisfies readonly (keyof Installation)[];
const TIME_FIELDS = [
  "accessExpiresAt",
  "installedAt",
  "updatedAt",
] as const satisfies readonly (keyof Installation)[];

/**
 * Checks that `value` (parsed from a file or a row) is an installation, and returns a copy holding
 * only the known fields. A problem names the field and the type received, never the value: a field
 * may be a token.
 */
export function checkInstallation(value: unknown): InstallationCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: `an installation must be an object, got ${typeOf(value)}` };
  }
  const fields = value as Record<string, unknown>;
  for (const name of [...TEXT_FIELDS, ...ENDPOINT_FIELDS]) {
    if (typeof fields[name] !== "string" || fields[name] === "") {
      return {
        ok: false,
        problem: `${name} must be a non-empty string, got ${typeOf(fields[name])}`,
      };
    }
  }
  for (const name of ENDPOINT_FIELDS) {
    // The gateway sends the tokens to these endpoints, so anything but an http(s) URL is refused.
    if (!isHttpUrl(fields[name] as string)) {
      return { ok: false, problem: `${name} must be an http(s) URL` };
    }
  }
  if (!(fields.clientEndpoint as string).endsWith("/")) {
    return { ok: false, problem: "clientEndpoint must end with a slash" };
  }
  for (const name of TIME_FIELDS) {
    const time = fields[name];
    if (typeof time !== "number" || !Number.isSafeInteger(time) || time < 0) {
      return { ok: false, problem: `${name} must be ms since epoch, got ${typeOf(time)}` };
    }
  }
  if (!(INSTALLATION_STATES as readonly unknown[]).includes(fields.state)) {
    return { ok: false, problem: `state must be one of ${INSTALLATION_STATES.join(", ")}` };
  }
  const installation = Object.fromEntries(
    [...TEXT_FIELDS, ...ENDPOINT_FIELDS, ...TIME_FIELDS, "state"].map((name) => [
      name,
      fields[name],
    ]),
  ) as unknown as Installation;
  return { ok: true, installation };
}

/**
 * True when `candidate` is the installation's application token. The time taken does not depend on
 * where the two differ, nor on their lengths (both are hashed first), so a caller cannot guess the
 * token byte by byte from response times.
 */
export function hasApplicationToken(installation: Installation, candidate: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(installation.applicationToken), digest(candidate));
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/** The kind of a value, for a message that must not show the value itself. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string" && value === "") return "an empty string";
  return typeof value;
}
