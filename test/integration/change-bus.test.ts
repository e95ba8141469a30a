import { randomUUID } from "node:crypto";
import { systemClock } from "../../src/clock";
import type { Change } from "../../src/events/change";
import { ChangeBus } from "../../src/events/change-bus";
import { RedisConnection, type RedisState } from "../../src/redis/redis-connection";
import { reaches } from "../helpers/redis-state";
import { within } from "../helpers/bounded-wait";
import { TcpProxy } from "../helpers/tcp-proxy";
import { startRedisServer, type RedisServer } from "../helpers/redis-server";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

/*
 * The bus between replicas, on a Redis of the test's own that the test stops, freezes and starts
 * again. Its rules: a change is relayed at once while Redis answers; while it does not, the change
 * is kept (the latest 1000) and relayed, in order and once, when Redis is back, after the gate; and
 * a message on the channel that is not a change is ignored.
 */

let redis: RedisServer;
let redisUp = true;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterEach(async () => {
  redis.thaw();
  if (!redisUp) await startRedis();
  while (closers.length > 0) await closers.pop()!();
});

afterAll(async () => {
  await redis.stop();
});

async function stopRedis(): Promise<void> {
  redisUp = false;
  await redis.stop();
}

async function startRedis(): Promise<void> {
  await redis.start();
  redisUp = true;
}

/**
 * A command that takes longer fails, and the connection counts as down. Long, so that a busy machine
 * never makes a relay fail by chance (a relay that timed out is sent again: the bus delivers at
 * least once); short where a test freezes the server on purpose.
 */
const COMMAND_TIMEOUT_MS = 5000;
const FROZEN_COMMAND_TIMEOUT_MS = 300;

/** A connection closed after the test. */
function connection(
  url: string,
  options: { subscriber?: boolean; commandTimeoutMs?: number } = {},
): RedisConnection {
  const made = new RedisConnection(url, {
    probeIntervalMs: 50,
    commandTimeoutMs: COMMAND_TIMEOUT_MS,
    ...options,
  });
  closers.push(() => made.close());
  return made;
}

/** A replica's bus on `channel`, and every change it hears, by id. */
function replica(
  channel: string,
  urls: { publisher: string; subscriber: string },
  relayGate?: () => Promise<void>,
  commandTimeoutMs = COMMAND_TIMEOUT_MS,
) {
  const publisher = connection(urls.publisher, { commandTimeoutMs });
  const bus = new ChangeBus({
    clock: systemClock,
    redis: { publisher, subscriber: connection(urls.subscriber, { subscriber: true }), channel },
    ...(relayGate && { relayGate }),
  });
  closers.push(() => bus.close());
  const heard: number[] = [];
  bus.listen((change) => heard.push(change.id));
  return { bus, publisher, heard };
}

function change(id: number): Parameters<ChangeBus["publish"]>[0] {
  return { entity: "booking", kind: "UPDATED", id, occurredAt: 1_700_000_000, source: "portal" };
}

/** A change as another replica puts it on the channel. */
function wireChange(key: string, id: number): Change {
  return { ...change(id), key, publishedAtMs: 1_700_000_000_000 };
}

/** Resolves once `count` connections listen to `channel` (after Redis came back, say). */
async function listeners(channel: string, count: number): Promise<void> {
  const asking = connection(redis.url);
  await within(10_000, `${count} listener(s) on the channel`, async () => {
    const [, listening] = (await asking.client.pubsub("NUMSUB", channel)) as [string, number];
    return listening === count;
  });
}

/** Resolves once `heard` holds `id`. */
function hears(heard: number[], id: number): Promise<void> {
  return within(10_000, `change ${id} heard`, () => heard.includes(id));
}

/**
 * A gate the test opens, with the publisher's state each time the bus entered it. It also waits
 * for the other replica to listen again: what is relayed before that is lost to it, as Redis
 * pub/sub loses it.
 */
function heldGate(channel: string) {
  const entered: RedisState[] = [];
  let publisher: RedisConnection | undefined;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    gate: async () => {
      entered.push(publisher!.state);
      await opened;
      await listeners(channel, 2);
    },
    open,
    entered,
    /** The connection whose state is noted: the publisher of the bus that has the gate. */
    watch(connection: RedisConnection) {
      publisher = connection;
    },
  };
}

