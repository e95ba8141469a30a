/**
 * Parsing of the two ways to name a portal. Errors here name the rule broken but never echo the
 * value, because a webhook URL is itself a secret; `redactPortalUrl` says what of it may be shown.
 */
const WEBHOOK_PATH = /^\/rest\/(\d+)\/([^/]+)\/?$/;
const PORTAL_PATH = /^\/(rest\/?)?$/;

export interface ParsedWebhookUrl {
  /** The webhook endpoint with a trailing slash; method names are appended to it. */
  endpoint: string;
  /** The same URL with the secret masked, safe to print. */
  redacted: string;
  userId: number;
}

export function parseWebhookUrl(raw: string): ParsedWebhookUrl {
  const url = tryParseHttpUrl(raw);
  const match = url && WEBHOOK_PATH.exec(url.pathname);
  if (!url || !match) {
    throw new Error(
      "must look like https://<portal>/rest/<user id>/<webhook secret>/ (http:// is accepted for local portals)",
    );
  }
  const origin = url.origin;
  return {
    endpoint: `${origin}/rest/${match[1]}/${match[2]}/`,
    redacted: maskedWebhook(origin, match[1]!),
    userId: Number(match[1]),
  };
}

/** `https://portal` or `https://portal/rest/` → the OAuth REST endpoint `https://portal/rest/`. */
export function parsePortalUrl(raw: string): string {
  const url = tryParseHttpUrl(raw);
  if (!url || !PORTAL_PATH.test(url.pathname) || url.search) {
    throw new Error(
      "must look like https://<portal> or https://<portal>/rest/ (http:// is accepted for local portals)",
    );
  }
  return `${url.origin}/rest/`;
}

/**
 * A URL given for a portal (well-formed or not), safe to print: the webhook secret masked; where no
 * secret segment can be told apart, only the scheme and host. Userinfo, query and fragment are never
 * shown. Undefined when it is not a URL with a host at all: it may be a secret in the wrong variable.
 */
export function redactPortalUrl(raw: string): string | undefined {
  const url = URL.parse(raw.trim());
  if (!url?.hostname) return undefined;
  const base = `${url.protocol}//${url.host}`;
  const webhook = WEBHOOK_PATH.exec(url.pathname);
  if (webhook) return maskedWebhook(base, webhook[1]!);
  if (PORTAL_PATH.test(url.pathname)) return `${base}${url.pathname}`;
  return `${base}/…`;
}

/**
 * Whether a URL sends what it carries unencrypted beyond this machine: http:// to a host outside
 * loopback (127.0.0.0/8, ::1, localhost). The URL parser has already normalized forms like `127.1`.
 */
export function isCleartextRemote(raw: string): boolean {
  const url = tryParseHttpUrl(raw.trim());
  if (!url || url.protocol !== "http:") return false;
  const host = url.hostname;
  return !(host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host));
}

function maskedWebhook(base: string, userId: string): string {
  return `${base}/rest/${userId}/***/`;
}

function tryParseHttpUrl(raw: string): URL | undefined {
  const url = URL.parse(raw);
  return url?.protocol === "https:" || url?.protocol === "http:" ? url : undefined;
}
