import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
import { MANUAL_CLOCK_START, ManualClock } from "../helpers/manual-clock";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";
import { callWithToken, installInto } from "./application-client";
import { EventReceiver } from "./event-receiver";
import {
  bookingFields,
  expectError,
  postJson,
  type ErrorBody,
  type Reply,
  type SuccessBody,
} from "./rest-client";

failOnUnhandledRejections();

const JUNE_2_2026_9AM_BERLIN = Date.parse("2026-06-02T09:00:00+02:00") / 1000;

interface QueuedRecord {
  ID: string;
  TIMESTAMP_X: string;
  EVENT_NAME: string;
  EVENT_DATA: { ID: string };
  EVENT_ADDITIONAL: false;
  MESSAGE_ID: string;
}

interface ListedRecord extends QueuedRecord {
  PROCESS_ID: string;
  ERROR: "0" | "1";
}

interface TakenBatch {
  process_id: string | null;
  events: QueuedRecord[];
}

interface BatchBody {
  result: Record<string, unknown>;
  result_error: Record<string, ErrorBody> | [];
}

let clock: ManualClock;
let portal: DemoPortal;
let receiver: EventReceiver;
let accessToken: string;

async function startInstalled(options: DemoPortalOptions = {}): Promise<void> {
  clock = new ManualClock();
  portal = await startDemoPortal({ clock, oauthTokens: { "token-anna": 3 }, ...options });
  ({ accessToken } = await installInto(portal, receiver));
}

beforeEach(async () => {
  receiver = await EventReceiver.start();
  await startInstalled();
});
afterEach(async () => {
  await portal.close();
  await receiver.close();
});

/** A call with the installed application's token. */
function asApp<B = SuccessBody>(
  method: string,
  params: Record<string, unknown> = {},
): Promise<Reply<B>> {
  return callWithToken<B>(portal, accessToken, method, params);
}

/** A call with the application's token that must succeed; its result. */
async function appResult<R>(method: string, params: Record<string, unknown> = {}): Promise<R> {
  const reply = await asApp<SuccessBody<R>>(method, params);
  expect(reply.status).toBe(200);
  return reply.body.result;
}

/** A change made through the incoming webhook, as any user of the portal would make it. */
async function rest<R = unknown>(method: string, params: Record<string, unknown>): Promise<R> {
  const reply = await postJson<SuccessBody<R>>(`${portal.webhookUrl}${method}`, params);
  expect(reply.status).toBe(200);
  return reply.body.result;
}

function bindOffline(event: string): Promise<true> {
  return appResult<true>("event.bind", { event, event_type: "offline" });
}

function addBooking(): Promise<number> {
  return rest<number>("booking.v1.booking.add", { fields: bookingFields(JUNE_2_2026_9AM_BERLIN) });
}

function rename(id: number, name: string): Promise<unknown> {
  return rest("booking.v1.booking.update", { id, fields: { name } });
}

function list(params: Record<string, unknown> = {}): Promise<ListedRecord[]> {
  return appResult<ListedRecord[]>("event.offline.list", params);
}

function take(params: Record<string, unknown> = {}): Promise<TakenBatch> {
  return appResult<TakenBatch>("event.offline.get", params);
}

/** "EVENT_NAME ID=<object>" for each record, in the order given. */
function summary(records: readonly QueuedRecord[]): string[] {
  return records.map((record) => `${record.EVENT_NAME} ID=${record.EVENT_DATA.ID}`);
}

/** PHP's date('c') for a moment `secondsIn` after the manual clock's start. */
function dateAt(secondsIn: number): string {
  return new Date(MANUAL_CLOCK_START + secondsIn * 1000).toISOString().replace(".000Z", "+00:00");
}

