import { isKnownTimeZone, isoInZone } from "../../src/booking/iso-in-zone";
import { canonicalTimeZone } from "../../src/booking/time-zone-name";

/** What Intl itself makes of a name: the reference the lookup must agree with. */
function intlCanonical(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

describe("canonicalTimeZone", () => {
  it.each([
    ["a listed zone", "Europe/Berlin", "Europe/Berlin"],
    ["a listed zone in odd case", "eUrOpE/bErLiN", "Europe/Berlin"],
    ["an alias", "US/Eastern", "America/New_York"],
    ["an alias in odd case", "uS/eAsTeRn", "America/New_York"],
    ["UTC in lower case", "utc", "UTC"],
    ["no zone", "Mars/Olympus", undefined],
    ["the empty name", "", undefined],
    // KELVIN SIGN lower-cases to "k" in Unicode, but Intl folds ASCII only.
    ["a name that is a zone only under Unicode case folding", "Europe/\u212Aiev", undefined],
  ])("agrees with Intl on %s", (_label, name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
    expect(intlCanonical(name)).toBe(canonical);
    expect(isKnownTimeZone(name)).toBe(canonical !== undefined);
  });

  it("formats a time the same in every spelling of a zone", () => {
    const berlin = isoInZone(1780000000, "Europe/Berlin");
    expect(berlin).toBe("2026-05-28T22:26:40+02:00");
    expect(isoInZone(1780000000, "EUROPE/BERLIN")).toBe(berlin);
    expect(isoInZone(1780000000, "uS/eAsTeRn")).toBe("2026-05-28T16:26:40-04:00");
  });

  it("falls back to UTC for a zone the runtime does not know", () => {
    expect(isoInZone(1780000000, "Mars/Olympus")).toBe("2026-05-28T20:26:40+00:00");
  });
});
