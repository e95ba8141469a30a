import { postForm, postJson, type ErrorBody, type SuccessBody, useDemoPortal } from "./rest-client";

interface ExternalDataWire {
  entityTypeId: string;
  moduleId: string;
  value: string;
}
type ListBody = SuccessBody<{ externalData: ExternalDataWire[] }>;

const DEAL_1: ExternalDataWire = { entityTypeId: "DEAL", moduleId: "crm", value: "1" };

/** The same three methods exist for bookings and waitlist items; only these details differ. */
const OWNERS = [
  {
    prefix: "booking.v1.booking.externalData",
    idParam: "bookingId",
    emptyId: 12,
    notFound: { error: "1021", error_description: "Booking not found" },
  },
  {
    prefix: "booking.v1.waitlist.externalData",
    idParam: "waitListId",
    emptyId: 1,
    notFound: { error: "1040", error_description: "Wait list not found" },
  },
] as const;

const demo = useDemoPortal();
const call = demo.call;

function expectError(reply: { status: number; body: unknown }, error: ErrorBody) {
  expect(reply.status).toBe(400);
  expect(reply.body).toEqual<ErrorBody>(error);
}

it("links CRM deal 1 to seeded booking 14", async () => {
  const reply = await postJson<ListBody>(call("booking.v1.booking.externalData.list"), {
    bookingId: 14,
  });
  expect(reply.status).toBe(200);
  expect(reply.body.result).toEqual({ externalData: [DEAL_1] });
  expect(Object.keys(reply.body.result.externalData[0] ?? {})).toEqual([
    "entityTypeId",
    "moduleId",
    "value",
  ]);
  expect(reply.body.total).toBe(0);
  expect(reply.body).not.toHaveProperty("next");
});

describe.each(OWNERS)("$prefix", ({ prefix, idParam, emptyId, notFound }) => {
  async function list(id: number): Promise<ExternalDataWire[]> {
    const reply = await postJson<ListBody>(call(`${prefix}.list`), { [idParam]: id });
    expect(reply.status).toBe(200);
    return reply.body.result.externalData;
  }

  it("lists nothing for an item without links", async () => {
    expect(await list(emptyId)).toEqual([]);
  });

  it("set replaces the links; a numeric value comes back as text; unknown keys are dropped", async () => {
    const first = await postJson<SuccessBody<boolean>>(call(`${prefix}.set`), {
      [idParam]: emptyId,
      externalData: [{ moduleId: "crm", entityTypeId: "DEAL", value: 1, note: "x" }],
    });
    expect(first.status).toBe(200);
    expect(first.body.result).toBe(true);
    expect(await list(emptyId)).toEqual([DEAL_1]);

    await postJson(call(`${prefix}.set`), {
      [idParam]: emptyId,
      externalData: [
        { moduleId: "crm", entityTypeId: "DEAL", value: "2" },
        { moduleId: "crm", entityTypeId: "DEAL", value: "2" },
      ],
    });
    expect(await list(emptyId)).toEqual([{ ...DEAL_1, value: "2" }]);
  });

  it("reads a form-urlencoded body and unset removes every link", async () => {
    const set = await postForm(
      call(`${prefix}.set`),
      `${idParam}=${emptyId}&externalData[0][moduleId]=crm&externalData[0][entityTypeId]=DEAL&externalData[0][value]=5`,
    );
    expect(set.status).toBe(200);
    expect(await list(emptyId)).toEqual([{ ...DEAL_1, value: "5" }]);
    const unset = await postJson<SuccessBody<boolean>>(call(`${prefix}.unset`), {
      [idParam]: emptyId,
    });
    expect(unset.body.result).toBe(true);
    expect(await list(emptyId)).toEqual([]);
  });

  describe("errors", () => {
    it("answers the owner's not-found error on every method", async () => {
      for (const [method, extra] of [
        ["list", {}],
        ["set", { externalData: [DEAL_1] }],
        ["unset", {}],
      ] as const) {
        expectError(
          await postJson(call(`${prefix}.${method}`), { [idParam]: 999, ...extra }),
          notFound,
        );
      }
    });

    it("answers 100 for missing arguments", async () => {
      expectError(await postJson(call(`${prefix}.list`), {}), {
        error: "100",
        error_description: `Could not find value for parameter {${idParam}}`,
      });
      expectError(await postJson(call(`${prefix}.set`), { [idParam]: emptyId }), {
        error: "100",
        error_description: "Could not find value for parameter {externalData}",
      });
    });

    it("answers 0 naming the keys a link lacks", async () => {
      expectError(
        await postJson(call(`${prefix}.set`), {
          [idParam]: emptyId,
          externalData: [{ moduleId: "crm" }],
        }),
        { error: "0", error_description: "Required fields: entityTypeId, value" },
      );
    });

    it("answers 422 for anything but a CRM deal", async () => {
      expectError(
        await postJson(call(`${prefix}.set`), {
          [idParam]: emptyId,
          externalData: [{ moduleId: "tasks", entityTypeId: "DEAL", value: "1" }],
        }),
        { error: "422", error_description: "Invalid value of the moduleId field" },
      );
      expectError(
        await postJson(call(`${prefix}.set`), {
          [idParam]: emptyId,
          externalData: [{ moduleId: "crm", entityTypeId: "LEAD", value: "1" }],
        }),
        { error: "422", error_description: "Invalid value of the entityTypeId field" },
      );
      expect(await list(emptyId)).toEqual([]);
    });
  });
});