describe("the change bus", () => {
  it("without Redis delivers here only, counts a change as relayed, and stops at close", async () => {
    const bus = new ChangeBus({ clock: systemClock });
    const heard: Change[] = [];
    bus.listen((heardChange) => heard.push(heardChange));
    const { change: published, relayed } = bus.publishAndRelay(change(1));
    await expect(relayed).resolves.toBe(true);
    expect(heard).toEqual([published]);

    await bus.close();
    bus.publish(change(2));
    expect(heard.map(({ id }) => id)).toEqual([1]);
  });

  it("keeps what it could not relay and relays it in order, once, after the gate", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = { publisher: redis.url, subscriber: redis.url };
    const gate = heldGate(channel);
    const speaking = replica(channel, direct, gate.gate);
    gate.watch(speaking.publisher);
    const listening = replica(channel, direct);
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");

    await expect(speaking.bus.publishAndRelay(change(1)).relayed).resolves.toBe(true);
    await hears(listening.heard, 1);

    await stopRedis();
    await reaches(speaking.publisher, "down");
    await expect(speaking.bus.publishAndRelay(change(2)).relayed).resolves.toBe(false);
    await expect(speaking.bus.publishAndRelay(change(3)).relayed).resolves.toBe(false);

    await startRedis();
    await reaches(speaking.publisher, "ready");
    await listeners(channel, 2);
    // Entered once Redis answers: the gate writes what was kept for the other replicas to read.
    expect(gate.entered).toEqual(["ready"]);
    // Redis answers, but what was kept is not relayed yet: a new change waits behind it.
    await expect(speaking.bus.publishAndRelay(change(4)).relayed).resolves.toBe(false);

    // Redis flaps while the kept changes wait for the gate: one relaying, which passes the gate
    // once more when it opens, since the read cache may have kept more while Redis was away again.
    await stopRedis();
    await reaches(speaking.publisher, "down");
    await startRedis();
    await reaches(speaking.publisher, "ready");
    await listeners(channel, 2);
    expect(gate.entered).toEqual(["ready"]);

    gate.open();
    await hears(listening.heard, 4);
    expect(gate.entered).toEqual(["ready", "ready"]);
    await expect(speaking.bus.publishAndRelay(change(5)).relayed).resolves.toBe(true);
    await hears(listening.heard, 5);
    expect(listening.heard).toEqual([1, 2, 3, 4, 5]);

    // A second outage is relayed as well, entering the gate once more.
    await stopRedis();
    await reaches(speaking.publisher, "down");
    speaking.bus.publish(change(6));
    await startRedis();
    await reaches(speaking.publisher, "ready");
    await listeners(channel, 2);
    await hears(listening.heard, 6);
    expect(listening.heard).toEqual([1, 2, 3, 4, 5, 6]);
    expect(gate.entered).toEqual(["ready", "ready", "ready"]);
    expect(speaking.heard).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps the latest 1000 changes while Redis is away, and never drops one it has not sent", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = { publisher: redis.url, subscriber: redis.url };
    const gate = heldGate(channel);
    const speaking = replica(channel, direct, gate.gate);
    gate.watch(speaking.publisher);
    const listening = replica(channel, direct);
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");

    await stopRedis();
    await reaches(speaking.publisher, "down");
    for (let id = 1; id <= 1001; id += 1) speaking.bus.publish(change(id));
    await startRedis();
    await reaches(speaking.publisher, "ready");
    await listeners(channel, 2);

    // While the first kept change (2: 1 was dropped) is on its way, one more comes in: the oldest
    // kept one is dropped to make room, and that is 2, which is being sent, not 3.
    const publish = speaking.publisher.client.publish.bind(speaking.publisher.client);
    jest.spyOn(speaking.publisher.client, "publish").mockImplementationOnce(((
      on: string,
      message: string,
    ) => {
      const sent = publish(on, message);
      speaking.bus.publish(change(1002));
      return sent;
    }) as never);
    gate.open();
    await hears(listening.heard, 1002);
    expect(listening.heard).toEqual(Array.from({ length: 1001 }, (_, at) => at + 2));
  });

  it("keeps a change whose relay failed, and relays it once Redis answers again", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const proxy = new TcpProxy(redis.port);
    closers.push(() => proxy.close());
    const cut = await proxy.listen();
    const speaking = replica(channel, { publisher: cut, subscriber: redis.url });
    const listening = replica(channel, { publisher: redis.url, subscriber: redis.url });
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");

    // The relay is cut: kept, and relayed once the connection is back.
    const cutOnce = proxy.cutOn(1, "publish");
    await expect(speaking.bus.publishAndRelay(change(1)).relayed).resolves.toBe(false);
    await cutOnce;
    await hears(listening.heard, 1);

    // Cut again, and once more while relaying what was kept: kept until a relay goes through.
    const cutTwice = proxy.cutOn(2, "publish");
    await expect(speaking.bus.publishAndRelay(change(2)).relayed).resolves.toBe(false);
    await cutTwice;
    await hears(listening.heard, 2);
    await expect(speaking.bus.publishAndRelay(change(3)).relayed).resolves.toBe(true);
    await hears(listening.heard, 3);
    expect(listening.heard).toEqual([1, 2, 3]);
    expect(proxy.cuts).toBe(3);
  });

  it("relays a change kept after Redis stopped answering, once it answers again", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = { publisher: redis.url, subscriber: redis.url };
    const speaking = replica(channel, direct, undefined, FROZEN_COMMAND_TIMEOUT_MS);
    const listening = replica(channel, direct);
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");

    // A frozen server keeps the connection open: the relay times out, and nothing but the bus
    // says that Redis is away.
    redis.freeze();
    await expect(speaking.bus.publishAndRelay(change(1)).relayed).resolves.toBe(false);
    expect(speaking.publisher.state).toBe("down");
    redis.thaw();
    speaking.bus.publish(change(2));
    await hears(listening.heard, 2);
    // The server still carries out the PUBLISH it had read before it froze, so 1 may come twice:
    // the bus delivers at least once, and a subscriber is sent a change by its content.
    expect([...new Set(listening.heard)]).toEqual([1, 2]);
  });

  it("goes on relaying what it kept after a relay of it timed out", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = { publisher: redis.url, subscriber: redis.url };
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const speaking = replica(channel, direct, () => opened, FROZEN_COMMAND_TIMEOUT_MS);
    const listening = replica(channel, direct);
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");

    await stopRedis();
    await reaches(speaking.publisher, "down");
    speaking.bus.publish(change(1));
    await startRedis();
    await reaches(speaking.publisher, "ready");
    await listeners(channel, 2);
    // The relay of what was kept meets a server that stopped answering: it times out, and the
    // connection counts as down until the server answers again.
    redis.freeze();
    open();
    await within(10_000, "the publisher down", () => speaking.publisher.state === "down");
    redis.thaw();
    speaking.bus.publish(change(2));
    await hears(listening.heard, 2);
    // The frozen server still carries out the PUBLISH it had read: 1 may come twice.
    expect([...new Set(listening.heard)]).toEqual([1, 2]);
  });

  it("puts each change on the channel once, and nothing else", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = { publisher: redis.url, subscriber: redis.url };
    const watching = connection(redis.url, { subscriber: true });
    const messages: string[] = [];
    watching.client.on("message", (_from: string, message: string) => messages.push(message));
    await reaches(watching, "ready");
    await watching.client.subscribe(channel);
    const speaking = replica(channel, direct);
    const listening = replica(channel, direct);
    await Promise.all([speaking.bus.settled(), listening.bus.settled()]);
    await reaches(speaking.publisher, "ready");
    speaking.bus.publish(change(1));
    speaking.bus.publish(change(2));
    await hears(listening.heard, 2);
    await within(10_000, "two messages", () => messages.length >= 2);
    // A barrier of its own: a message sent after everything the bus sent.
    await speaking.publisher.client.publish(channel, "end");
    await within(10_000, "the end", () => messages.includes("end"));
    const sent = messages.map((message) =>
      message === "end" ? message : (JSON.parse(message) as { change: Change }).change.id,
    );
    expect(sent).toEqual([1, 2, "end"]);
  });

  it("delivers a replica's change once by its number, remembering the last 1,000 replicas heard from", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const listening = replica(channel, { publisher: redis.url, subscriber: redis.url });
    await listening.bus.settled();
    const other = connection(redis.url);
    await reaches(other, "ready");
    const relay = (origin: string, sequence: number, id: number) =>
      other.client.publish(
        channel,
        JSON.stringify({ origin, sequence, change: wireChange(`${origin}:${sequence}`, id) }),
      );
    await relay("first", 1, 1);
    await relay("second", 1, 2);
    await relay("first", 2, 3);
    // Sent again after a timeout, or late: at or below the last number delivered from its replica.
    await relay("first", 2, 3);
    await relay("first", 1, 1);
    // 999 more replicas: 1,001 heard from, and "second", heard from longest ago, is forgotten.
    for (let n = 0; n < 999; n += 1) await relay(`replica-${n}`, 1, 1_000 + n);
    await relay("first", 2, 3);
    await relay("second", 1, 2);
    await relay("last", 1, 9_999);
    await hears(listening.heard, 9_999);
    expect(listening.heard).toEqual([
      1,
      2,
      3,
      ...Array.from({ length: 999 }, (_, n) => 1_000 + n),
      2,
      9_999,
    ]);
  });

  it("ignores a message on its channel that is not a relayed change, and goes on", async () => {
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const listening = replica(channel, { publisher: redis.url, subscriber: redis.url });
    await listening.bus.settled();
    const other = connection(redis.url);
    await reaches(other, "ready");
    const valid = wireChange("other:1", 1);
    const malformed = [
      { ...valid, id: 10, key: 1 },
      { ...valid, id: 11, entity: 1 },
      { ...valid, id: 12, kind: 1 },
      { ...valid, id: 13.5 },
      { ...valid, id: 14, occurredAt: "1700000000" },
      { ...valid, id: 15, publishedAtMs: "1700000000000" },
    ];
    for (const notRelayed of ["not json", "null", "5", '"text"', "[]", "{}"]) {
      await other.client.publish(channel, notRelayed);
    }
    for (const notAChange of malformed) {
      await other.client.publish(channel, JSON.stringify({ origin: "other", change: notAChange }));
    }
    // A change without the replica it came from.
    await other.client.publish(channel, JSON.stringify({ change: wireChange("other:16", 16) }));
    await other.client.publish(
      channel,
      JSON.stringify({ origin: { id: "other" }, change: wireChange("other:17", 17) }),
    );
    await other.client.publish(channel, JSON.stringify({ origin: "other", change: valid }));
    await hears(listening.heard, 1);
    expect(listening.heard).toEqual([1]);
  });
});
