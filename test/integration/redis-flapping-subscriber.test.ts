import { randomUUID } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { Change } from "../../src/events/change";
import { ChangeBus } from "../../src/events/change-bus";
import { RedisConnection } from "../../src/redis/redis-connection";
import { systemClock } from "../../src/clock";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

/**
 * A TCP proxy in front of the machine's Redis that, once armed, cuts a connection the moment it
 * sends SUBSCRIBE, `cuts` times: the subscriber connection drops again just as it came back, as it
 * does while Redis flaps. Cutting on the command itself is the barrier; nothing waits on time.
 */
class CuttingProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  cut = 0;
  /** Cuts only once armed: the first subscription holds, as it had before Redis went away. */
  armed = false;
  private readonly cutsDone: Promise<void>;
  private cutsReached!: () => void;

  constructor(private readonly cuts: number) {
    this.cutsDone = new Promise((resolve) => (this.cutsReached = resolve));
    this.server = createServer((client) => {
      const redis = connect(6379, "127.0.0.1");
      for (const socket of [client, redis]) {
        this.sockets.add(socket);
        socket.on("error", () => undefined);
        socket.on("close", () => this.sockets.delete(socket));
      }
      client.on("data", (chunk: Buffer) => {
        if (this.armed && this.cut < this.cuts && /subscribe/i.test(chunk.toString("latin1"))) {
          this.cut += 1;
          if (this.cut === this.cuts) this.cutsReached();
          client.destroy();
          redis.destroy();
          return;
        }
        redis.write(chunk);
      });
      redis.pipe(client);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `redis://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  /** Resolves once every cut was made. */
  allCut(): Promise<void> {
    return this.cutsDone;
  }

  /** Cuts every connection now, as a Redis restart would. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe("the change bus while its subscriber connection flaps", () => {
  it("leaves no promise rejection unhandled, and hears the other replicas again once it holds", async () => {
    const proxy = new CuttingProxy(5);
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
      // again it is cut at that moment.
      proxy.armed = true;
      proxy.dropAll();
      await proxy.allCut();

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
      expect(proxy.cut).toBe(5);
    } finally {
      await listening.close();
      await speaking.close();
      await connections.listening.publisher.close();
      await connections.speaking.publisher.close();
      await proxy.close();
    }
  });
});