describe("offline bindings", () => {
  it("binds a booking event offline without a handler, once; a second binding is ERROR_CORE", async () => {
    expect(await bindOffline("onBookingAdd")).toBe(true);
    expectError(
      await asApp("event.bind", { event: "ONBOOKINGADD", event_type: "offline" }),
      "ERROR_CORE",
      "Unable to set event handler: Handler already binded",
    );
    // An online handler of the same event is a binding of its own.
    await appResult("event.bind", { event: "ONBOOKINGADD", handler: receiver.url });
    expect(await appResult("event.get")).toEqual([
      { event: "ONBOOKINGADD", connector_id: "", offline: 1 },
      { event: "ONBOOKINGADD", handler: receiver.url, auth_type: "0", offline: 0 },
    ]);
  });

  it("refuses to put ONOFFLINEEVENT itself into the queue, and unknown events", async () => {
    expectError(
      await asApp("event.bind", { event: "ONOFFLINEEVENT", event_type: "offline" }),
      "ERROR_ARGUMENT",
      "Offline event cannot be registered for this event.",
    );
    expectError(
      await asApp("event.bind", { event: "ONCRMDEALADD", event_type: "offline" }),
      "ERROR_EVENT_NOT_FOUND",
      "Event not found",
    );
  });

  it("unbinds the offline binding, after which changes are queued no more", async () => {
    await bindOffline("ONBOOKINGADD");
    await addBooking();
    expect(
      await appResult("event.unbind", { event: "ONBOOKINGADD", event_type: "offline" }),
    ).toEqual({ count: 1 });
    expect(await appResult("event.get")).toEqual([]);
    await addBooking();
    expect(summary(await list())).toHaveLength(1);
  });

  it("queues only the events bound offline, and sends them to no handler", async () => {
    await bindOffline("ONBOOKINGADD");
    const id = await addBooking();
    await rename(id, "Not bound");
    expect(summary(await list())).toEqual([`ONBOOKINGADD ID=${id}`]);
    expect(portal.stats()).toMatchObject({ offlineQueued: 1, eventsSent: 1 });
    // The one delivery is the installation's.
    expect(receiver.deliveries).toHaveLength(1);
  });
});

describe("who may use the queue", () => {
  it("refuses an incoming webhook with WRONG_AUTH_TYPE, also inside a batch", async () => {
    for (const method of [
      "event.offline.get",
      "event.offline.list",
      "event.offline.clear",
      "event.offline.error",
    ]) {
      expectError(
        await postJson(`${portal.webhookUrl}${method}`, { process_id: "x", message_id: [] }),
        "WRONG_AUTH_TYPE",
        "Current authorization type is denied for this method",
        403,
      );
    }
    const batch = await postJson<SuccessBody<BatchBody>>(`${portal.webhookUrl}batch`, {
      cmd: { get: "event.offline.get" },
    });
    expect(batch.body.result.result_error).toEqual({
      get: {
        error: "WRONG_AUTH_TYPE",
        error_description: "Current authorization type is denied for this method",
      },
    });
  });

  it("refuses a regular user's token with ACCESS_DENIED", async () => {
    for (const method of ["event.offline.get", "event.offline.list", "event.offline.clear"]) {
      expectError(
        await callWithToken(portal, "token-anna", method, { process_id: "x" }),
        "ACCESS_DENIED",
        "Access denied!",
        403,
      );
    }
    expectError(
      await callWithToken(portal, "token-anna", "event.bind", {
        event: "ONBOOKINGADD",
        event_type: "offline",
      }),
      "ACCESS_DENIED",
      "Access denied! Offline events binding requires administrator access rights",
      403,
    );
  });
});

describe("one record per change", () => {
  it("keeps one record per event and object, moved to the time of the latest change", async () => {
    await bindOffline("ONBOOKINGADD");
    await bindOffline("ONBOOKINGUPDATE");
    const first = await addBooking();
    clock.advance(5_000);
    const second = await addBooking();
    await rename(first, "One");
    clock.advance(7_000);
    await rename(first, "Two");
    await rename(first, "Three");

    const records = await list();
    expect(summary(records)).toEqual([
      `ONBOOKINGADD ID=${first}`,
      `ONBOOKINGADD ID=${second}`,
      `ONBOOKINGUPDATE ID=${first}`,
    ]);
    expect(records.map((record) => record.TIMESTAMP_X)).toEqual([dateAt(0), dateAt(5), dateAt(12)]);
    expect(records.map((record) => record.ID)).toEqual(["1", "2", "3"]);
    expect(records[2]).toEqual({
      ID: "3",
      TIMESTAMP_X: dateAt(12),
      EVENT_NAME: "ONBOOKINGUPDATE",
      EVENT_DATA: { ID: String(first) },
      EVENT_ADDITIONAL: false,
      MESSAGE_ID: expect.stringMatching(/^[0-9a-f]{32}$/),
      PROCESS_ID: "",
      ERROR: "0",
    });
    expect(portal.stats().offlineQueued).toBe(3);
  });

  it("keeps one record per object, naming its latest event, with offlineCollapse object", async () => {
    await portal.close();
    await startInstalled({ offlineCollapse: "object" });
    await bindOffline("ONBOOKINGADD");
    await bindOffline("ONBOOKINGUPDATE");
    await bindOffline("ONBOOKINGDELETE");
    const id = await addBooking();
    await rename(id, "One");
    clock.advance(2_000);
    await rest("booking.v1.booking.delete", { id });
    // Another kind of record with the same id is another object.
    await appResult("event.bind", { event: "ONBOOKINGWAITLISTITEMADD", event_type: "offline" });
    const itemId = await rest<number>("booking.v1.waitlist.add", { fields: { note: "x" } });

    const records = await list();
    expect(summary(records)).toEqual([
      `ONBOOKINGDELETE ID=${id}`,
      `ONBOOKINGWAITLISTITEMADD ID=${itemId}`,
    ]);
    expect(records[0]?.TIMESTAMP_X).toBe(dateAt(2));
  });
});

