import { startDemoPortal, type DemoPortal, type DemoPortalStats } from "../../src/demo-portal";
import { DELIVERY_TIMEOUT_MS } from "../../src/demo-portal/event-delivery";
import { ManualClock } from "../helpers/manual-clock";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import { EventReceiver, refusingUrl, type Delivery } from "./event-receiver";
import {
  bookingFields,
  expectError,
  get,
  postJson,
  type ErrorBody,
  type Reply,
  type SuccessBody,
} from "./rest-client";

// A delivery failure must never surface as an unhandled rejection.
failOnUnhandledRejections();

const APPLICATION_TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const JUNE_2_2026_9AM_BERLIN = Date.parse("2026-06-02T09:00:00+02:00") / 1000;
const ANNA = "Bearer token-anna";
const LUKAS = "Bearer token-lukas";

// Every test gets its own portal, clock and receiver: handler ids and counters start afresh.
let clock: ManualClock;
let portal: DemoPortal;
let receiver: EventReceiver;

beforeEach(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({
    clock,
    applicationToken: APPLICATION_TOKEN,
    oauthTokens: { "token-anna": 3, "token-lukas": 4 },
  });
  receiver = await EventReceiver.start();
  portal.setEventHandlerUrl(receiver.url);
});
afterEach(async () => {
  await portal.close();
  await receiver.close();
});

/** Runs a method as the webhook user and returns its result; the call must succeed. */
async function rest<R = unknown>(method: string, params: Record<string, unknown> = {}): Promise<R> {
  const reply = await postJson<SuccessBody<R>>(`${portal.webhookUrl}${method}`, params);
  expect(reply.status).toBe(200);
  return reply.body.result;
}

