import {
  get,
  JSON_CONTENT_TYPE,
  postForm,
  postJson,
  type ErrorBody,
  type SuccessBody,
  useDemoPortal,
} from "./rest-client";

interface BookingClientWire {
  id: number;
  type: { code: string; module: string };
}

const demo = useDemoPortal();
const call = demo.call;

async function listClients(
  bookingId: number,
): Promise<SuccessBody<{ bookingClient: BookingClientWire[] }>> {
  const reply = await postJson<SuccessBody<{ bookingClient: BookingClientWire[] }>>(
    call("booking.v1.booking.client.list"),
    { bookingId },
  );
  expect(reply.status).toBe(200);
  return reply.body;
}

function expectError(
  reply: { status: number; body: unknown },
  status: number,
  error: string,
  description: string,
) {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual<ErrorBody>({ error, error_description: description });
}

describe("booking.v1.booking.client.set / list / unset", () => {
  it("starts booking 14 with one company client", async () => {
    const body = await listClients(14);
    expect(body.result.bookingClient).toEqual([
      { id: 1, type: { code: "COMPANY", module: "crm" } },
    ]);
  });

  it("sets two contacts on booking 14 from a JSON body, lists them, and replaces them on the next set", async () => {
    const set = await postJson<SuccessBody<boolean>>(call("booking.v1.booking.client.set"), {
      bookingId: 14,
      clients: [
        { id: 1, type: { module: "crm", code: "CONTACT" } },
        { id: 2, type: { module: "crm", code: "CONTACT" } },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.contentType).toBe(JSON_CONTENT_TYPE);
    expect(set.body.result).toBe(true);

    const listed = await listClients(14);
    expect(listed.result).toEqual({
      bookingClient: [
        { id: 1, type: { code: "CONTACT", module: "crm" } },
        { id: 2, type: { code: "CONTACT", module: "crm" } },
      ],
    });
    expect(listed.total).toBe(0);
    expect(listed).not.toHaveProperty("next");

    await postJson(call("booking.v1.booking.client.set"), {
      bookingId: 14,
      clients: [{ id: 1, type: { module: "crm", code: "COMPANY" } }],
    });
    expect((await listClients(14)).result.bookingClient).toEqual([
      { id: 1, type: { code: "COMPANY", module: "crm" } },
    ]);
  });

  it("reads a form-urlencoded body with PHP-style nested keys", async () => {
    const reply = await postForm<SuccessBody<boolean>>(
      call("booking.v1.booking.client.set"),
      "bookingId=14&clients[0][id]=1&clients[0][type][module]=crm&clients[0][type][code]=CONTACT",
    );
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    expect((await listClients(14)).result.bookingClient).toEqual([
      { id: 1, type: { code: "CONTACT", module: "crm" } },
    ]);
  });

  it("reads percent-encoded brackets the same way", async () => {
    const form =
      "bookingId=14&clients%5B0%5D%5Bid%5D=2&clients%5B0%5D%5Btype%5D%5Bmodule%5D=crm&clients%5B0%5D%5Btype%5D%5Bcode%5D=CONTACT";
    expect((await postForm(call("booking.v1.booking.client.set"), form)).status).toBe(200);
    expect((await listClients(14)).result.bookingClient).toEqual([
      { id: 2, type: { code: "CONTACT", module: "crm" } },
    ]);
  });

  it("lets the body win over the query string for the same parameter", async () => {
    const clients = [{ id: 2, type: { module: "crm", code: "CONTACT" } }];
    const bodyWins = await postJson(call("booking.v1.booking.client.set?bookingId=999"), {
      bookingId: 14,
      clients,
    });
    expect(bodyWins.status).toBe(200);
    expect((await listClients(14)).result.bookingClient).toEqual([
      { id: 2, type: { code: "CONTACT", module: "crm" } },
    ]);

    const stillBodyWins = await postJson(call("booking.v1.booking.client.set?bookingId=14"), {
      bookingId: 999,
      clients,
    });
    expectError(stillBodyWins, 400, "1021", "Booking not found");
  });

  it("takes parameters the body does not have from the query string", async () => {
    const reply = await postForm(
      call("booking.v1.booking.client.set?bookingId=14"),
      "clients[0][id]=2&clients[0][type][module]=crm&clients[0][type][code]=CONTACT",
    );
    expect(reply.status).toBe(200);
  });

  it("unset removes every client of the booking", async () => {
    const reply = await postJson<SuccessBody<boolean>>(call("booking.v1.booking.client.unset"), {
      bookingId: 14,
    });
    expect(reply.body.result).toBe(true);
    expect((await listClients(14)).result.bookingClient).toEqual([]);
  });

  it("set with an empty list clears the clients", async () => {
    const reply = await postJson(call("booking.v1.booking.client.set"), {
      bookingId: 14,
      clients: [],
    });
    expect(reply.status).toBe(200);
    expect((await listClients(14)).result.bookingClient).toEqual([]);
  });

  describe("errors", () => {
    const contact = { id: 1, type: { module: "crm", code: "CONTACT" } };

    it("answers 100 when bookingId or clients is missing", async () => {
      expectError(
        await postJson(call("booking.v1.booking.client.set"), { clients: [contact] }),
        400,
        "100",
        "Could not find value for parameter {bookingId}",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.set"), { bookingId: 14 }),
        400,
        "100",
        "Could not find value for parameter {clients}",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.list"), {}),
        400,
        "100",
        "Could not find value for parameter {bookingId}",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.unset"), {}),
        400,
        "100",
        "Could not find value for parameter {bookingId}",
      );
    });

    it("answers 100 when clients is not an array", async () => {
      expectError(
        await postJson(call("booking.v1.booking.client.set"), {
          bookingId: 14,
          clients: "CONTACT",
        }),
        400,
        "100",
        "Invalid value {CONTACT} to match with parameter {clients}. Should be value of type array.",
      );
    });

    it("answers 0 naming the keys a client lacks", async () => {
      expectError(
        await postJson(call("booking.v1.booking.client.set"), {
          bookingId: 14,
          clients: [{ type: contact.type }],
        }),
        400,
        "0",
        "Required fields: id",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.set"), {
          bookingId: 14,
          clients: [{ id: 1 }],
        }),
        400,
        "0",
        "Required fields: type",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.set"), { bookingId: 14, clients: [{}] }),
        400,
        "0",
        "Required fields: id, type",
      );
    });

    it("answers 422 for a client type other than crm CONTACT or COMPANY", async () => {
      for (const type of [
        { module: "crm", code: "DEAL" },
        { module: "sale", code: "CONTACT" },
        { code: "CONTACT" },
      ]) {
        expectError(
          await postJson(call("booking.v1.booking.client.set"), {
            bookingId: 14,
            clients: [{ id: 1, type }],
          }),
          400,
          "422",
          "Invalid client type",
        );
      }
    });

    it("answers 1021 for a booking that does not exist", async () => {
      expectError(
        await postJson(call("booking.v1.booking.client.set"), {
          bookingId: 999,
          clients: [contact],
        }),
        400,
        "1021",
        "Booking not found",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.list"), { bookingId: 999 }),
        400,
        "1021",
        "Booking not found",
      );
      expectError(
        await postJson(call("booking.v1.booking.client.unset"), { bookingId: 999 }),
        400,
        "1021",
        "Booking not found",
      );
    });

    it("leaves the clients unchanged when a set is refused", async () => {
      await postJson(call("booking.v1.booking.client.set"), {
        bookingId: 14,
        clients: [contact, { id: 2, type: { module: "crm", code: "LEAD" } }],
      });
      expect((await listClients(14)).result.bookingClient).toEqual([
        { id: 1, type: { code: "COMPANY", module: "crm" } },
      ]);
    });
  });
});

describe("booking.v1.clienttype.list", () => {
  it("returns the two CRM client types with total 0", async () => {
    const reply = await get<SuccessBody>(call("booking.v1.clienttype.list"));
    expect(reply.status).toBe(200);
    expect(reply.body.result).toEqual({
      clientType: [
        { code: "COMPANY", module: "crm" },
        { code: "CONTACT", module: "crm" },
      ],
    });
    expect(reply.body.total).toBe(0);
  });
});
