/**
 * Where the gateway's Redis is, as REDIS_URL names it: one server, a master found through Sentinel,
 * or a Cluster. The `redis://` form is the one every client reads; the other two follow the
 * `redis-sentinel://` and `redis-cluster://` forms some clients read, since neither has a standard:
 *
 * - `redis[s]://[[user]:password@]host[:port][/db]`: one server (ioredis reads it as it is);
 * - `redis[s]-sentinel://[[user]:password@]host[:port][,host[:port]…]/<master name>[/db]
 *   [?sentinelUsername=…&sentinelPassword=…]`: the sentinels (port 26379 by default) and the name
 *   of the master they watch; the user and password are the master's, the parameters the sentinels';
 * - `redis[s]-cluster://[[user]:password@]host[:port][,host[:port]…]`: seed nodes of a Cluster
 *   (port 6379 by default); the others are found from them.
 *
 * `rediss` asks for TLS, to every node and sentinel.
 */
export type RedisTarget = StandaloneTarget | SentinelTarget | ClusterTarget;

export interface StandaloneTarget {
  readonly topology: "standalone";
  readonly url: string;
}

export interface SentinelTarget extends Credentials {
  readonly topology: "sentinel";
  readonly sentinels: readonly HostPort[];
  readonly masterName: string;
  readonly db: number;
  readonly tls: boolean;
  readonly sentinelUsername?: string;
  readonly sentinelPassword?: string;
}

