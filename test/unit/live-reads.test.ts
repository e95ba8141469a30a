import type { Change } from "../../src/events/change";
import { LiveReads } from "../../src/events/live-reads";
import { ManualClock } from "../helpers/manual-clock";

/*
 * What subscribers of one identity are sent for a change: decided once per change, by the record's
 * content, with failed reads retried on the clock. The HTTP and WebSocket paths are in
 * test/integration/subscriptions*.test.ts; these are the rules that those cannot reach on demand:
 * eviction while a change is handed out, a change arriving twice, and the retry schedule.
 */

function change(id: number, key = `replica:${id}`): Change {
  return {
    key,
    entity: "booking",
    kind: "UPDATED",
    id,
    occurredAt: 1_700_000_000,
    source: "portal",
    publishedAtMs: 1_700_000_000_000,
  };
}

/** A read that counts its calls and answers `state`. */
const counted = (state: unknown) => jest.fn(() => Promise.resolve(state));

describe("live reads", () => {
  it("reads a change once per identity while it is handed out, even when its outcome is evicted", async () => {
    const reads = new LiveReads({ clock: new ManualClock(), maxChanges: 1 });
    const first = change(1);
    const read = counted({ id: 1, name: "a" });
    const toFirst = reads.decide(first, "alice", read);
    const readForBob = counted({ id: 1, name: "a" });
    await reads.decide(first, "bob", readForBob);
    // Another change evicts the first one's outcomes from the bounded cache meanwhile.
    await reads.decide(change(2), "alice", counted({ id: 2 }));
    const toSecond = reads.decide(first, "alice", read);
    expect(await toSecond).toBe(await toFirst);
    expect(await toFirst).toEqual({ change: first, state: { id: 1, name: "a" } });
    expect(read).toHaveBeenCalledTimes(1);
    expect(readForBob).toHaveBeenCalledTimes(1);
  });

  it("reads a change that arrives twice (relayed again after an outage) once", async () => {
    const reads = new LiveReads({ clock: new ManualClock() });
    const read = counted({ id: 1 });
    const delivered = change(1);
    const message = await reads.decide(delivered, "alice", read);
    // The second delivery is another object with the same key, as a relayed message is.
    expect(await reads.decide({ ...delivered }, "alice", read)).toBe(message);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("sends a record's state when it differs from the last one sent, and a deletion once", async () => {
    const reads = new LiveReads({ clock: new ManualClock() });
    expect(await reads.decide(change(1, "k1"), "alice", counted({ v: 1 }))).toBeDefined();
    expect(await reads.decide(change(1, "k2"), "alice", counted({ v: 1 }))).toBeUndefined();
    expect(await reads.decide(change(1, "k3"), "alice", counted({ v: 2 }))).toBeDefined();
    // Another identity has been sent nothing yet.
    expect(await reads.decide(change(1, "k3"), "bob", counted({ v: 2 }))).toBeDefined();
    const deleted = { ...change(1, "k4"), kind: "DELETED" as const };
    expect(await reads.decide(deleted, "alice", counted({ v: 2 }))).toEqual({
      change: deleted,
      state: null,
    });
    expect(await reads.decide(change(1, "k5"), "alice", counted(null))).toBeUndefined();
  });

  it("retries a failed read after each delay on the clock, then sends the failure with its attempts", async () => {
    const clock = new ManualClock();
    const reads = new LiveReads({ clock, retryDelaysMs: [100, 500] });
    const failure = new Error("portal unavailable");
    const read = jest.fn(() => Promise.reject(failure));
    const outcome = reads.decide(change(1), "alice", read);
    await clock.whenDelays((delays) => delays[0] === 100);
    expect(read).toHaveBeenCalledTimes(1);
    clock.advance(99);
    expect(read).toHaveBeenCalledTimes(1);
    clock.advance(1);
    await clock.whenDelays((delays) => delays[0] === 500);
    expect(read).toHaveBeenCalledTimes(2);
    clock.advance(500);
    expect(await outcome).toEqual({ change: change(1), failure, attempts: 3 });
    expect(read).toHaveBeenCalledTimes(3);
  });

  it("stops a retry waiting at close, with the failure and the attempts made", async () => {
    const clock = new ManualClock();
    const reads = new LiveReads({ clock, retryDelaysMs: [100, 500] });
    const failure = new Error("portal unavailable");
    const read = jest.fn(() => Promise.reject(failure));
    const outcome = reads.decide(change(1), "alice", read);
    await clock.whenPending(1);
    reads.close();
    expect(await outcome).toEqual({ change: change(1), failure, attempts: 1 });
    expect(read).toHaveBeenCalledTimes(1);
    expect(clock.pending).toBe(0);
  });
});
