import { createHash } from "node:crypto";

/**
 * Where the shared state of one portal lives in Redis: every key and channel carries the key prefix
 * and a digest of the portal's origin (never a secret), so that two deployments sharing one Redis,
 * even with the default prefix, never read each other's cache or hear each other's changes.
 */
export function portalKeys(keyPrefix: string, origin: string, cacheFormat: number): PortalKeys {
  const portal = createHash("sha256").update(origin).digest("hex").slice(0, 12);
  return {
    cacheBase: `${keyPrefix}cache:v${cacheFormat}:${portal}:`,
    changesChannel: `${keyPrefix}changes:${portal}`,
    drainLease: `${keyPrefix}offline:${portal}:lease`,
  };
}

export interface PortalKeys {
  /** Cache entries, generations and the epoch: `{prefix}cache:v{format}:{portal}:`. */
  cacheBase: string;
  /** The change bus: `{prefix}changes:{portal}`. */
  changesChannel: string;
  /** Who drains the offline event queue (application mode): `{prefix}offline:{portal}:lease`. */
  drainLease: string;
}