describe("event.offline.get", () => {
  beforeEach(async () => {
    await bindOffline("ONBOOKINGADD");
    await bindOffline("ONBOOKINGUPDATE");
  });

  it("returns the oldest records first and deletes them by default", async () => {
    const first = await addBooking();
    clock.advance(1_000);
    const second = await addBooking();
    clock.advance(1_000);
    // Updating the first record's object again moves it to the end.
    await rename(first, "Later");
    await rename(second, "Later too");

    const batch = await take({ limit: 3 });
    expect(batch.process_id).toBeNull();
    expect(summary(batch.events)).toEqual([
      `ONBOOKINGADD ID=${first}`,
      `ONBOOKINGADD ID=${second}`,
      `ONBOOKINGUPDATE ID=${first}`,
    ]);
    expect(summary(await list())).toEqual([`ONBOOKINGUPDATE ID=${second}`]);
    expect(portal.stats().offlineQueued).toBe(1);
    expect(summary((await take()).events)).toEqual([`ONBOOKINGUPDATE ID=${second}`]);
    expect(await take()).toEqual({ process_id: null, events: [] });
  });

  it("with clear=0 reserves the records under a process id and hides them from other gets", async () => {
    const ids = [await addBooking(), await addBooking(), await addBooking()];
    const reserved = await take({ clear: 0, limit: 2 });
    expect(reserved.process_id).toMatch(/^[0-9a-f]{32}$/);
    expect(summary(reserved.events)).toEqual(ids.slice(0, 2).map((id) => `ONBOOKINGADD ID=${id}`));

    const other = await take({ clear: 0 });
    expect(summary(other.events)).toEqual([`ONBOOKINGADD ID=${ids[2]}`]);
    expect(other.process_id).not.toBe(reserved.process_id);
    expect((await list()).map((record) => record.PROCESS_ID)).toEqual([
      reserved.process_id,
      reserved.process_id,
      other.process_id,
    ]);
    expect(await take({ clear: 0 })).toMatchObject({ events: [] });

    // The process id gives the same records again, and reserves nothing new.
    await addBooking();
    const again = await take({ clear: 0, process_id: reserved.process_id });
    expect(again).toEqual(reserved);
    expect(await appResult("event.offline.clear", { process_id: reserved.process_id })).toBe(true);
    expect((await list()).map((record) => record.PROCESS_ID)).toEqual([other.process_id, ""]);
  });

  it("never gives two parallel gets the same record", async () => {
    for (let index = 0; index < 7; index += 1) await addBooking();
    const batches = await Promise.all([1, 2, 3, 4].map(() => take({ clear: 0, limit: 2 })));
    const seen = batches.flatMap((batch) => batch.events.map((record) => record.ID));
    expect(seen.sort()).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(new Set(batches.map((batch) => batch.process_id)).size).toBe(4);
  });

  it("keeps a change made during a reservation after the reservation is cleared", async () => {
    const id = await addBooking();
    await rename(id, "First");
    const reserved = await take({ clear: 0 });
    const update = reserved.events.find((record) => record.EVENT_NAME === "ONBOOKINGUPDATE");
    clock.advance(3_000);
    await rename(id, "During the reservation");

    // The server's MESSAGE_ID names the event and object, so the new record has the same one.
    const during = await list();
    expect(during.map((record) => [record.EVENT_NAME, record.PROCESS_ID])).toEqual([
      ["ONBOOKINGADD", reserved.process_id],
      ["ONBOOKINGUPDATE", reserved.process_id],
      ["ONBOOKINGUPDATE", ""],
    ]);
    expect(during[2]?.MESSAGE_ID).toBe(update?.MESSAGE_ID);

    await appResult("event.offline.clear", {
      process_id: reserved.process_id,
      message_id: reserved.events.map((record) => record.MESSAGE_ID),
    });
    const left = await list();
    expect(summary(left)).toEqual([`ONBOOKINGUPDATE ID=${id}`]);
    expect(left[0]).toMatchObject({ ID: "3", TIMESTAMP_X: dateAt(3), PROCESS_ID: "" });
  });

  it("with process_id and clear=1 deletes every record of the process, as the server does", async () => {
    for (let index = 0; index < 3; index += 1) await addBooking();
    const reserved = await take({ clear: 0 });
    const batch = await take({ process_id: reserved.process_id, limit: 1 });
    expect(batch.process_id).toBe(reserved.process_id);
    expect(batch.events).toHaveLength(1);
    expect(await list()).toEqual([]);
  });

  it("refuses a limit that is not positive", async () => {
    expectError(
      await asApp("event.offline.get", { limit: 0 }),
      "ERROR_ARGUMENT",
      "Value must be positive integer",
    );
  });

  it("sorts by the order given", async () => {
    const first = await addBooking();
    const second = await addBooking();
    const batch = await take({ order: { ID: "DESC" } });
    expect(summary(batch.events)).toEqual([
      `ONBOOKINGADD ID=${second}`,
      `ONBOOKINGADD ID=${first}`,
    ]);
  });
});

