import { createHash } from "node:crypto";

/**
 * Who the gateway calls the portal as. A webhook URL embeds its secret in the path; an OAuth identity
 * is a portal REST endpoint plus the calling user's access token; an application identity is the
 * gateway installed as a Bitrix24 application, whose token changes at each refresh. All are
 * credentials: use `identityKey` wherever an identity must be named (grouping, logs, metrics).
 */
export type UpstreamIdentity = WebhookIdentity | OAuthIdentity | ApplicationIdentity;

export interface WebhookIdentity {
  readonly kind: "webhook";
  /** `https://portal/rest/<user>/<secret>/`, always with a trailing slash. */
  readonly endpoint: string;
}

export interface OAuthIdentity {
  readonly kind: "oauth";
  /** `https://portal/rest/`, always with a trailing slash. */
  readonly endpoint: string;
  readonly accessToken: string;
}

/**
 * The gateway as an installed application: one identity for the process, whose access token is
 * asked for at each request (see SessionClient), so that a refresh on any replica is picked up.
 */
export interface ApplicationIdentity {
  readonly kind: "application";
  /** The installation's `client_endpoint`, `https://portal/rest/`, with a trailing slash. */
  readonly endpoint: string;
  readonly tokens: ApplicationTokens;
}

/** Where an application identity's access token comes from, and how a stale one is replaced. */
export interface ApplicationTokens {
  /** The access token to send now; rejects with a BitrixError when there is no usable installation. */
  current(): Promise<string>;
  /**
   * The portal answered `expired_token` to `expired`: resolves with the token to retry with, after
   * one refresh shared by every caller (and serialized across replicas), or rejects when none can be
   * had (not installed, payment required, refresh refused).
   */
  renew(expired: string): Promise<string>;
  /**
   * The portal refused `token` outright (401 other than expired_token): the application may have
   * been uninstalled, or installed again, through another replica. Resolves once the installation
   * is read again; the refused call fails as it is.
   */
  refused(token: string): Promise<void>;
}

/**
 * Names derived from an identity, computed once per identity object: every upstream call asks for
 * them, and hashing per call would put a SHA-256 on the hot path.
 */
const derived = new WeakMap<UpstreamIdentity, DerivedNames>();

interface DerivedNames {
  key: string;
  origin: string;
  /** The endpoint's path, to which a method name is appended. */
  path: string;
  secrets: string[];
}

function derivedOf(identity: UpstreamIdentity): DerivedNames {
  let names = derived.get(identity);
  if (!names) {
    // An application's token changes at each refresh; its queue and limits stay the same.
    const material =
      identity.kind === "oauth"
        ? `${identity.endpoint}\n${identity.accessToken}`
        : identity.endpoint;
    const hash = createHash("sha256").update(material).digest("hex").slice(0, 16);
    const url = new URL(identity.endpoint);
    names = {
      key: `${identity.kind}:${hash}`,
      origin: url.origin,
      path: url.pathname,
      secrets: secretsOf(identity, url.pathname),
    };
    derived.set(identity, names);
  }
  return names;
}

/** A stable, secret-free name for an identity: equal identities give equal keys. */
export function identityKey(identity: UpstreamIdentity): string {
  return derivedOf(identity).key;
}

/** The portal's origin (`https://portal`): the unit of its rate limit and of the circuit breaker. */
export function portalOrigin(identity: UpstreamIdentity): string {
  return derivedOf(identity).origin;
}

/** The endpoint's path (`/rest/1/<secret>/`), parsed once per identity rather than per call. */
export function endpointPath(identity: UpstreamIdentity): string {
  return derivedOf(identity).path;
}

/** The strings that must never leave the process for this identity. */
export function identitySecrets(identity: UpstreamIdentity): string[] {
  return derivedOf(identity).secrets;
}

function secretsOf(identity: UpstreamIdentity, path: string): string[] {
  if (identity.kind === "oauth") return [identity.accessToken];
  // Its tokens are scrubbed by the OAuth identity each call is sent as (see SessionClient).
  if (identity.kind === "application") return [];
  const secret = path.split("/").filter(Boolean)[2];
  return secret ? [secret, identity.endpoint] : [identity.endpoint];
}
