import { randomUUID } from "node:crypto";
import { listen } from "../../src/redis/pub-sub";
import { RedisConnection } from "../../src/redis/redis-connection";
import { within } from "../helpers/bounded-wait";
import { reaches } from "../helpers/redis-state";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("listening to a channel", () => {
  const connections: RedisConnection[] = [];
  afterEach(async () => {
    while (connections.length > 0) await connections.pop()!.close();
  });

  it("goes on after a handler throws: a message never ends the process", async () => {
    const channel = `b24gw:test:${randomUUID()}:pub-sub`;
    const subscriber = new RedisConnection(REDIS_URL, { subscriber: true });
    const publisher = new RedisConnection(REDIS_URL);
    connections.push(subscriber, publisher);
    const heard: string[] = [];
    await listen(subscriber, channel, (message) => {
      heard.push(message);
      if (message === "first") throw new Error("a handler that cannot take this message");
    });
    await reaches(publisher, "ready");
    await publisher.client.publish(channel, "first");
    await publisher.client.publish(channel, "second");
    await within(10_000, "the second message", () => heard.includes("second"));
    expect(heard).toEqual(["first", "second"]);
  });
});
