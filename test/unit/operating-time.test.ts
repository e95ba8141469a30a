import { OperatingTimeTracker } from "../../src/transport/operating-time";

const time = (operating: number, resetAtSeconds?: number) => ({
  start: 0,
  finish: 0,
  duration: 0,
  processing: 0,
  date_start: "",
  date_finish: "",
  operating,
  ...(resetAtSeconds !== undefined && { operating_reset_at: resetAtSeconds }),
});

describe("the operating-time tracker", () => {
  let now = 1_000_000;
  const tracker = () => new OperatingTimeTracker({ limitSeconds: 480 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it("lets a method run freely below 80 % of the limit", () => {
    const t = tracker();
    t.record("hook", "booking.v1.booking.get", time(300, 2_000));
    expect(t.delayMs("hook", ["booking.v1.booking.get"])).toBe(0);
  });

  it("slows only the method that nears the limit, more the nearer it is", () => {
    const t = tracker();
    t.record("hook", "booking.v1.booking.list", time(420, 2_000));
    const at420 = t.delayMs("hook", ["booking.v1.booking.list"]);
    t.record("hook", "booking.v1.booking.list", time(450, 2_000));
    const at450 = t.delayMs("hook", ["booking.v1.booking.list"]);
    expect(at420).toBeGreaterThan(0);
    expect(at450).toBeGreaterThan(at420);
    expect(t.delayMs("hook", ["booking.v1.booking.get"])).toBe(0);
    expect(t.delayMs("other-hook", ["booking.v1.booking.list"])).toBe(0);
  });

  it("pauses a method at the limit until the reported reset", () => {
    const t = tracker();
    t.record("hook", "booking.v1.booking.list", time(476, 1_060));
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBe(61_000);
    now = 1_061_000;
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBe(0);
  });

  it("after a 429 waits until the reset, or 10 s when none was reported", () => {
    const t = tracker();
    t.block("hook", "booking.v1.booking.add");
    expect(t.delayMs("hook", ["booking.v1.booking.add"])).toBe(10_000);
    t.record("hook", "booking.v1.booking.get", time(100, 1_030));
    t.block("hook", "booking.v1.booking.get");
    expect(t.delayMs("hook", ["booking.v1.booking.get"])).toBe(31_000);
  });

  it("after a 429 whose reported reset has already come, waits 10 s", () => {
    const t = tracker();
    // The reset reported is this very millisecond, then one already gone.
    t.record("hook", "booking.v1.booking.get", time(100, 1_000));
    t.block("hook", "booking.v1.booking.get");
    expect(t.delayMs("hook", ["booking.v1.booking.get"])).toBe(10_000);
    t.record("hook", "booking.v1.booking.list", time(100, 990));
    t.block("hook", "booking.v1.booking.list");
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBe(10_000);
  });

  it("once a 429's pause is over with nothing reported, takes the method as at the limit", () => {
    const t = tracker();
    t.block("hook", "booking.v1.booking.add");
    now += 10_000;
    expect(t.delayMs("hook", ["booking.v1.booking.add"])).toBe(5_000);
  });

  it("forgets a method's usage from the moment its reported reset comes", () => {
    const t = tracker();
    t.record("hook", "booking.v1.booking.list", time(420, 1_060));
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBeGreaterThan(0);
    now = 1_060_000;
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBe(0);
    now = 1_070_000;
    expect(t.delayMs("hook", ["booking.v1.booking.list"])).toBe(0);
  });

  it("delays a batch by its slowest method", () => {
    const t = tracker();
    t.block("hook", "booking.v1.booking.add");
    expect(t.delayMs("hook", ["booking.v1.booking.get", "booking.v1.booking.add"])).toBe(10_000);
  });
});
