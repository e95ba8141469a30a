import {
  parseRedisUrl,
  redactRedisHostList,
  redisUrlSecrets,
  REDIS_URL_RULE,
} from "../../src/redis/redis-url";

describe("REDIS_URL", () => {
  it("names one server with redis:// or rediss://, read as it is", () => {
    for (const url of ["redis://127.0.0.1:6379", "rediss://:secret@redis.example:6380/2"]) {
      expect(parseRedisUrl(url)).toEqual({ topology: "standalone", url });
    }
  });

  it("names the sentinels and the master they watch, with the master's credentials and the sentinels' in parameters", () => {
    expect(
      parseRedisUrl(
        "redis-sentinel://gw:p%40ss@s1.example:26380,s2.example,[::1]:26381/mymaster/3?sentinelUsername=watcher&sentinelPassword=sentinel-secret",
      ),
    ).toEqual({
      topology: "sentinel",
      sentinels: [
        { host: "s1.example", port: 26380 },
        { host: "s2.example", port: 26379 },
        { host: "::1", port: 26381 },
      ],
      masterName: "mymaster",
      db: 3,
      tls: false,
      username: "gw",
      password: "p@ss",
      sentinelUsername: "watcher",
      sentinelPassword: "sentinel-secret",
    });
    expect(parseRedisUrl("rediss-sentinel://s1:26379/mymaster")).toMatchObject({
      topology: "sentinel",
      db: 0,
      tls: true,
    });
  });

  it("names a Cluster by its seed nodes", () => {
    expect(parseRedisUrl("rediss-cluster://:cluster-secret@n1.example:7000,n2.example")).toEqual({
      topology: "cluster",
      nodes: [
        { host: "n1.example", port: 7000 },
        { host: "n2.example", port: 6379 },
      ],
      tls: true,
      password: "cluster-secret",
    });
  });

  it("refuses what breaks a rule, saying which", () => {
    const cases: Array<[string, RegExp]> = [
      ["http://redis.example:6379", /^must be redis:\/\/host:port/],
      ["redis+sentinel://s1:26379/mymaster", /^must be redis:\/\/host:port/],
      ["redis://h1:6379,h2:6379", /names one server; list several as redis-sentinel/],
      ["redis-sentinel://s1:26379,s2:26379", /names the master after the sentinels/],
      ["redis-sentinel://s1:26379#mymaster", /names the master after the sentinels/],
      [
        "redis-sentinel://s1:26379/mymaster/first",
        /database after the master name must be a number/,
      ],
      [
        "redis-sentinel://s1:26379/mymaster?password=x",
        /takes only sentinelUsername and sentinelPassword, got "password"/,
      ],
      ["redis-cluster://n1:7000/0", /a Cluster has one database and no master name/],
      ["redis-cluster://n1:7000?tls=1", /takes no parameters, got "tls"/],
      [
        "redis-cluster://n1:7000,,n2:7001",
        /each seed node must be host or host:port, comma-separated, got ""/,
      ],
      ["redis-cluster://n1:70000", /got "n1:70000"/],
    ];
    cases.push(["redis-cluster://:100%@n1:7000", /must be percent-encoded \(%40 for @/]);
    for (const [url, rule] of cases) expect(() => parseRedisUrl(url)).toThrow(rule);
    expect(REDIS_URL_RULE).toMatch(/redis-sentinel:\/\/.*redis-cluster:\/\//);
  });

  it("masks every password of a host list, and keeps the rest to be read", () => {
    expect(
      redactRedisHostList(
        "redis-sentinel://gw:master-secret@s1:26379,s2:26379/mymaster?sentinelUsername=w&sentinelPassword=sentinel-secret#frag",
      ),
    ).toBe(
      "redis-sentinel://gw:***@s1:26379,s2:26379/mymaster?sentinelUsername=w&sentinelPassword=***",
    );
    expect(redactRedisHostList("redis-cluster://lone-secret@n1:7000,n2:7001")).toBe(
      "redis-cluster://***@n1:7000,n2:7001",
    );
    expect(redactRedisHostList("not a url")).toBeUndefined();
  });

  it("hands the logger every password to scrub, and nothing else", () => {
    expect(
      redisUrlSecrets(
        "redis-sentinel://gw:master-secret@s1,s2/mymaster?sentinelPassword=sentinel%20secret",
      ),
    ).toEqual(["master-secret", "sentinel secret"]);
    expect(redisUrlSecrets("redis-cluster://:cluster%2Fsecret@n1,n2")).toEqual(["cluster/secret"]);
    expect(redisUrlSecrets("redis://gw:server-secret@redis:6379")).toEqual(["server-secret"]);
    expect(redisUrlSecrets("redis://just-a-user@redis:6379")).toEqual([]);
  });
});
