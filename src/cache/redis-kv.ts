import type { RedisConnection } from "../redis/redis-connection";
import type { CacheKv, TaggedRead } from "./cache-kv";

/**
 * Names the server running the script: its `run_id`, which a restart changes and which differs
 * between a master and the replica that takes over from it. Asked inside each script rather than
 * once per connection: on a Cluster the script runs on the node that holds its keys, which a
 * failover changes while the client carries on without a reconnect.
 */
const SERVER_ID = `
local server = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')
if not server then return redis.error_reply('INFO server named no run_id') end`;

/**
 * KEYS: entry, epoch, gens…; ARGV: fresh value, gen TTL. An epoch made on another server (or none)
 * is replaced by one of this server's; missing generations are created.
 */
const READ_TAGGED = `${SERVER_ID}
local out = { redis.call('GET', KEYS[1]) }
local epoch = redis.call('GET', KEYS[2])
if not epoch or string.sub(epoch, 1, #server + 1) ~= server .. ':' then
  epoch = server .. ':' .. ARGV[1]
  redis.call('SET', KEYS[2], epoch)
end
out[2] = epoch
for i = 3, #KEYS do
  local gen = redis.call('GET', KEYS[i])
  if not gen then
    gen = ARGV[1]
    redis.call('SET', KEYS[i], gen, 'EX', ARGV[2])
  end
  out[i] = gen
end
return out`;

/** KEYS: epoch; ARGV: fresh value. */
const RENEW_EPOCH = `${SERVER_ID}
redis.call('SET', KEYS[1], server .. ':' .. ARGV[1])
return 1`;

interface ScriptedRedis {
  b24gwReadTagged(numKeys: number, ...args: (string | number)[]): Promise<(string | null)[]>;
  b24gwRenewEpoch(numKeys: number, ...args: string[]): Promise<number>;
}

/**
 * The shared read cache's commands on Redis: two Lua scripts (sent once, then called by their SHA)
 * so that a read checks the epoch and creates what is missing in the same atomic round trip, and
 * plain commands for the rest. Every key of one read, and of one invalidation, carries the portal's
 * hash tag (src/redis/portal-keys.ts), so a Cluster runs them on one node.
 */
export class RedisCacheKv implements CacheKv {
  private readonly scripted: ScriptedRedis;

  constructor(private readonly connection: RedisConnection) {
    const client = connection.client;
    if (!("b24gwReadTagged" in client)) {
      client.defineCommand("b24gwReadTagged", { lua: READ_TAGGED });
      client.defineCommand("b24gwRenewEpoch", { lua: RENEW_EPOCH });
    }
    this.scripted = client as unknown as ScriptedRedis;
  }

  get ready(): boolean {
    return this.connection.state === "ready";
  }

  onReady(listener: () => void): void {
    this.connection.onChange((state) => {
      if (state === "ready") listener();
    });
  }

  reportFailure(): void {
    this.connection.reportFailure();
  }

  async readTagged(
    keys: { entry: string; epoch: string; gens: readonly string[] },
    fresh: string,
    genTtlSeconds: number,
  ): Promise<TaggedRead> {
    const [entry, epoch, ...gens] = await this.scripted.b24gwReadTagged(
      2 + keys.gens.length,
      keys.entry,
      keys.epoch,
      ...keys.gens,
      fresh,
      genTtlSeconds,
    );
    return { entry: entry ?? undefined, epoch: epoch!, gens: gens.map((gen) => gen!) };
  }

  async setGens(keys: readonly string[], value: string, ttlSeconds: number) {
    const batch = this.connection.client.multi();
    for (const key of keys) batch.set(key, value, "EX", ttlSeconds);
    const results = await batch.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error("MULTI was discarded");
  }

  async renewEpoch(key: string, fresh: string): Promise<void> {
    await this.scripted.b24gwRenewEpoch(1, key, fresh);
  }

  async setEntry(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.connection.client.set(key, value, "EX", ttlSeconds);
  }

  async claim(key: string, ms: number): Promise<boolean> {
    return (await this.connection.client.set(key, "1", "PX", ms, "NX")) === "OK";
  }

  async release(key: string): Promise<void> {
    await this.connection.client.del(key);
  }
}
