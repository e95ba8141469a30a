import { createHash } from "node:crypto";

/**
 * Where the shared state of one portal lives in Redis: every key and channel carries the key prefix
 * and a digest of the portal's origin (never a secret), so that two deployments sharing one Redis,
 * even with the default prefix, never read each other's cache or hear each other's changes.
 *
 * The digest is a Redis Cluster hash tag (`{…}`): the slot of a key is computed from the tag alone,
 * so every key and the channel of one portal live on one shard. A Lua script or transaction touching
 * several of them (a cache read with its epoch and generations, an invalidation) is then allowed on a
 * Cluster, which refuses commands whose keys span slots; and one node's failover is one outage of
 * the whole portal's state, never of a part of it. On one server or Sentinel the braces are only
 * characters.
 */
export function portalKeys(keyPrefix: string, origin: string, cacheFormat: number): PortalKeys {
  const tag = portalTag(origin);
  return {
    cacheBase: `${keyPrefix}cache:v${cacheFormat}:${tag}:`,
    changesChannel: `${keyPrefix}changes:${tag}`,
    drainLease: `${keyPrefix}offline:${tag}:lease`,
    probe: `${keyPrefix}probe:${tag}`,
  };
}

/** The portal's rate-limit bucket (the transport models one per portal origin). */
export function rateLimitKey(keyPrefix: string, origin: string): string {
  return `${keyPrefix}bucket:${portalTag(origin)}`;
}

function portalTag(origin: string): string {
  return `{${createHash("sha256").update(origin).digest("hex").slice(0, 12)}}`;
}

export interface PortalKeys {
  /** Cache entries, generations and the epoch: `{prefix}cache:v{format}:{portal}:`. */
  cacheBase: string;
  /** The change bus: `{prefix}changes:{portal}`. */
  changesChannel: string;
  /** Who drains the offline event queue (application mode): `{prefix}offline:{portal}:lease`. */
  drainLease: string;
  /**
   * Never written: while Redis is away, the connection counts as back once the node holding this
   * key (and so every key above) answers for it.
   */
  probe: string;
}
