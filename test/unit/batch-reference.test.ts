import { resultOf } from "../../src/transport/batch-command";
import { holdsBatchReference, withOwnResults } from "../../src/transport/batch-reference";

describe("holdsBatchReference", () => {
  it.each([
    ["$result[c0]"],
    ["$result[c0][booking][0][name]"],
    ["$RESULT[c0]"],
    ["text before $Result[c1] and after"],
    ["$result_error[c0]"],
    ["$result_total[c0]"],
    ["$result_next[c0]"],
    ["$result_time[c0]"],
    ["$error[c0]"],
    ["$total[c0]"],
    ["$next[c0]"],
    ["$time[c0]"],
  ])("finds %s in a value at any depth", (text) => {
    expect(holdsBatchReference({ value: text })).toBe(true);
    expect(holdsBatchReference({ filter: { list: [1, { deep: text }] } })).toBe(true);
  });

  it("finds one in a key", () => {
    expect(holdsBatchReference({ filter: { "$result[c0]": 1 } })).toBe(true);
    expect(holdsBatchReference({ fields: { $result: { c0: "x" } } })).toBe(true);
  });

  it("finds none in ordinary values", () => {
    expect(holdsBatchReference({ id: 5, name: "50 $ a night", on: true, none: null })).toBe(false);
    expect(holdsBatchReference({ filter: { code: "result[c0]" } })).toBe(false);
  });

  it("takes a sequence's exact references to earlier calls as the gateway's own", () => {
    expect(holdsBatchReference({ id: resultOf(0) }, 1)).toBe(false);
    // Not earlier than the call itself, or not exactly a reference: a client's.
    expect(holdsBatchReference({ id: resultOf(1) }, 1)).toBe(true);
    expect(holdsBatchReference({ id: `${resultOf(0)}[booking]` }, 1)).toBe(true);
    expect(holdsBatchReference({ id: resultOf(0) })).toBe(true);
  });
});

describe("withOwnResults", () => {
  it("puts earlier answers in for exact references, raw, and leaves the rest", () => {
    const params = { id: resultOf(0), ids: [resultOf(1)], name: `${resultOf(0)} text`, n: 3 };
    expect(withOwnResults(params, [582, { id: 7 }])).toEqual({
      id: 582,
      ids: [{ id: 7 }],
      name: `${resultOf(0)} text`,
      n: 3,
    });
  });
});
