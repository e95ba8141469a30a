import type { BitrixSuccess } from "./envelope";
import { BitrixError } from "./errors";
import type { BitrixParams, CallOptions, HttpClient } from "./http-client";
import type { ApplicationIdentity, OAuthIdentity, UpstreamIdentity } from "./identity";

/** What the portal answers (401) to an access token past its hour, or replaced by a refresh. */
export const EXPIRED_TOKEN = "expired_token";

/** Renewals one call may go through; see `call`. */
const MAX_RENEWALS = 2;

/**
 * The HTTP client as the sender sees it, with an installed application's token put in. For an
 * application identity each request goes with the token in force; when the portal answers
 * `expired_token`, the token is renewed (one refresh for every caller that met it, see
 * ApplicationTokens.renew) and the request is sent again. Bitrix24's docs ask for exactly this:
 * refresh on `expired_token` only, never "just in case". Other identities pass straight through.
 *
 * A request refused with `expired_token` never ran, so sending it again cannot run anything twice;
 * a batch is refused whole, before any of its commands.
 */
export class SessionClient implements Pick<HttpClient, "call"> {
  /** One OAuth identity per token, so that what is derived from it is computed once per token. */
  private readonly asOAuth = new WeakMap<ApplicationIdentity, OAuthIdentity>();

  constructor(private readonly client: Pick<HttpClient, "call">) {}

  async call<T = unknown>(
    identity: UpstreamIdentity,
    method: string,
    params: BitrixParams,
    options: CallOptions = {},
  ): Promise<BitrixSuccess<T>> {
    if (identity.kind !== "application") return this.client.call(identity, method, params, options);
    let token = await identity.tokens.current();
    // Twice at most: a replica that slept through a refresh adopts the token another replica
    // stored, which may itself have expired since; the second renewal then refreshes it.
    for (let renewals = 0; ; renewals += 1) {
      try {
        return await this.client.call(this.oauthOf(identity, token), method, params, options);
      } catch (error) {
        const expired = error instanceof BitrixError && error.code === EXPIRED_TOKEN;
        if (!expired && error instanceof BitrixError && error.status === 401) {
          await identity.tokens.refused(token);
        }
        if (!expired || renewals === MAX_RENEWALS) throw error;
        token = await identity.tokens.renew(token);
      }
    }
  }

  private oauthOf(identity: ApplicationIdentity, accessToken: string): OAuthIdentity {
    const known = this.asOAuth.get(identity);
    if (known?.accessToken === accessToken) return known;
    const oauth: OAuthIdentity = { kind: "oauth", endpoint: identity.endpoint, accessToken };
    this.asOAuth.set(identity, oauth);
    return oauth;
  }
}
