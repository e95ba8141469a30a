import {
  substitutePlaceholders,
  type BatchResults,
} from "../../src/demo-portal/batch-placeholders";

function results(result: Record<string, unknown>): BatchResults {
  return {
    result: new Map(Object.entries(result)),
    error: new Map([["bad", { error: "1021", error_description: "Booking not found" }]]),
    total: new Map([["list", 0]]),
    next: new Map(),
    time: new Map(),
  };
}

const earlier = results({
  add: 16,
  get: { booking: { id: 14, name: "Client consultation", resourceIds: [2, 3] } },
});

describe("substitutePlaceholders", () => {
  it("replaces a whole-value placeholder with the raw value, arrays included", () => {
    expect(substitutePlaceholders({ id: "$result[add]" }, earlier)).toEqual({ id: 16 });
    expect(substitutePlaceholders({ ids: "$result[get][booking][resourceIds]" }, earlier)).toEqual({
      ids: [2, 3],
    });
    expect(
      substitutePlaceholders({ id: "$result[get][booking][resourceIds][1]" }, earlier),
    ).toEqual({ id: 3 });
  });

  it("inserts numbers and strings into longer text and leaves other values as written", () => {
    expect(
      substitutePlaceholders(
        { name: "Copy of $result[get][booking][name] #$result[add] " },
        earlier,
      ),
    ).toEqual({
      name: "Copy of Client consultation #16 ",
    });
    expect(
      substitutePlaceholders({ name: "ids $result[get][booking][resourceIds] here" }, earlier),
    ).toEqual({
      name: "ids $result[get][booking][resourceIds] here",
    });
  });

  it("reads the other result maps and matches the source name in any case", () => {
    expect(
      substitutePlaceholders({ code: "$error[bad][error]", total: "$TOTAL[list]" }, earlier),
    ).toEqual({
      code: "1021",
      total: 0,
    });
  });

  it("walks nested parameters and leaves text without placeholders alone", () => {
    expect(
      substitutePlaceholders(
        { fields: { resourceIds: ["$result[add]", "7"] }, note: "$5 off" },
        earlier,
      ),
    ).toEqual({
      fields: { resourceIds: [16, "7"] },
      note: "$5 off",
    });
  });

  it("keeps the deepest value reached when a path stops matching, like the server", () => {
    expect(substitutePlaceholders({ value: "$result[get][booking][missing]" }, earlier)).toEqual({
      value: { id: 14, name: "Client consultation", resourceIds: [2, 3] },
    });
  });
});
