import { postForm, postJson, type SuccessBody, expectError, useDemoPortal } from "./rest-client";

interface SlotWire {
  from: number;
  id: number;
  slotSize: number;
  timezone: string;
  to: number;
  weekDays: string[];
}
type SlotsBody = SuccessBody<{ slots: SlotWire[] }>;

const WORKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"];
const MORNING = { from: 540, to: 780, timezone: "Europe/Berlin", weekDays: WORKDAYS, slotSize: 30 };

const demo = useDemoPortal();
const call = demo.call;

async function listSlots(resourceId: number): Promise<SlotsBody> {
  const reply = await postJson<SlotsBody>(call("booking.v1.resource.slots.list"), { resourceId });
  expect(reply.status).toBe(200);
  return reply.body;
}

async function setSlots(resourceId: unknown, slots: unknown) {
  return postJson<SuccessBody<boolean>>(call("booking.v1.resource.slots.set"), {
    resourceId,
    slots,
  });
}

describe("booking.v1.resource.slots.list", () => {
  it("returns the seeded Mon-Fri 9:00-18:00 Berlin range with sorted keys and total 0", async () => {
    const body = await listSlots(1);
    expect(body.result).toEqual({
      slots: [
        {
          from: 540,
          id: expect.any(Number),
          slotSize: 60,
          timezone: "Europe/Berlin",
          to: 1080,
          weekDays: WORKDAYS,
        },
      ],
    });
    expect(Object.keys(body.result.slots[0] ?? {})).toEqual([
      "from",
      "id",
      "slotSize",
      "timezone",
      "to",
      "weekDays",
    ]);
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("answers 1009 for a missing resource and 100 without resourceId", async () => {
    expectError(
      await postJson(call("booking.v1.resource.slots.list"), { resourceId: 99 }),
      "1009",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.resource.slots.list"), {}),
      "100",
      "Could not find value for parameter {resourceId}",
    );
  });
});

describe("booking.v1.resource.slots.set", () => {
  it("replaces every range; the new ranges get ids", async () => {
    const before = await listSlots(3);
    expect(before.result.slots).toHaveLength(2);
    const afternoon = { ...MORNING, from: 840, to: 1080, weekDays: ["Sat"], slotSize: 45 };
    const reply = await setSlots(3, [MORNING, { ...afternoon, ignored: true }]);
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    const slots = (await listSlots(3)).result.slots;
    expect(slots.map(({ id: _id, ...slot }) => slot)).toEqual([MORNING, afternoon]);
    const oldIds = before.result.slots.map((slot) => slot.id);
    for (const slot of slots) expect(oldIds).not.toContain(slot.id);
    expect(new Set(slots.map((slot) => slot.id)).size).toBe(2);
  });

  it("accepts the whole day (0 to 1440), a bare week day, and stores UTC for an unknown zone", async () => {
    await setSlots(2, [
      { from: 0, to: 1440, timezone: "Mars/Olympus", weekDays: "Sun", slotSize: 0 },
    ]);
    expect((await listSlots(2)).result.slots).toEqual([
      {
        from: 0,
        id: expect.any(Number),
        slotSize: 0,
        timezone: "UTC",
        to: 1440,
        weekDays: ["Sun"],
      },
    ]);
  });

  it("reads a form-urlencoded body with PHP-style keys", async () => {
    const reply = await postForm(
      call("booking.v1.resource.slots.set"),
      "resourceId=1&slots[0][from]=600&slots[0][to]=720&slots[0][timezone]=Europe/Berlin" +
        "&slots[0][weekDays][]=Tue&slots[0][weekDays][]=Thu&slots[0][slotSize]=20",
    );
    expect(reply.status).toBe(200);
    expect((await listSlots(1)).result.slots).toEqual([
      {
        from: 600,
        id: expect.any(Number),
        slotSize: 20,
        timezone: "Europe/Berlin",
        to: 720,
        weekDays: ["Tue", "Thu"],
      },
    ]);
  });

  it("clears the ranges with an empty list", async () => {
    expect((await setSlots(1, [])).status).toBe(200);
    expect((await listSlots(1)).result.slots).toEqual([]);
  });

  describe("errors", () => {
    it("answers 100 when resourceId or slots is missing, or slots is not a list", async () => {
      expectError(
        await postJson(call("booking.v1.resource.slots.set"), { slots: [MORNING] }),
        "100",
        "Could not find value for parameter {resourceId}",
      );
      expectError(
        await postJson(call("booking.v1.resource.slots.set"), { resourceId: 1 }),
        "100",
        "Could not find value for parameter {slots}",
      );
      expectError(
        await setSlots(1, "Mon"),
        "100",
        "Invalid value {Mon} to match with parameter {slots}. Should be value of type array.",
      );
    });

    it("answers 0 naming the keys a range lacks, and 422 for a range that is not an object", async () => {
      expectError(
        await setSlots(1, [{ from: 540, to: 600 }]),
        "0",
        "Required fields: timezone, weekDays, slotSize",
      );
      expectError(
        await setSlots(1, ["9-18"]),
        "422",
        "Array's element must be array, string given",
      );
    });

    it("answers 1009 for a missing resource", async () => {
      expectError(await setSlots(99, [MORNING]), "1009", "Resource not found");
    });

    it("answers 422 for times outside 0..1440, from not before to, bad days or sizes", async () => {
      for (const bad of [
        { from: -1 },
        { to: 1441 },
        { from: 600, to: 600 },
        { from: 700, to: 600 },
        { weekDays: [] },
        { weekDays: ["Monday"] },
        { weekDays: ["mon"] },
        { slotSize: -5 },
        { from: "nine" },
      ]) {
        expectError(await setSlots(1, [{ ...MORNING, ...bad }]), "422", "Invalid range fields");
      }
      expect((await listSlots(1)).result.slots.map((slot) => slot.slotSize)).toEqual([60]);
    });
  });
});

describe("booking.v1.resource.slots.unset", () => {
  it("removes every range of the resource", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.resource.slots.unset"), {
      resourceId: 3,
    });
    expect(reply.body.result).toBe(true);
    expect((await listSlots(3)).result.slots).toEqual([]);
  });

  it("answers 1009 for a missing resource and 100 without resourceId", async () => {
    expectError(
      await postJson(call("booking.v1.resource.slots.unset"), { resourceId: 99 }),
      "1009",
      "Resource not found",
    );
    expectError(
      await postJson(call("booking.v1.resource.slots.unset"), {}),
      "100",
      "Could not find value for parameter {resourceId}",
    );
  });
});

