import type { RedisConnection } from "../redis/redis-connection";
import type { CacheKv, TaggedRead } from "./cache-kv";

/** KEYS: entry, epoch, gens…; ARGV: fresh epoch, gen TTL, fresh gen. Missing ones are created. */
const READ_TAGGED = `
local out = { redis.call('GET', KEYS[1]) }
local epoch = redis.call('GET', KEYS[2])
if not epoch then
  epoch = ARGV[1]
  redis.call('SET', KEYS[2], epoch)
end
out[2] = epoch
for i = 3, #KEYS do
  local gen = redis.call('GET', KEYS[i])
  if not gen then
    gen = ARGV[3]
    redis.call('SET', KEYS[i], gen, 'EX', ARGV[2])
  end
  out[i] = gen
end
return out`;

/** KEYS: epoch; ARGV: server id, fresh epoch, force ("1"). */
const RENEW_EPOCH = `
local epoch = redis.call('GET', KEYS[1])
if ARGV[3] == '1' or not epoch or string.sub(epoch, 1, #ARGV[1] + 1) ~= ARGV[1] .. ':' then
  redis.call('SET', KEYS[1], ARGV[2])
end
return 1`;

interface ScriptedRedis {
  b24gwReadTagged(numKeys: number, ...args: (string | number)[]): Promise<(string | null)[]>;
  b24gwRenewEpoch(numKeys: number, ...args: string[]): Promise<number>;
}

/**
 * The shared read cache's commands on Redis: two Lua scripts (sent once, then called by their SHA)
 * so that a read creates what is missing in the same round trip, and plain commands for the rest.
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

  async serverId(): Promise<string> {
    const info = await this.connection.client.info("server");
    const runId = /^run_id:(\w+)/m.exec(info)?.[1];
    if (!runId) throw new Error("INFO server named no run_id");
    return runId;
  }

  async readTagged(
    keys: { entry: string; epoch: string; gens: readonly string[] },
    fresh: { epoch: string; gen: string },
    genTtlSeconds: number,
  ): Promise<TaggedRead> {
    const [entry, epoch, ...gens] = await this.scripted.b24gwReadTagged(
      2 + keys.gens.length,
      keys.entry,
      keys.epoch,
      ...keys.gens,
      fresh.epoch,
      genTtlSeconds,
      fresh.gen,
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

  async renewEpoch(key: string, serverId: string, fresh: string, force: boolean): Promise<void> {
    await this.scripted.b24gwRenewEpoch(1, key, serverId, fresh, force ? "1" : "0");
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
