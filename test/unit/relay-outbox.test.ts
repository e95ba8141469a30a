import { RelayOutbox } from "../../src/events/relay-outbox";
import type { RedisConnection, RedisState } from "../../src/redis/redis-connection";

/*
 * The outbox through which a replica relays its changes, in moments that test/model/
 * change-bus.model.test.ts reaches only by chance among thousands of runs: Redis marked down and
 * back while a message is on its way, and a message dropped by an overflow while it is sent. What
 * a message's sender is told matters: the offline drain confirms an event to the portal, which then
 * forgets it, only when its change was relayed.
 */

/** The state of a connection, moved by the test; sends are answered by the test too. */
class TestConnection {
  state: RedisState = "ready";
  failures = 0;
  private readonly listeners = new Set<(state: RedisState) => void>();

  onChange(listener: (state: RedisState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reportFailure(): void {
    this.failures += 1;
    this.enter("down");
  }

  enter(state: RedisState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  asConnection(): RedisConnection {
    return this as unknown as RedisConnection;
  }
}

/** Sends that wait until the test answers them, one by one, in order. */
function heldSends() {
  const pending: { message: string; answer: () => void; fail: () => void }[] = [];
  const sent: string[] = [];
  return {
    sent,
    pending,
    send: (message: string) =>
      new Promise<void>((resolve, reject) => {
        sent.push(message);
        pending.push({ message, answer: resolve, fail: () => reject(new Error("timed out")) });
      }),
  };
}

/** An outbox of at most `max` messages on a test connection, with held sends and a counted gate. */
function outboxOf(max: number) {
  const connection = new TestConnection();
  const sends = heldSends();
  const gate = jest.fn(() => Promise.resolve());
  const outbox = new RelayOutbox({ connection: connection.asConnection(), ...sends, gate, max });
  return { connection, sends, gate, outbox };
}

/** Lets every promise callback that can run now run (the outbox waits a turn before it sends). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the relay outbox", () => {
  it("sends the next message at once when Redis came back while the last one was on its way", async () => {
    const { connection, sends, gate, outbox } = outboxOf(10);
    const first = outbox.add("first");
    await settle();
    expect(sends.sent).toEqual(["first"]);
    // Another command on the connection failed; a probe finds Redis again before "first" answers.
    connection.enter("down");
    connection.enter("ready");
    sends.pending.shift()!.answer();
    expect(await first).toBe(true);
    // Nothing was kept: the next message goes at once, without a gate to wait for.
    const second = outbox.add("second");
    await settle();
    expect(sends.sent).toEqual(["first", "second"]);
    sends.pending.shift()!.answer();
    expect(await second).toBe(true);
    expect(gate).not.toHaveBeenCalled();
  });

  it("sends a message added just as Redis is back, with nothing kept, at once and without the gate", async () => {
    const { connection, sends, gate, outbox } = outboxOf(10);
    connection.enter("down");
    connection.enter("ready");
    const first = outbox.add("first");
    await settle();
    expect(sends.sent).toEqual(["first"]);
    sends.pending.shift()!.answer();
    expect(await first).toBe(true);
    expect(gate).not.toHaveBeenCalled();
  });

  it("sends nothing while Redis is marked down, though the connection still works, until the gate has run", async () => {
    const { connection, sends, gate, outbox } = outboxOf(10);
    const first = outbox.add("first");
    const second = outbox.add("second");
    await settle();
    connection.enter("down");
    const kept = outbox.add("kept");
    sends.pending.shift()!.answer();
    expect(await first).toBe(true);
    await settle();
    expect(sends.sent).toEqual(["first"]);
    // Back: "second" was not sent, so it is kept as well, and both go after the gate.
    connection.enter("ready");
    expect(await second).toBe(false);
    expect(await kept).toBe(false);
    await settle();
    expect(gate).toHaveBeenCalledTimes(1);
    expect(sends.sent).toEqual(["first", "second"]);
    sends.pending.shift()!.answer();
    await settle();
    expect(sends.sent).toEqual(["first", "second", "kept"]);
  });

  it("tells the sender of a message dropped by an overflow that it was not relayed, though its send was under way", async () => {
    const { connection, sends, outbox } = outboxOf(1);
    const first = outbox.add("first");
    await settle();
    expect(sends.sent).toEqual(["first"]);
    // "first" is dropped to make room; its send may still fail, so it cannot be told "relayed".
    const second = outbox.add("second");
    expect(await first).toBe(false);
    sends.pending.shift()!.fail();
    expect(await second).toBe(false);
    expect(connection.failures).toBe(1);
  });
});
