import { Agent, request } from "undici";

export interface OAuthServerOptions {
  /** The OAuth server's base, e.g. `https://oauth.bitrix.info/oauth/`; `token/` is appended. */
  url: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

/** A new token pair: both the access and the refresh token are replaced. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, ms since the epoch, as the server gave it. */
  accessExpiresAt: number;
}

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens }
  /** The server refused: `code` is its `error` (invalid_grant, PAYMENT_REQUIRED, …). */
  | { ok: false; refused: true; code: string }
  /** No answer that says anything: the refresh token may or may not have been used. */
  | { ok: false; refused: false; code: string };

/**
 * The Bitrix24 OAuth server (oauth.bitrix.info, or the demo portal's stand-in): the only place the
 * client secret is ever sent. A refresh is `GET token/?grant_type=refresh_token&client_id=…&
 * client_secret=…&refresh_token=…`, as the docs show; it answers a new pair, or `{error}`.
 * Nothing here logs or throws a token or the secret: outcomes carry the server's error code only.
 */
export class OAuthServer {
  private readonly agent = new Agent({ connections: 4, keepAliveTimeout: 10_000 });
  private readonly tokenUrl: URL;

  constructor(private readonly options: OAuthServerOptions) {
    this.tokenUrl = new URL("token/", options.url.endsWith("/") ? options.url : `${options.url}/`);
  }

  async refresh(refreshToken: string, now: number): Promise<RefreshOutcome> {
    const url = new URL(this.tokenUrl);
    url.searchParams.set("grant_type", "refresh_token");
    url.searchParams.set("client_id", this.options.clientId);
    url.searchParams.set("client_secret", this.options.clientSecret);
    url.searchParams.set("refresh_token", refreshToken);
    let status: number;
    let body: unknown;
    try {
      const response = await request(url, {
        method: "GET",
        dispatcher: this.agent,
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.statusCode;
      body = await response.body.json().catch(() => undefined);
    } catch {
      return { ok: false, refused: false, code: "NETWORK_ERROR" };
    }
    return readAnswer(status, body, now);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function readAnswer(status: number, body: unknown, now: number): RefreshOutcome {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof fields.error === "string" && fields.error !== "") {
    // A 5xx with an error code is the server failing, not refusing this token.
    return { ok: false, refused: status < 500, code: fields.error };
  }
  const { access_token: access, refresh_token: refresh } = fields;
  if (status !== 200 || typeof access !== "string" || typeof refresh !== "string") {
    return { ok: false, refused: false, code: `HTTP_${status}` };
  }
  const expires = Number(fields.expires);
  const expiresIn = Number(fields.expires_in);
  const accessExpiresAt = Math.floor(
    Number.isFinite(expires)
      ? expires * 1000
      : now + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
  );
  return { ok: true, tokens: { accessToken: access, refreshToken: refresh, accessExpiresAt } };
}
