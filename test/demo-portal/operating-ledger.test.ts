import { checkOperatingLimit, OperatingLedger } from "../../src/demo-portal/operating-time";

const T0 = 1_800_000_000;

describe("OperatingLedger", () => {
  it("sums charges per key and blocks a key once it reaches the limit", () => {
    const ledger = new OperatingLedger({ limitSeconds: 0.3, windowSeconds: 600 });
    ledger.charge("webhook:1 a", 100, T0);
    ledger.charge("webhook:1 a", 200, T0 + 1);
    ledger.charge("webhook:1 b", 250, T0 + 1);
    expect(ledger.usage("webhook:1 a", T0 + 2)).toEqual({ operating: 0.3, resetAt: T0 + 600 });
    expect(ledger.isExhausted("webhook:1 a", T0 + 2)).toBe(true);
    expect(ledger.isExhausted("webhook:1 b", T0 + 2)).toBe(false);
    expect(ledger.usage("oauth:1 a", T0 + 2)).toEqual({ operating: 0 });
  });

  it("keeps sums of whole milliseconds exact (ten 0.1 s calls reach a 1 s limit)", () => {
    const ledger = new OperatingLedger({ limitSeconds: 1, windowSeconds: 600 });
    for (let index = 0; index < 10; index += 1) ledger.charge("k", 100, T0 + index);
    expect(ledger.usage("k", T0 + 10).operating).toBe(1);
    expect(ledger.isExhausted("k", T0 + 10)).toBe(true);
  });

  it("drops a basket one window after its first charge, later baskets staying", () => {
    // A 600 s window has 60 s baskets: T0 and T0+30 share one, T0+70 opens the next.
    const ledger = new OperatingLedger({ limitSeconds: 10, windowSeconds: 600 });
    ledger.charge("k", 1000, T0 + 0.4);
    ledger.charge("k", 2000, T0 + 30);
    ledger.charge("k", 4000, T0 + 70);
    expect(ledger.usage("k", T0 + 100)).toEqual({ operating: 7, resetAt: T0 + 601 });
    expect(ledger.usage("k", T0 + 600.5)).toEqual({ operating: 4, resetAt: T0 + 670 });
    expect(ledger.usage("k", T0 + 670)).toEqual({ operating: 0 });
  });

  it("records nothing for a zero charge", () => {
    const ledger = new OperatingLedger({ limitSeconds: 1, windowSeconds: 600 });
    ledger.charge("k", 0, T0);
    expect(ledger.usage("k", T0)).toEqual({ operating: 0 });
  });
});

describe("checkOperatingLimit", () => {
  it("defaults the window to 600 s and accepts null", () => {
    expect(checkOperatingLimit({ limitSeconds: 480 }, "operatingLimit")).toEqual({
      limitSeconds: 480,
      windowSeconds: 600,
    });
    expect(checkOperatingLimit(null, "operatingLimit")).toBeNull();
  });

  it("names the rule and the value", () => {
    expect(() => checkOperatingLimit({ limitSeconds: -1 }, "operatingLimit")).toThrow(
      "operatingLimit.limitSeconds must be a positive number, got -1",
    );
    expect(() =>
      checkOperatingLimit({ limitSeconds: 1, windowSeconds: "10" }, "operatingLimit"),
    ).toThrow('operatingLimit.windowSeconds must be a positive number, got "10"');
  });
});
