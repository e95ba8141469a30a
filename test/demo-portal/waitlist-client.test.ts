import { postForm, postJson, type SuccessBody, expectError, useDemoPortal } from "./rest-client";

interface ClientWire {
  id: number;
  type: { code: string; module: string };
}
type ListBody = SuccessBody<{ waitListClient: ClientWire[] }>;

const CONTACT = { module: "crm", code: "CONTACT" };
const COMPANY = { module: "crm", code: "COMPANY" };

const demo = useDemoPortal();
const call = demo.call;

async function listClients(waitListId: number): Promise<ListBody> {
  const reply = await postJson<ListBody>(call("booking.v1.waitlist.client.list"), { waitListId });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe("booking.v1.waitlist.client.set / list / unset", () => {
  it("lists the seeded contact of item 1 under waitListClient with total 0", async () => {
    const body = await listClients(1);
    expect(body.result).toEqual({
      waitListClient: [{ id: 2, type: { code: "CONTACT", module: "crm" } }],
    });
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty("next");
  });

  it("replaces the clients on set, dropping duplicates and unknown keys", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.waitlist.client.set"), {
      waitListId: 3,
      clients: [
        { id: 1, type: COMPANY, role: "payer" },
        { id: 2, type: CONTACT },
        { id: "1", type: COMPANY },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    expect((await listClients(3)).result.waitListClient).toEqual([
      { id: 1, type: { code: "COMPANY", module: "crm" } },
      { id: 2, type: { code: "CONTACT", module: "crm" } },
    ]);
  });

  it("reads a form-urlencoded body with PHP-style keys", async () => {
    const reply = await postForm(
      call("booking.v1.waitlist.client.set"),
      "waitListId=1&clients[0][id]=1&clients[0][type][module]=crm&clients[0][type][code]=CONTACT",
    );
    expect(reply.status).toBe(200);
    expect((await listClients(1)).result.waitListClient).toEqual([
      { id: 1, type: { code: "CONTACT", module: "crm" } },
    ]);
  });

  it("unset removes every client", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.waitlist.client.unset"), {
      waitListId: 1,
    });
    expect(reply.body.result).toBe(true);
    expect((await listClients(1)).result.waitListClient).toEqual([]);
  });

  describe("errors", () => {
    it("answers 1040 for a missing item on every method", async () => {
      for (const [method, extra] of [
        ["list", {}],
        ["set", { clients: [{ id: 1, type: CONTACT }] }],
        ["unset", {}],
      ] as const) {
        expectError(
          await postJson(call(`booking.v1.waitlist.client.${method}`), {
            waitListId: 99,
            ...extra,
          }),
          "1040",
          "Wait list not found",
        );
      }
    });

    it("answers 100 for missing arguments", async () => {
      expectError(
        await postJson(call("booking.v1.waitlist.client.list"), {}),
        "100",
        "Could not find value for parameter {waitListId}",
      );
      expectError(
        await postJson(call("booking.v1.waitlist.client.set"), { waitListId: 1 }),
        "100",
        "Could not find value for parameter {clients}",
      );
    });

    it("answers 0 naming missing keys, 422 for a bad item or client type", async () => {
      expectError(
        await postJson(call("booking.v1.waitlist.client.set"), {
          waitListId: 1,
          clients: [{ id: 1 }],
        }),
        "0",
        "Required fields: type",
      );
      expectError(
        await postJson(call("booking.v1.waitlist.client.set"), { waitListId: 1, clients: [7] }),
        "422",
        "Array's element must be array, string given",
      );
      expectError(
        await postJson(call("booking.v1.waitlist.client.set"), {
          waitListId: 1,
          clients: [{ id: 1, type: { module: "crm", code: "LEAD" } }],
        }),
        "422",
        "Invalid client type",
      );
      expect((await listClients(1)).result.waitListClient).toHaveLength(1);
    });
  });
});
