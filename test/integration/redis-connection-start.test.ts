import { RedisConnection, type RedisState } from "../../src/redis/redis-connection";
import { startHangUpServer } from "../helpers/hang-up-server";
import { TcpProxy } from "../helpers/tcp-proxy";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Every state a connection reports, in order. */
function statesOf(connection: RedisConnection): RedisState[] {
  const states: RedisState[] = [];
  connection.onChange((state) => states.push(state));
  return states;
}

describe("a connection to Redis as the replica starts", () => {
  it("is not counted down for one failed attempt: the next one answers, and only ready is reported", async () => {
    const redis = Number(new URL(REDIS_URL).port || 6379);
    const proxy = new TcpProxy(redis);
    const url = await proxy.listen();
    // The first attempt fails at its ready check, as when the replica's event loop stood still past
    // the connect timeout while Redis was fine.
    const cut = proxy.cutOn(1, "info");
    const connection = new RedisConnection(url);
    const states = statesOf(connection);
    try {
      expect(await connection.settled()).toBe("ready");
      await cut;
      expect(proxy.cuts).toBe(1);
      expect(states).toEqual(["ready"]);
    } finally {
      await connection.close();
      await proxy.close();
    }
  });

  it("counts Redis that is away down once two attempts in a row failed, and says so once", async () => {
    const away = await startHangUpServer();
    const connection = new RedisConnection(away.url);
    const states = statesOf(connection);
    try {
      expect(await connection.settled()).toBe("down");
      expect(away.attempts()).toBe(2);
      expect(states).toEqual(["down"]);
    } finally {
      await connection.close();
      await away.close();
    }
  });
});
