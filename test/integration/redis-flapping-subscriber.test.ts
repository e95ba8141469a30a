import { randomUUID } from "node:crypto";
import type { Change } from "../../src/events/change";
import { ChangeBus } from "../../src/events/change-bus";
import { RedisConnection } from "../../src/redis/redis-connection";
import { systemClock } from "../../src/clock";
import { TcpProxy } from "../helpers/tcp-proxy";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

describe("the change bus while its subscriber connection flaps", () => {
  it("leaves no promise rejection unhandled, and hears the other replicas again once it holds", async () => {
    const proxy = new TcpProxy();
    const url = await proxy.listen();
    const channel = `b24gw:test:${randomUUID()}:changes`;
    const direct = "redis://127.0.0.1:6379";
    const connections = {
      listening: { publisher: new RedisConnection(direct), subscriber: new RedisConnection(url) },
      speaking: { publisher: new RedisConnection(direct), subscriber: new RedisConnection(direct) },
    };
    const listening = new ChangeBus({
      clock: systemClock,
      redis: { ...connections.listening, channel },
    });
    const speaking = new ChangeBus({
      clock: systemClock,
      redis: { ...connections.speaking, channel },
    });
    try {
      await speaking.settled();
      await listening.settled();
      await connections.listening.publisher.settled();
      // Subscribed; then Redis goes away, and each time the connection comes back and subscribes
      // again it is cut at that moment, five times: the subscriber connection drops again just as it
      // came back, as it does while Redis flaps.
      const allCut = proxy.cutOn(5, "subscribe");
      proxy.dropAll();
      await allCut;

      const heard: Change[] = [];
      listening.listen((change) => heard.push(change));
      // Once subscribed again, a change the other replica publishes arrives. Each try is a new
      // change: those published before the subscription holds are lost, as Redis pub/sub loses them.
      let id = 0;
      while (!heard.some((change) => change.source === "portal")) {
        id += 1;
        speaking.publish({
          entity: "booking",
          kind: "UPDATED",
          id,
          occurredAt: 0,
          source: "portal",
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(proxy.cuts).toBe(5);
    } finally {
      await listening.close();
      await speaking.close();
      await connections.listening.publisher.close();
      await connections.speaking.publisher.close();
      await proxy.close();
    }
  });
});
