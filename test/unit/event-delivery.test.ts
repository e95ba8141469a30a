import { checkDelivery } from "../../src/events/event-delivery";

// The route refuses a body without `auth[application_token]` first, so these bodies never reach the
// check through HTTP; the check still refuses them on its own, whoever calls it.
describe("checkDelivery", () => {
  it.each([
    ["null", null],
    ["an array", [{ event: "ONBOOKINGADD", data: { ID: "1" }, ts: "1" }]],
    ["a string", "event=ONBOOKINGADD&data[ID]=1&ts=1"],
    ["a number", 1],
    ["undefined", undefined],
  ])("refuses a body that is %s, saying what a body must be", (_, body) => {
    expect(checkDelivery(body)).toEqual({
      ok: false,
      reason: "the body must be form fields or a JSON object",
    });
  });

  it("reads a delivery's form fields into what changed", () => {
    expect(checkDelivery({ event: "onBookingAdd", data: { ID: "14" }, ts: "1733000000" })).toEqual({
      ok: true,
      delivery: {
        event: "ONBOOKINGADD",
        entity: "booking",
        kind: "ADDED",
        id: 14,
        ts: 1_733_000_000,
      },
    });
  });
});
