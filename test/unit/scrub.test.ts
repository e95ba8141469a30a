import { scrubberOf, scrubJson } from "../../src/transport/scrub";

describe("scrubbing credentials out of what the portal answers", () => {
  it("ignores an empty secret, which would otherwise match between every character", () => {
    expect(scrubberOf(["", "tok3n"])("an answer with tok3n in it")).toBe(
      "an answer with *** in it",
    );
  });

  it("scrubs strings in arrays, objects and keys, however deep", () => {
    const scrub = scrubberOf(["tok3n"]);
    const answer = { error: ["tok3n expired", { tok3n: ["at tok3n"] }, 7] };
    expect(scrubJson(answer, JSON.stringify(answer), scrub)).toEqual({
      error: ["*** expired", { "***": ["at ***"] }, 7],
    });
  });

  it("scrubs a credential the raw text holds only escaped", () => {
    const scrub = scrubberOf(["tok/3n"]);
    // JSON may escape "/" as "\/": the raw text does not hold the credential as it is.
    const raw = '{"error":"tok\\/3n expired"}';
    expect(scrubJson(JSON.parse(raw), raw, scrub)).toEqual({ error: "*** expired" });
  });
});
