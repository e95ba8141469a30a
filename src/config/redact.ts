import { redactPortalUrl } from "../bitrix/portal-url";
import { redactRedisHostList } from "../redis/redis-url";
import { SETTINGS, type SettingName } from "./settings";

/**
 * A setting's value as a configuration error may show it: quoted, with only its secret part replaced
 * by `***`. A secret with no part that can be told apart from the secret is `***` entirely, and a
 * URL-shaped one that is not a URL is `(not a URL)`: it may be a secret pasted in the wrong variable.
 */
export function redactedSetting(name: string, value: string | undefined): string {
  if (value === undefined) return "(unset)";
  const redact = URL_REDACTIONS[name as SettingName];
  if (redact) {
    const shown = redact(value);
    return shown === undefined ? "(not a URL)" : JSON.stringify(shown);
  }
  return SETTINGS[name as SettingName]?.secret ? "***" : JSON.stringify(value);
}

/** The URLs whose secret part is known; each returns undefined for a value that is not a URL. */
const URL_REDACTIONS: Partial<Record<SettingName, (value: string) => string | undefined>> = {
  BITRIX24_WEBHOOK_URL: redactPortalUrl,
  // Not secret when well-formed, but a webhook URL pasted here carries one.
  BITRIX24_PORTAL_URL: redactPortalUrl,
  // One server is a URL; Sentinel and Cluster list several hosts, which no URL parser reads.
  REDIS_URL: (value) => withoutCredentials(value) ?? redactRedisHostList(value),
  DATABASE_URL: withoutCredentials,
};

/**
 * A server URL with its password masked, and its user name too when it stands alone (a Redis URL's
 * `redis://secret@host` is a password); parameters that may carry one (libpq's `?password=`) too.
 */
function withoutCredentials(value: string): string | undefined {
  const url = URL.parse(value.trim());
  if (!url?.hostname) return undefined;
  if (url.password) url.password = "***";
  else if (url.username) url.username = "***";
  for (const key of [...url.searchParams.keys()]) {
    if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, "***");
  }
  url.hash = "";
  // The URL serializer leaves `*` as it is, in the user info and in parameters alike.
  return url.href;
}
