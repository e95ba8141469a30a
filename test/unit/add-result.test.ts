import { parseAddResult } from "../../src/bitrix/add-result";

describe("parseAddResult", () => {
  it("reads the bare integer the server sends", () => {
    expect(parseAddResult("booking.v1.booking.add", 1823)).toBe(1823);
  });

  it("reads the {id} object the docs show", () => {
    expect(parseAddResult("booking.v1.booking.add", { id: 1823 })).toBe(1823);
  });

  it("reads a numeric string", () => {
    expect(parseAddResult("booking.v1.booking.add", "42")).toBe(42);
  });

  it.each([[null], [true], [{}], [0], ["abc"]])("rejects %p as malformed", (value) => {
    expect(() => parseAddResult("booking.v1.booking.add", value)).toThrow(/add returned no id/);
  });
});
