/**
 * Parsing of the two ways to name a portal. Errors here name the rule broken but never echo the
 * value, because a webhook URL is itself a secret.
 */
const WEBHOOK_PATH = /^\/rest\/(\d+)\/([^/]+)\/?$/;

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
    redacted: `${origin}/rest/${match[1]}/***/`,
    userId: Number(match[1]),
  };
}

/** `https://portal` or `https://portal/rest/` → the OAuth REST endpoint `https://portal/rest/`. */
export function parsePortalUrl(raw: string): string {
  const url = tryParseHttpUrl(raw);
  if (!url || !/^\/(rest\/?)?$/.test(url.pathname) || url.search) {
    throw new Error(
      "must look like https://<portal> or https://<portal>/rest/ (http:// is accepted for local portals)",
    );
  }
  return `${url.origin}/rest/`;
}

function tryParseHttpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}
