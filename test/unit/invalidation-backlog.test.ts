import { InvalidationBacklog } from "../../src/cache/invalidation-backlog";

/**
 * What a replica without Redis keeps of its invalidations is bounded: it may not grow with the
 * changes of a long outage. Past the bound it forgets the keys and remembers only that it overflowed
 * (the store then renews its epoch, which makes every entry stale).
 */
describe("the invalidation backlog", () => {
  it("keeps up to its bound of distinct keys, a key added twice counting once", () => {
    const backlog = new InvalidationBacklog(2);
    backlog.add(["gen:booking:1", "gen:booking:list"]);
    backlog.add(["gen:booking:1"]);
    expect(backlog.overflowed).toBe(false);
    expect(backlog.take().sort()).toEqual(["gen:booking:1", "gen:booking:list"]);
    expect(backlog.empty).toBe(true);
  });

  it("forgets its keys and says it overflowed at one key past its bound", () => {
    const backlog = new InvalidationBacklog(2);
    backlog.add(["gen:booking:1", "gen:booking:list"]);
    backlog.add(["gen:booking:2"]);
    expect(backlog.overflowed).toBe(true);
    expect(backlog.empty).toBe(false);
    expect(backlog.take()).toEqual([]);
    // Handed over once: the caller renews the epoch, or puts the overflow back.
    expect(backlog.takeOverflow()).toBe(true);
    expect(backlog.takeOverflow()).toBe(false);
    expect(backlog.empty).toBe(true);
  });
});