/** Calls a method with an application's OAuth token. */
function asApp<B = unknown>(
  authorization: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<Reply<B>> {
  return postJson<B>(`${portal.origin}/rest/${method}`, params, { authorization });
}

/** What tells deliveries apart: event, event_handler_id and data[ID]. */
function summary(delivery: Delivery): string {
  const form = new URLSearchParams(delivery.body);
  return `${form.get("event")} #${form.get("event_handler_id")} ID=${form.get("data[ID]")}`;
}

function addBooking(): Promise<number> {
  return rest<number>("booking.v1.booking.add", { fields: bookingFields(JUNE_2_2026_9AM_BERLIN) });
}

/** The outgoing webhook's auth: exactly these five keys. */
function webhookAuthFields(): Array<[string, string]> {
  return [
    ["auth[domain]", new URL(portal.origin).host],
    ["auth[client_endpoint]", `${portal.origin}/rest/`],
    ["auth[server_endpoint]", "https://oauth.bitrix.info/rest/"],
    ["auth[member_id]", portal.memberId],
    ["auth[application_token]", APPLICATION_TOKEN],
  ];
}

describe("deliveries to the outgoing webhook", () => {
  it("posts the event as a form with PHP-style keys, data[ID] only, ts and the webhook's auth", async () => {
    clock.advance(1_500);
    const id = await addBooking();

    const [delivery] = await receiver.received(1);
    const expected: Array<[string, string]> = [
      ["event", "ONBOOKINGADD"],
      ["event_handler_id", "7"],
      ["data[ID]", String(id)],
      ["ts", String(Math.floor(clock.now() / 1000))],
      ...webhookAuthFields(),
    ];
    expect(delivery?.contentType).toBe("application/x-www-form-urlencoded");
    expect(delivery?.fields).toEqual(expected);
    // Keys are percent-encoded like PHP's http_build_query: data%5BID%5D=16.
    expect(delivery?.body).toBe(
      expected
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
        .join("&"),
    );
    await portal.waitFor((stats) => stats.eventsSent === 1);
  });

  it("stamps ts with the Unix second of each change on the portal's clock", async () => {
    const firstAt = Math.floor(clock.now() / 1000);
    const id = await addBooking();
    // Moving the clock past a delivery still in flight would time it out: let it land first.
    await portal.waitFor((stats) => stats.eventsSent === 1);
    clock.advance(61_700);
    await rest("booking.v1.booking.update", { id, fields: { name: "Later" } });

    const deliveries = await receiver.received(2);
    const stamps = deliveries.map((delivery) => new URLSearchParams(delivery.body).get("ts"));
    expect(stamps).toEqual([String(firstAt), String(Math.floor(clock.now() / 1000))]);
  });

  it("sends each entity's ADD, UPDATE and DELETE with the webhook's handler id for that event", async () => {
    const typeId = await rest<number>("booking.v1.resourceType.add", {
      fields: { name: "Boats", code: "boats" },
    });
    await rest("booking.v1.resourceType.update", { id: typeId, fields: { name: "Ships" } });
    const resourceId = await rest<number>("booking.v1.resource.add", {
      fields: { name: "Pier 1", typeId },
    });
    await rest("booking.v1.resource.update", { id: resourceId, fields: { name: "Pier 2" } });
    await rest("booking.v1.resource.delete", { id: resourceId });
    await rest("booking.v1.resourceType.delete", { id: typeId });
    const bookingId = await addBooking();
    await rest("booking.v1.booking.update", { id: bookingId, fields: { name: "Moved" } });
    await rest("booking.v1.booking.delete", { id: bookingId });
    const itemId = await rest<number>("booking.v1.waitlist.add", { fields: { note: "Any day" } });
    await rest("booking.v1.waitlist.update", { id: itemId, fields: { note: "Mondays" } });
    await rest("booking.v1.waitlist.delete", { id: itemId });

    const deliveries = await receiver.received(12);
    expect(deliveries.map(summary)).toEqual([
      `ONBOOKINGRESOURCETYPEADD #1 ID=${typeId}`,
      `ONBOOKINGRESOURCETYPEUPDATE #2 ID=${typeId}`,
      `ONBOOKINGRESOURCEADD #4 ID=${resourceId}`,
      `ONBOOKINGRESOURCEUPDATE #5 ID=${resourceId}`,
      `ONBOOKINGRESOURCEDELETE #6 ID=${resourceId}`,
      `ONBOOKINGRESOURCETYPEDELETE #3 ID=${typeId}`,
      `ONBOOKINGADD #7 ID=${bookingId}`,
      `ONBOOKINGUPDATE #8 ID=${bookingId}`,
      `ONBOOKINGDELETE #9 ID=${bookingId}`,
      `ONBOOKINGWAITLISTITEMADD #10 ID=${itemId}`,
      `ONBOOKINGWAITLISTITEMUPDATE #11 ID=${itemId}`,
      `ONBOOKINGWAITLISTITEMDELETE #12 ID=${itemId}`,
    ]);
    await portal.waitFor((stats) => stats.eventsSent === 12);
  });

  it("sends ADD of the new record, then DELETE of the old one, for both createfrom* methods", async () => {
    const bookingId = await rest<number>("booking.v1.booking.createfromwaitlist", {
      waitListId: 1,
      fields: bookingFields(JUNE_2_2026_9AM_BERLIN),
    });
    const itemId = await rest<number>("booking.v1.waitlist.createfrombooking", { bookingId: 14 });

    const deliveries = await receiver.received(4);
    expect(deliveries.map(summary)).toEqual([
      `ONBOOKINGADD #7 ID=${bookingId}`,
      "ONBOOKINGWAITLISTITEMDELETE #12 ID=1",
      `ONBOOKINGWAITLISTITEMADD #10 ID=${itemId}`,
      "ONBOOKINGDELETE #9 ID=14",
    ]);
  });

  it("sends the events of a batch in command order, the chained and failed commands included", async () => {
    const reply = await postJson<SuccessBody<{ result_error: Record<string, ErrorBody> }>>(
      `${portal.webhookUrl}batch`,
      {
        halt: 0,
        cmd: {
          item: "booking.v1.waitlist.add?fields[note]=Call+back",
          missing: "booking.v1.booking.update?id=999&fields[name]=x",
          booking: `booking.v1.booking.createfromwaitlist?waitListId=$result[item]&fields[resourceIds][0]=1&fields[datePeriod][from][timestamp]=${JUNE_2_2026_9AM_BERLIN}&fields[datePeriod][from][timezone]=Europe/Berlin&fields[datePeriod][to][timestamp]=${JUNE_2_2026_9AM_BERLIN + 3600}&fields[datePeriod][to][timezone]=Europe/Berlin`,
          gone: "booking.v1.booking.delete?id=$result[booking]",
        },
      },
    );
    expect(Object.keys(reply.body.result.result_error)).toEqual(["missing"]);

    const deliveries = await receiver.received(4);
    expect(deliveries.map(summary)).toEqual([
      "ONBOOKINGWAITLISTITEMADD #10 ID=4",
      "ONBOOKINGADD #7 ID=16",
      "ONBOOKINGWAITLISTITEMDELETE #12 ID=4",
      "ONBOOKINGDELETE #9 ID=16",
    ]);
  });

  it("sends nothing for reads, failed calls, clients, external data and slots", async () => {
    const bookingClients = [{ id: 1, type: { module: "crm", code: "CONTACT" } }];
    const deal = [{ moduleId: "crm", entityTypeId: "DEAL", value: "1" }];
    await rest("booking.v1.booking.get", { id: 14 });
    await rest("booking.v1.booking.list");
    await postJson(`${portal.webhookUrl}booking.v1.booking.update`, { id: 999, fields: {} });
    await postJson(`${portal.webhookUrl}booking.v1.waitlist.delete`, { id: 999 });
    await rest("booking.v1.booking.client.set", { bookingId: 14, clients: bookingClients });
    await rest("booking.v1.booking.client.unset", { bookingId: 14 });
    await rest("booking.v1.booking.externalData.set", { bookingId: 14, externalData: deal });
    await rest("booking.v1.booking.externalData.unset", { bookingId: 14 });
    await rest("booking.v1.waitlist.client.set", { waitListId: 1, clients: bookingClients });
    await rest("booking.v1.waitlist.client.unset", { waitListId: 1 });
    await rest("booking.v1.waitlist.externalData.set", { waitListId: 1, externalData: deal });
    await rest("booking.v1.waitlist.externalData.unset", { waitListId: 1 });
    await rest("booking.v1.resource.slots.set", {
      resourceId: 1,
      slots: [{ from: 540, to: 1080, timezone: "Europe/Berlin", weekDays: ["Mon"], slotSize: 60 }],
    });
    await rest("booking.v1.resource.slots.unset", { resourceId: 1 });
    // A barrier: anything sent before would reach the same URL ahead of this event.
    await rest("booking.v1.waitlist.update", { id: 1, fields: { note: "barrier" } });

    const deliveries = await receiver.received(1);
    await portal.waitFor((stats) => stats.eventsSent === 1);
    expect(deliveries.map(summary)).toEqual(["ONBOOKINGWAITLISTITEMUPDATE #11 ID=1"]);
  });

  it("answers the REST call without waiting for the handler", async () => {
    receiver.holdAnswers = true;
    const id = await addBooking();
    await receiver.received(1);
    expect(portal.stats()).toMatchObject({ eventsSent: 0, eventsFailed: 0 });

    receiver.release();
    await portal.waitFor((stats) => stats.eventsSent === 1);
    expect(receiver.deliveries.map(summary)).toEqual([`ONBOOKINGADD #7 ID=${id}`]);
  });

  it("stops sending once the URL is unset, and sends to a new URL once set", async () => {
    portal.setEventHandlerUrl(undefined);
    await addBooking();
    const other = await EventReceiver.start();
    try {
      portal.setEventHandlerUrl(other.url);
      const id = await addBooking();
      const deliveries = await other.received(1);
      expect(deliveries.map(summary)).toEqual([`ONBOOKINGADD #7 ID=${id}`]);
      expect(receiver.deliveries).toEqual([]);
      expect(portal.stats()).toMatchObject({ eventsFailed: 0 });
    } finally {
      await other.close();
    }
  });
});

describe("failed deliveries", () => {
  it("counts a 500 answer as failed and never retries it", async () => {
    receiver.status = 500;
    const first = await addBooking();
    await portal.waitFor((stats) => stats.eventsFailed === 1);

    receiver.status = 200;
    await rest("booking.v1.booking.update", { id: first, fields: { name: "Next" } });
    await portal.waitFor((stats) => stats.eventsSent === 1);
    // Deliveries to one URL go in order: a retry of the first would have come before the second.
    expect(receiver.deliveries.map(summary)).toEqual([
      `ONBOOKINGADD #7 ID=${first}`,
      `ONBOOKINGUPDATE #8 ID=${first}`,
    ]);
    expect(portal.stats()).toMatchObject({ eventsSent: 1, eventsFailed: 1 });
  });

  it("counts a refused connection as failed, and the portal keeps answering", async () => {
    portal.setEventHandlerUrl(await refusingUrl());
    const id = await addBooking();
    await portal.waitFor((stats) => stats.eventsFailed === 1);

    expect(await rest("booking.v1.booking.get", { id })).toMatchObject({ booking: { id } });
    expect(portal.stats()).toMatchObject({ eventsSent: 0, eventsFailed: 1 });
  });

  it("gives up on a handler that has not answered in time on the portal's clock", async () => {
    receiver.holdAnswers = true;
    await addBooking();
    await receiver.received(1);
    clock.advance(DELIVERY_TIMEOUT_MS - 1);
    expect(portal.stats().eventsFailed).toBe(0);

    clock.advance(1);
    await portal.waitFor((stats) => stats.eventsFailed === 1);
    receiver.release();
    expect(receiver.deliveries).toHaveLength(1);
  });
});

describe("event counters", () => {
  it("are in stats() and GET /_demo/stats, and reset with the others", async () => {
    await addBooking();
    await portal.waitFor((stats) => stats.eventsSent === 1);
    const reply = await get<DemoPortalStats>(`${portal.origin}/_demo/stats`);
    expect(reply.body).toMatchObject({ eventsSent: 1, eventsFailed: 0 });

    portal.resetStats();
    expect(portal.stats()).toMatchObject({ eventsSent: 0, eventsFailed: 0 });
  });
});

describe("event.bind, event.get, event.unbind", () => {
  const bindAdd = (authorization: string, extra: Record<string, unknown> = {}) =>
    asApp(authorization, "event.bind", {
      event: "ONBOOKINGADD",
      handler: receiver.url,
      ...extra,
    });

  it("are refused to an incoming webhook with 403 WRONG_AUTH_TYPE, also inside a batch", async () => {
    for (const method of ["event.bind", "event.get", "event.unbind"]) {
      expectError(
        await postJson(`${portal.webhookUrl}${method}`, {
          event: "ONBOOKINGADD",
          handler: receiver.url,
        }),
        "WRONG_AUTH_TYPE",
        "Current authorization type is denied for this method",
        403,
      );
    }
    const batch = await postJson<SuccessBody<{ result_error: Record<string, ErrorBody> }>>(
      `${portal.webhookUrl}batch`,
      { cmd: { bind: `event.bind?event=ONBOOKINGADD&handler=${receiver.url}` } },
    );
    expect(batch.body.result.result_error).toEqual({
      bind: {
        error: "WRONG_AUTH_TYPE",
        error_description: "Current authorization type is denied for this method",
      },
    });
  });

  it("binds a handler that then gets events with its own handler id and the application's auth", async () => {
    const bound = await bindAdd(ANNA);
    expect(bound.status).toBe(200);
    expect((bound.body as SuccessBody).result).toBe(true);

    const id = await addBooking();
    // The webhook and the binding share the URL, so they arrive in handler-id order.
    const [toWebhook, toApplication] = await receiver.received(2);
    expect(toWebhook && summary(toWebhook)).toBe(`ONBOOKINGADD #7 ID=${id}`);
    expect(toApplication?.fields).toEqual([
      ["event", "ONBOOKINGADD"],
      ["event_handler_id", "13"],
      ["data[ID]", String(id)],
      ["ts", String(Math.floor(clock.now() / 1000))],
      ["auth[access_token]", "token-anna"],
      ["auth[expires_in]", "3600"],
      ["auth[scope]", "booking"],
      ["auth[domain]", new URL(portal.origin).host],
      ["auth[server_endpoint]", "https://oauth.bitrix.info/rest/"],
      ["auth[status]", "L"],
      ["auth[client_endpoint]", `${portal.origin}/rest/`],
      ["auth[member_id]", portal.memberId],
      ["auth[application_token]", APPLICATION_TOKEN],
    ]);
    await portal.waitFor((stats) => stats.eventsSent === 2);
  });

  it("takes the event name in any case and the parameter names in any case", async () => {
    const reply = await asApp(ANNA, "event.bind", {
      EVENT: "onBookingWaitListItemAdd",
      Handler: receiver.url,
    });
    expect(reply.status).toBe(200);
    const list = await asApp<SuccessBody>(ANNA, "event.get");
    expect(list.body.result).toEqual([
      { event: "ONBOOKINGWAITLISTITEMADD", handler: receiver.url, auth_type: "3", offline: 0 },
    ]);
  });

  it("answers the docs' errors for wrong parameters", async () => {
    const handler = receiver.url;
    const cases: Array<[Record<string, unknown>, string, string, number?]> = [
      [{ handler }, "ERROR_ARGUMENT", "Argument 'EVENT' is null or empty"],
      [{ event: "ONBOOKINGADD" }, "ERROR_ARGUMENT", "Argument 'HANDLER' is null or empty"],
      [{ event: "ONCRMDEALADD", handler }, "ERROR_EVENT_NOT_FOUND", "Event not found"],
      [
        { event: "ONBOOKINGADD", handler, event_type: "later" },
        "ERROR_ARGUMENT",
        "Value must be one of {online|offline}",
      ],
      [
        { event: "ONBOOKINGADD", handler, event_type: "offline" },
        "ACCESS_DENIED",
        "Access denied! Offline events binding requires administrator access rights",
        403,
      ],
      [
        { event: "ONBOOKINGADD", handler, auth_type: 4 },
        "ACCESS_DENIED",
        "Access denied! Event binding with AUTH_TYPE requires administrator access rights",
        403,
      ],
      [
        { event: "ONBOOKINGADD", handler: "ftp://hooks.example.com/" },
        "ERROR_UNSUPPORTED_PROTOCOL",
        "Unsupported handler protocol",
      ],
      [
        { event: "ONBOOKINGADD", handler: "http://localhost:8080/events" },
        "ERROR_WRONG_HANDLER_URL",
        "Wrong handler URL",
      ],
    ];
    for (const [params, code, description, status] of cases) {
      expectError(await asApp(ANNA, "event.bind", params), code, description, status);
    }
    expect((await asApp<SuccessBody>(ANNA, "event.get")).body.result).toEqual([]);
  });

  it("accepts the caller's own auth_type and refuses the same binding twice", async () => {
    expect((await bindAdd(ANNA, { auth_type: 3 })).status).toBe(200);
    expectError(
      await bindAdd(ANNA),
      "ERROR_CORE",
      "Unable to set event handler: Handler already binded",
    );
    // Another user's binding of the same URL is a binding of its own.
    expect((await bindAdd(LUKAS)).status).toBe(200);
  });

  it("lists only the caller's own handlers, in the order they were bound", async () => {
    await bindAdd(ANNA);
    await asApp(ANNA, "event.bind", { event: "ONBOOKINGDELETE", handler: `${receiver.url}b` });
    await bindAdd(LUKAS);

    expect((await asApp<SuccessBody>(ANNA, "event.get")).body.result).toEqual([
      { event: "ONBOOKINGADD", handler: receiver.url, auth_type: "3", offline: 0 },
      { event: "ONBOOKINGDELETE", handler: `${receiver.url}b`, auth_type: "3", offline: 0 },
    ]);
    expect((await asApp<SuccessBody>(LUKAS, "event.get")).body.result).toEqual([
      { event: "ONBOOKINGADD", handler: receiver.url, auth_type: "4", offline: 0 },
    ]);
  });

  it("unbinds the caller's own handler, counts what it removed, and its events stop", async () => {
    await bindAdd(ANNA);
    const unbind = { event: "onbookingadd", handler: receiver.url };
    expect((await asApp(LUKAS, "event.unbind", unbind)).body).toMatchObject({
      result: { count: 0 },
    });
    expect((await asApp(ANNA, "event.unbind", unbind)).body).toMatchObject({
      result: { count: 1 },
    });
    expect((await asApp(ANNA, "event.unbind", unbind)).body).toMatchObject({
      result: { count: 0 },
    });
    expect((await asApp<SuccessBody>(ANNA, "event.get")).body.result).toEqual([]);

    const id = await addBooking();
    await rest("booking.v1.booking.update", { id, fields: { name: "barrier" } });
    const deliveries = await receiver.received(2);
    expect(deliveries.map(summary)).toEqual([
      `ONBOOKINGADD #7 ID=${id}`,
      `ONBOOKINGUPDATE #8 ID=${id}`,
    ]);
  });

  it("refuses to unbind without an event or handler, or for another user", async () => {
    expectError(
      await asApp(ANNA, "event.unbind", { handler: receiver.url }),
      "ERROR_ARGUMENT",
      "Argument 'EVENT' is null or empty",
    );
    expectError(
      await asApp(ANNA, "event.unbind", { event: "ONBOOKINGADD" }),
      "ERROR_ARGUMENT",
      "Argument 'HANDLER' is null or empty",
    );
    expectError(
      await asApp(ANNA, "event.unbind", {
        event: "ONBOOKINGADD",
        handler: receiver.url,
        auth_type: 4,
      }),
      "ACCESS_DENIED",
      "Access denied! Event unbinding with AUTH_TYPE requires administrator access rights",
      403,
    );
  });
});

describe("options", () => {
  it("default to a random 32-hex application token and member id, and no outgoing webhook", async () => {
    const plain = await startDemoPortal();
    try {
      expect(plain.applicationToken).toMatch(/^[0-9a-f]{32}$/);
      expect(plain.memberId).toMatch(/^[0-9a-f]{32}$/);
      expect(plain.memberId).not.toBe(plain.applicationToken);
      await postJson(`${plain.webhookUrl}booking.v1.waitlist.add`, { fields: {} });
      expect(plain.stats()).toMatchObject({ eventsSent: 0, eventsFailed: 0 });
    } finally {
      await plain.close();
    }
  });

  it("take the handler URL at start", async () => {
    const configured = await startDemoPortal({ eventHandlerUrl: receiver.url });
    try {
      const reply = await postJson<SuccessBody<number>>(
        `${configured.webhookUrl}booking.v1.waitlist.add`,
        { fields: {} },
      );
      const [delivery] = await receiver.received(1);
      expect(delivery && summary(delivery)).toBe(
        `ONBOOKINGWAITLISTITEMADD #10 ID=${reply.body.result}`,
      );
    } finally {
      await configured.close();
    }
  });

  it("refuse a handler URL that is not absolute http(s), and an empty token", async () => {
    expect(() => portal.setEventHandlerUrl("ftp://hooks.example.com/")).toThrow(
      new TypeError(
        'eventHandlerUrl must be an absolute http or https URL, got "ftp://hooks.example.com/"',
      ),
    );
    expect(() => portal.setEventHandlerUrl("/relative")).toThrow(TypeError);
    await expect(startDemoPortal({ eventHandlerUrl: "hooks.example.com" })).rejects.toThrow(
      TypeError,
    );
    await expect(startDemoPortal({ applicationToken: "" })).rejects.toThrow(
      new TypeError('applicationToken must be a non-empty string, got ""'),
    );
  });
});