export interface ClusterTarget extends Credentials {
  readonly topology: "cluster";
  readonly nodes: readonly HostPort[];
  readonly tls: boolean;
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

interface Credentials {
  readonly username?: string;
  readonly password?: string;
}

/** The rule a REDIS_URL must follow, as configuration errors state it. */
export const REDIS_URL_RULE =
  "must be redis://host:port or rediss:// (one server), redis-sentinel://host:26379,host:26379/<master name> (Sentinel) or redis-cluster://host:6379,host:6379 (Cluster; rediss-sentinel:// and rediss-cluster:// with TLS)";

const DEFAULT_PORT = { sentinel: 26379, cluster: 6379 } as const;

/** What each form takes after `?`; a parameter outside these is a mistake, not ignored. */
const PARAMETERS = { sentinel: ["sentinelUsername", "sentinelPassword"], cluster: [] } as const;

/** The URL's parts, before they are checked: `scheme://[userinfo@]hosts[/path][?query][#…]`. */
const SHAPE =
  /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/i;

/** Reads REDIS_URL; throws an Error whose message states the rule the value breaks. */
export function parseRedisUrl(value: string): RedisTarget {
  try {
    return parse(value);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
    throw new Error(
      "a user name, password or master name must be percent-encoded (%40 for @, %3A for :, %2F for /)",
    );
  }
}

function parse(value: string): RedisTarget {
  const shape = SHAPE.exec(value.trim());
  const scheme = shape?.[1]?.toLowerCase();
  if (!shape || !scheme) throw new Error(REDIS_URL_RULE);
  if (scheme === "redis" || scheme === "rediss") return standalone(value.trim(), shape[3]!);
  const form = /^(rediss?)-(sentinel|cluster)$/.exec(scheme);
  if (!form) throw new Error(REDIS_URL_RULE);
  const topology = form[2] as "sentinel" | "cluster";
  const [, , userinfo, hosts, path = "", query = ""] = shape;
  const common = {
    tls: form[1] === "rediss",
    ...credentials(userinfo),
  };
  const addresses = hostList(hosts!, topology);
  const parameters = queryParameters(query, topology);
  if (topology === "cluster") {
    if (path !== "" && path !== "/") {
      throw new Error(
        `a ${scheme}:// URL lists seed nodes only: a Cluster has one database and no master name (got the path "${path}")`,
      );
    }
    return { topology, nodes: addresses, ...common };
  }
  const [masterName, db, ...rest] = path.split("/").slice(1).map(decodeURIComponent);
  if (!masterName || rest.length > 0) {
    throw new Error(
      `a ${scheme}:// URL names the master after the sentinels: ${scheme}://host1:26379,host2:26379/mymaster (optionally /mymaster/<db>)`,
    );
  }
  if (db !== undefined && !/^\d{1,4}$/.test(db)) {
    throw new Error(`the database after the master name must be a number, got "${db}"`);
  }
  return {
    topology,
    sentinels: addresses,
    masterName,
    db: Number(db ?? 0),
    ...common,
    ...(parameters.sentinelUsername && { sentinelUsername: parameters.sentinelUsername }),
    ...(parameters.sentinelPassword && { sentinelPassword: parameters.sentinelPassword }),
  };
}

/** Every password a REDIS_URL holds, decoded: the values the logger scrubs. */
export function redisUrlSecrets(value: string): string[] {
  let target: RedisTarget;
  try {
    target = parseRedisUrl(value);
  } catch {
    return [];
  }
  if (target.topology === "standalone") {
    const password = new URL(target.url).password;
    return password ? [decodeURIComponent(password)] : [];
  }
  const secrets = [target.password];
  if (target.topology === "sentinel") secrets.push(target.sentinelPassword);
  return secrets.filter((secret): secret is string => Boolean(secret));
}

/**
 * A URL listing several hosts (Sentinel, Cluster), which no URL parser reads, as an error may show
 * it: the password masked, and the user name too when it stands alone (`redis://secret@host` is a
 * password to most readers), and any parameter that may carry one; no fragment. Undefined when the
 * value does not have the shape of a URL at all.
 */
export function redactRedisHostList(value: string): string | undefined {
  const shape = SHAPE.exec(value.trim());
  if (!shape || !shape[3]) return undefined;
  const [, scheme, userinfo, hosts, path = "", query] = shape;
  const parameters = query === undefined ? "" : `?${maskedParameters(query)}`;
  return `${scheme}://${userinfo === undefined ? "" : `${maskedUserinfo(userinfo)}@`}${hosts}${path}${parameters}`;
}

function standalone(url: string, hosts: string): StandaloneTarget {
  if (hosts.includes(",")) {
    throw new Error(
      "a redis:// URL names one server; list several as redis-sentinel://…/<master name> (Sentinel) or redis-cluster:// (Cluster)",
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(REDIS_URL_RULE);
  }
  if (!parsed.hostname) throw new Error(`${REDIS_URL_RULE}: the host is missing`);
  return { topology: "standalone", url };
}

function credentials(userinfo: string | undefined): Credentials {
  if (!userinfo) return {};
  const colon = userinfo.indexOf(":");
  const username = decodeURIComponent(colon === -1 ? userinfo : userinfo.slice(0, colon));
  const password = colon === -1 ? "" : decodeURIComponent(userinfo.slice(colon + 1));
  return { ...(username && { username }), ...(password && { password }) };
}

function hostList(hosts: string, topology: "sentinel" | "cluster"): HostPort[] {
  const listed = hosts.split(",").map((entry) => entry.trim());
  return listed.map((entry) => {
    const address = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::(\d{1,5}))?$/i.exec(entry);
    const port = Number(address?.[2] ?? DEFAULT_PORT[topology]);
    if (!address || port < 1 || port > 65_535) {
      throw new Error(
        `each ${topology === "sentinel" ? "sentinel" : "seed node"} must be host or host:port, comma-separated, got "${entry}"`,
      );
    }
    return { host: address[1]!.replace(/^\[(.*)\]$/, "$1"), port };
  });
}

function queryParameters(
  query: string,
  topology: "sentinel" | "cluster",
): Partial<Record<"sentinelUsername" | "sentinelPassword", string>> {
  const accepted: readonly string[] = PARAMETERS[topology];
  const found: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    if (!accepted.includes(name)) {
      throw new Error(
        accepted.length === 0
          ? `a redis-cluster:// URL takes no parameters, got "${name}"`
          : `a redis-sentinel:// URL takes only ${accepted.join(" and ")}, got "${name}"`,
      );
    }
    found[name] = value;
  }
  return found;
}

function maskedUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(":");
  if (colon === -1) return userinfo === "" ? "" : "***";
  return `${userinfo.slice(0, colon)}:***`;
}

function maskedParameters(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const name = pair.split("=")[0]!;
      return /pass|secret|token|key/i.test(name) ? `${name}=***` : pair;
    })
    .join("&");
}