describe("event.offline.clear", () => {
  let reserved: TakenBatch;
  beforeEach(async () => {
    await bindOffline("ONBOOKINGADD");
    for (let index = 0; index < 4; index += 1) await addBooking();
    reserved = await take({ clear: 0 });
  });

  it("deletes only the process's records with the given ids, or MESSAGE_IDs", async () => {
    const [one, two, three, four] = reserved.events;
    await appResult("event.offline.clear", { process_id: "another", id: [one?.ID] });
    expect(await list()).toHaveLength(4);
    await appResult("event.offline.clear", { process_id: reserved.process_id, id: [one?.ID] });
    await appResult("event.offline.clear", {
      process_id: reserved.process_id,
      message_id: [three?.MESSAGE_ID],
    });
    expect((await list()).map((record) => record.ID)).toEqual([two?.ID, four?.ID]);
    await appResult("event.offline.clear", { process_id: reserved.process_id });
    expect(await list()).toEqual([]);
    expect(portal.stats().offlineQueued).toBe(0);
  });

  it("needs a process id, arrays of ids, and MESSAGE_IDs of 32 characters", async () => {
    expectError(
      await asApp("event.offline.clear", {}),
      "ERROR_ARGUMENT",
      "Argument 'PROCESS_ID' is null or empty",
    );
    expectError(
      await asApp("event.offline.clear", {
        process_id: reserved.process_id,
        message_id: ["short"],
      }),
      "ERROR_ARGUMENT",
      "Value must be array of MESSAGE_ID values",
    );
    expectError(
      await asApp("event.offline.clear", { process_id: reserved.process_id, id: "1" }),
      "ERROR_ARGUMENT",
      "Value must be array of integers",
    );
    expect(await list()).toHaveLength(4);
  });
});

describe("event.offline.error", () => {
  it("marks records as errors, which only a get with error=1 returns again", async () => {
    await bindOffline("ONBOOKINGADD");
    const ids = [await addBooking(), await addBooking()];
    const reserved = await take({ clear: 0 });
    const failed = reserved.events[0];
    expect(
      await appResult("event.offline.error", {
        process_id: reserved.process_id,
        message_id: [failed?.MESSAGE_ID],
      }),
    ).toBe(true);
    expect((await list()).map((record) => [record.ID, record.PROCESS_ID, record.ERROR])).toEqual([
      [failed?.ID, "", "1"],
      [reserved.events[1]?.ID, reserved.process_id, "0"],
    ]);

    await addBooking();
    const plain = await take({ clear: 0 });
    expect(summary(plain.events)).toEqual([`ONBOOKINGADD ID=${ids[1]! + 1}`]);
    const retried = await take({ clear: 0, error: 1 });
    expect(summary(retried.events)).toEqual([`ONBOOKINGADD ID=${ids[0]}`]);
    expect((await list())[0]).toMatchObject({ PROCESS_ID: retried.process_id, ERROR: "1" });
    await appResult("event.offline.clear", { process_id: retried.process_id });
    expect((await list()).map((record) => record.ID)).toEqual([reserved.events[1]?.ID, "3"]);
  });

  it("needs a process id and an array of MESSAGE_IDs", async () => {
    expectError(
      await asApp("event.offline.error", { message_id: [] }),
      "ERROR_ARGUMENT",
      "Argument 'PROCESS_ID' is null or empty",
    );
    expectError(
      await asApp("event.offline.error", { process_id: "p" }),
      "ERROR_ARGUMENT",
      "Value must be array of MESSAGE_ID values",
    );
  });
});

