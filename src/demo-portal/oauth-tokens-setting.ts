/**
 * DEMO_PORTAL_OAUTH_TOKENS of the standalone portal: per-user OAuth access tokens, as
 * `<token>:<user id>` pairs separated by commas, so that the gateway's OAuth mode can be tried
 * against it without writing code (`Authorization: Bearer <token>`). Undefined when unset.
 */
export function oauthTokensFromEnvironment(
  raw: string | undefined,
): Record<string, number> | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const tokens: Record<string, number> = {};
  for (const pair of raw.split(",")) {
    const match = /^\s*([A-Za-z0-9_.-]{8,}):(\d{1,9})\s*$/.exec(pair);
    if (!match || Number(match[2]) < 1) {
      // The pair is not echoed: it holds a token.
      throw new Error(
        'DEMO_PORTAL_OAUTH_TOKENS must be comma-separated "<token>:<user id>" pairs, each token 8+ letters, digits, ".", "_" or "-" and each user id a positive integer',
      );
    }
    tokens[match[1]!] = Number(match[2]);
  }
  return tokens;
}