describe("slots inside batch", () => {
  it("sets slots on a resource added earlier in the same batch through $result[add]", async () => {
    const query = [
      "resourceId=$result[add]",
      "slots[0][from]=480",
      "slots[0][to]=960",
      "slots[0][timezone]=Europe/Berlin",
      "slots[0][weekDays][0]=Mon",
      "slots[0][weekDays][1]=Wed",
      "slots[0][slotSize]=60",
    ].join("&");
    const reply = await postJson<SuccessBody<{ result: Record<string, unknown> }>>(
      `${demo.portal.webhookUrl}batch`,
      {
        halt: 1,
        cmd: {
          add: "booking.v1.resource.add?fields[name]=Room 3&fields[typeId]=1",
          slots: `booking.v1.resource.slots.set?${query}`,
          read: "booking.v1.resource.slots.list?resourceId=$result[add]",
        },
      },
    );
    expect(reply.status).toBe(200);
    const { result } = reply.body.result;
    expect(result.add).toBe(4);
    expect(result.slots).toBe(true);
    expect(result.read).toEqual({
      slots: [
        {
          from: 480,
          id: expect.any(Number),
          slotSize: 60,
          timezone: "Europe/Berlin",
          to: 960,
          weekDays: ["Mon", "Wed"],
        },
      ],
    });
  });
});