describe("event.offline.list", () => {
  it("pages 50 records at a time with total and next, and leaves the queue as it is", async () => {
    await bindOffline("ONBOOKINGWAITLISTITEMADD");
    const add = "booking.v1.waitlist.add?fields[note]=x";
    await rest("batch", { cmd: Array.from({ length: 50 }, () => add) });
    await rest("batch", { cmd: Array.from({ length: 5 }, () => add) });

    const first = await asApp<SuccessBody<ListedRecord[]> & { total: number; next?: number }>(
      "event.offline.list",
    );
    expect(first.body.result).toHaveLength(50);
    expect(first.body).toMatchObject({ total: 55, next: 50 });
    const second = await asApp<SuccessBody<ListedRecord[]> & { total: number; next?: number }>(
      "event.offline.list",
      { start: 50 },
    );
    expect(second.body.result.map((record) => record.ID)).toEqual(["51", "52", "53", "54", "55"]);
    expect(second.body.total).toBe(55);
    expect(second.body.next).toBeUndefined();
    expect(portal.stats().offlineQueued).toBe(55);
  });
});

describe("feature.get", () => {
  it("tells rest_offline_extended is on, and any other feature off", async () => {
    expect(await appResult("feature.get", { CODE: "rest_offline_extended" })).toEqual({
      value: "Y",
    });
    expect(await appResult("feature.get", { code: "rest_auth_connector" })).toEqual({
      value: "N",
    });
    expectError(await asApp("feature.get"), "CODE_EMPTY", "CODE can't be empty");
    // Any caller may ask.
    const viaWebhook = await postJson<SuccessBody>(`${portal.webhookUrl}feature.get`, {
      CODE: "rest_offline_extended",
    });
    expect(viaWebhook.body.result).toEqual({ value: "Y" });
  });

  it("tells it is off with offlineExtended false, where gets cannot reserve", async () => {
    await portal.close();
    await startInstalled({ offlineExtended: false });
    expect(await appResult("feature.get", { CODE: "rest_offline_extended" })).toEqual({
      value: "N",
    });
    await bindOffline("ONBOOKINGADD");
    await addBooking();
    expectError(
      await asApp("event.offline.get", { clear: 0 }),
      "ACCESS_DENIED",
      "Access denied! extended offline events handling",
      403,
    );
    expect(summary((await take()).events)).toHaveLength(1);
  });
});

describe("inside a batch", () => {
  it("reserves and clears with the process id chained from the get", async () => {
    await bindOffline("ONBOOKINGADD");
    await addBooking();
    await addBooking();
    const reply = await asApp<SuccessBody<BatchBody>>("batch", {
      halt: 1,
      cmd: {
        feature: "feature.get?CODE=rest_offline_extended",
        get: "event.offline.get?clear=0&limit=1",
        clear: "event.offline.clear?process_id=$result[get][process_id]",
        list: "event.offline.list",
      },
    });
    expect(reply.body.result.result_error).toEqual([]);
    const { result } = reply.body.result;
    expect(result.feature).toEqual({ value: "Y" });
    expect((result.get as TakenBatch).events).toHaveLength(1);
    expect(result.clear).toBe(true);
    expect(summary(result.list as ListedRecord[])).toHaveLength(1);
    expect(portal.stats().offlineQueued).toBe(1);
  });
});

describe("uninstall", () => {
  it("takes the queue with it", async () => {
    await bindOffline("ONBOOKINGADD");
    await addBooking();
    await portal.waitFor((stats) => stats.offlineQueued === 1);
    await portal.uninstallApplication();
    expect(portal.stats().offlineQueued).toBe(0);
    ({ accessToken } = await installInto(portal, receiver));
    expect(await list()).toEqual([]);
    // The offline binding went too: new changes are not queued.
    await addBooking();
    expect(await list()).toEqual([]);
  });
});
