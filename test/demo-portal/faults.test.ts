import { startDemoPortal, type DemoPortal, type DemoPortalFault } from "../../src/demo-portal";
import { ManualClock } from "../helpers/manual-clock";
import {
  bookingFields,
  get,
  postJson,
  resetPortal,
  send,
  type ErrorBody,
  type SuccessBody,
} from "./rest-client";

const MAY_4_2026_9AM_BERLIN = Date.parse("2026-05-04T09:00:00+02:00") / 1000;
const JSON_TYPE = "application/json; charset=utf-8";

// Hangs end only when the test moves this clock.
let clock: ManualClock;
let portal: DemoPortal;
let call: (method: string) => string;

beforeAll(async () => {
  clock = new ManualClock();
  portal = await startDemoPortal({ clock });
  call = (method) => `${portal.webhookUrl}${method}`;
});
afterAll(() => portal.close());
beforeEach(() => resetPortal(portal.origin)); // reloads the data and drops leftover faults

interface RawReply {
  status: number;
  contentType: string | null;
  text: string;
}

async function raw(url: string, init?: RequestInit): Promise<RawReply> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    text: await response.text(),
  };
}

async function inject(faults: DemoPortalFault | DemoPortalFault[]): Promise<void> {
  const reply = await send(`${portal.origin}/_demo/faults`, {
    method: "POST",
    body: JSON.stringify(faults),
  });
  expect(reply.status).toBe(200);
}

function addProbe(signal?: AbortSignal): Promise<Response> {
  return fetch(call("booking.v1.booking.add"), {
    signal,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      fields: bookingFields(MAY_4_2026_9AM_BERLIN, 60, { name: "Probe" }),
    }),
  });
}

/**
 * The probe booking as a GET whose parameters are all in the URL: once the request has arrived
 * there is no body left to read, so a client giving up cannot cut the parameters short.
 */
function addProbeByQuery(signal: AbortSignal): Promise<Response> {
  const query = [
    "fields[name]=Probe",
    "fields[resourceIds][0]=1",
    `fields[datePeriod][from][timestamp]=${MAY_4_2026_9AM_BERLIN}`,
    "fields[datePeriod][from][timezone]=Europe/Berlin",
    `fields[datePeriod][to][timestamp]=${MAY_4_2026_9AM_BERLIN + 3600}`,
    "fields[datePeriod][to][timezone]=Europe/Berlin",
  ].join("&");
  return fetch(call(`booking.v1.booking.add?${query}`), { signal });
}

async function bookingNames(): Promise<string[]> {
  const reply = await postJson<SuccessBody<{ booking: Array<{ name: string }> }>>(
    call("booking.v1.booking.list"),
    {},
  );
  expect(reply.status).toBe(200);
  return reply.body.result.booking.map((booking) => booking.name);
}

async function batch(cmd: unknown) {
  const reply = await postJson<
    SuccessBody<{ result: Record<string, unknown>; result_error: Record<string, ErrorBody> | [] }>
  >(call("batch"), { cmd });
  expect(reply.status).toBe(200);
  return reply.body.result;
}

describe("transport faults", () => {
  it("http-error answers the given status and body without running the call", async () => {
    await inject([
      {
        method: "booking.v1.booking.delete",
        kind: "http-error",
        status: 502,
        body: "upstream down",
      },
      { method: "booking.v1.booking.delete", kind: "http-error", status: 500 },
    ]);
    const custom = await raw(call("booking.v1.booking.delete?id=14"));
    expect(custom).toEqual<RawReply>({
      status: 502,
      contentType: "text/plain; charset=utf-8",
      text: "upstream down",
    });
    const standard = await raw(call("booking.v1.booking.delete?id=14"));
    expect(standard).toEqual<RawReply>({
      status: 500,
      contentType: JSON_TYPE,
      text: '{"error":"INTERNAL_SERVER_ERROR","error_description":"Internal server error"}',
    });
    expect((await get(call("booking.v1.booking.get?id=14"))).status).toBe(200);
    const stats = portal.stats();
    expect(stats.faultsInjected).toBe(2);
    expect(stats.callsByMethod).toEqual({ "booking.v1.booking.get": 1 });
    expect(stats.statusCounts).toEqual({ "200": 1, "500": 1, "502": 1 });
  });

  it("http-error sends a given content type", async () => {
    await inject({
      method: "*",
      kind: "http-error",
      status: 503,
      body: '{"error":"OVERLOAD_LIMIT"}',
      contentType: "application/json",
    });
    const reply = await raw(call("booking.v1.clienttype.list"));
    expect(reply).toEqual<RawReply>({
      status: 503,
      contentType: "application/json",
      text: '{"error":"OVERLOAD_LIMIT"}',
    });
  });

  it("html answers an HTML error page as a proxy would (502 by default)", async () => {
    await inject([
      { method: "booking.v1.clienttype.list", kind: "html" },
      { method: "booking.v1.clienttype.list", kind: "html", status: 504 },
    ]);
    const badGateway = await raw(call("booking.v1.clienttype.list"));
    expect(badGateway.status).toBe(502);
    expect(badGateway.contentType).toBe("text/html");
    expect(badGateway.text).toContain("<title>502 Bad Gateway</title>");
    const timeout = await raw(call("booking.v1.clienttype.list"));
    expect(timeout.status).toBe(504);
    expect(timeout.text).toContain("<title>504 Gateway Timeout</title>");
    expect(portal.stats().methodCalls).toBe(0);
  });

  it("malformed-json runs the call and truncates its JSON answer", async () => {
    await inject([
      { method: "booking.v1.booking.add", kind: "malformed-json" },
      { method: "booking.v1.clienttype.list", kind: "malformed-json", status: 500 },
    ]);
    const response = await addProbe();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(JSON_TYPE);
    const text = await response.text();
    expect(text.startsWith('{"result":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(await bookingNames()).toContain("Probe");

    const withStatus = await raw(call("booking.v1.clienttype.list"));
    expect(withStatus.status).toBe(500);
    expect(() => JSON.parse(withStatus.text) as unknown).toThrow();
  });

  it("hang with ms holds the answer that long, then answers normally", async () => {
    await inject({ method: "booking.v1.booking.get", kind: "hang", ms: 300 });
    const reply = get<SuccessBody<{ booking: { id: number } }>>(
      call("booking.v1.booking.get?id=14"),
    );
    await portal.waitFor((stats) => stats.inFlight === 1);
    expect(clock.pendingDelays).toEqual([300]);

    clock.advance(299);
    expect(portal.stats().statusCounts).toEqual({});

    clock.advance(1);
    const answered = await reply;
    expect(answered.status).toBe(200);
    expect(answered.body.result.booking.id).toBe(14);
    expect(answered.body.time.start).toBe((clock.now() - 300) / 1000);
  });

  it("hang still runs the call when the client gives up first, like a timed-out write", async () => {
    await inject({ method: "booking.v1.booking.add", kind: "hang", ms: 300 });
    const client = new AbortController();
    const gaveUp = expect(addProbeByQuery(client.signal)).rejects.toThrow();
    await portal.waitFor((stats) => stats.inFlight === 1);
    client.abort();
    await gaveUp;
    expect(await bookingNames()).not.toContain("Probe");

    clock.advance(300);
    // The add runs after its hang although nobody reads the answer any more.
    await portal.waitFor((stats) => stats.inFlight === 0);
    expect(portal.stats().callsByMethod).toMatchObject({ "booking.v1.booking.add": 1 });
    expect(await bookingNames()).toContain("Probe");
  });

  it("reset-before drops the connection before the call runs: nothing is written", async () => {
    await inject({ method: "booking.v1.booking.add", kind: "reset-before" });
    await expect(addProbe()).rejects.toThrow();
    expect(await bookingNames()).not.toContain("Probe");
    const stats = portal.stats();
    expect(stats.callsByMethod).toEqual({ "booking.v1.booking.list": 1 });
    expect(stats.statusCounts).toEqual({ "200": 1 });
    expect(stats.httpRequests).toBe(2);
  });

  it("reset-after runs the call, then drops the connection without an answer", async () => {
    await inject({ method: "booking.v1.booking.add", kind: "reset-after" });
    await expect(addProbe()).rejects.toThrow();
    expect(await bookingNames()).toContain("Probe");
    expect(portal.stats().callsByMethod).toEqual({
      "booking.v1.booking.add": 1,
      "booking.v1.booking.list": 1,
    });
  });

  it("rate-limit answers 503 QUERY_LIMIT_EXCEEDED and counts it as rate limited", async () => {
    await inject({ method: "booking.v1.clienttype.list", kind: "rate-limit" });
    const reply = await raw(call("booking.v1.clienttype.list"));
    expect(reply).toEqual<RawReply>({
      status: 503,
      contentType: JSON_TYPE,
      text: '{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}',
    });
    expect(portal.stats()).toMatchObject({
      rateLimited: 1,
      faultsInjected: 1,
      methodCalls: 0,
      errorsSent: { QUERY_LIMIT_EXCEEDED: 1 },
    });
  });

  it("match the URL's method: case-insensitive, batch hits batch requests, * hits anything", async () => {
    await inject({ method: "BOOKING.V1.ClientType.List", kind: "http-error", status: 502 });
    // A command inside a batch is not an HTTP request of its own.
    expect(await batch(["booking.v1.clienttype.list"])).toMatchObject({ result_error: [] });
    expect((await get(call("booking.v1.booking.get?id=14"))).status).toBe(200);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(502);

    await inject({ method: "batch", kind: "http-error", status: 502 });
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(200);
    expect((await postJson(call("batch"), { cmd: ["booking.v1.clienttype.list"] })).status).toBe(
      502,
    );

    await inject({ method: "*", kind: "http-error", status: 502 });
    expect((await get(call("booking.v1.nothing"))).status).toBe(502);
    expect((await get(call("booking.v1.nothing"))).status).toBe(404);
  });
});

describe("hang without ms", () => {
  it("holds the request until the portal closes, and closing ends it", async () => {
    const hangingClock = new ManualClock();
    const hanging = await startDemoPortal({ clock: hangingClock });
    hanging.injectFault({ method: "*", kind: "hang" });
    const dropped = expect(
      fetch(`${hanging.webhookUrl}booking.v1.clienttype.list`),
    ).rejects.toThrow();
    await hanging.waitFor((stats) => stats.inFlight === 1);
    // No timer at all: no amount of time ends this hang, only closing does.
    expect(hangingClock.pending).toBe(0);
    expect(hanging.stats().statusCounts).toEqual({});

    await hanging.close();
    const stats = hanging.stats();
    expect(stats.inFlight).toBe(0);
    expect(stats.statusCounts).toEqual({});
    await dropped;
  });
});

describe("call faults", () => {
  it("error answers the Bitrix error envelope instead of running the call", async () => {
    await inject([
      { method: "booking.v1.booking.delete", kind: "error", error: "1021" },
      {
        method: "booking.v1.booking.delete",
        kind: "error",
        error: "ACCESS_DENIED",
        description: "Access denied!",
        status: 403,
      },
    ]);
    const first = await get<ErrorBody>(call("booking.v1.booking.delete?id=14"));
    expect(first.status).toBe(400);
    expect(first.body).toEqual<ErrorBody>({ error: "1021", error_description: "" });
    const second = await get<ErrorBody>(call("booking.v1.booking.delete?id=14"));
    expect(second.status).toBe(403);
    expect(second.body).toEqual<ErrorBody>({
      error: "ACCESS_DENIED",
      error_description: "Access denied!",
    });
    expect((await get(call("booking.v1.booking.get?id=14"))).status).toBe(200);
    expect(portal.stats().errorsSent).toEqual({ "1021": 1, ACCESS_DENIED: 1 });
  });

  it("error inside a batch becomes only that command's result_error", async () => {
    await inject({ method: "booking.v1.booking.get", kind: "error", error: "0", description: "x" });
    const result = await batch({
      a: "booking.v1.clienttype.list",
      b: "booking.v1.booking.get?id=14",
      c: "booking.v1.booking.get?id=14",
    });
    expect(result.result_error).toEqual({ b: { error: "0", error_description: "x" } });
    expect(Object.keys(result.result)).toEqual(["a", "c"]);
  });

  it("result answers the given result, even for a method the portal does not know", async () => {
    const newer = { booking: { id: 14, name: "From a newer portal", extraField: true } };
    await inject([
      { method: "booking.v1.booking.get", kind: "result", result: newer },
      { method: "booking.v1.booking.teleport", kind: "result", result: true },
    ]);
    const reply = await get<SuccessBody>(call("booking.v1.booking.get?id=14"));
    expect(reply.status).toBe(200);
    expect(reply.body.result).toEqual(newer);
    expect(reply.body.time.operating).toBe(0);
    expect((await get<SuccessBody>(call("booking.v1.booking.teleport"))).body.result).toBe(true);
    expect(portal.stats()).toMatchObject({ faultsInjected: 2, methodCalls: 0 });
  });

  it("result inside a batch replaces only that command's result; * hits the first command", async () => {
    await inject({ method: "*", kind: "result", result: null });
    const result = await batch(["booking.v1.booking.get?id=14", "booking.v1.booking.get?id=14"]);
    expect(result.result_error).toEqual([]);
    const results = result.result as unknown as unknown[];
    expect(results[0]).toBeNull();
    expect(results[1]).toMatchObject({ booking: { id: 14 } });
  });
});

describe("times and order", () => {
  it("hits `times` matching calls, then is used up; GET /_demo/faults shows what is left", async () => {
    await inject({ method: "booking.v1.clienttype.list", kind: "rate-limit", times: 2 });
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(503);
    expect((await get(`${portal.origin}/_demo/faults`)).body).toEqual([
      { method: "booking.v1.clienttype.list", kind: "rate-limit", times: 1 },
    ]);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(503);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(200);
    expect((await get(`${portal.origin}/_demo/faults`)).body).toEqual([]);
    expect(portal.stats().faultsInjected).toBe(2);
  });

  it("uses faults in the order they were injected", async () => {
    await inject({ method: "*", kind: "error", error: "FIRST" });
    await inject({ method: "booking.v1.booking.get", kind: "error", error: "SECOND" });
    const errors = [];
    for (let index = 0; index < 3; index += 1) {
      errors.push((await get<ErrorBody>(call("booking.v1.booking.get?id=14"))).body.error);
    }
    expect(errors).toEqual(["FIRST", "SECOND", undefined]);
  });
});

describe("fault control", () => {
  it("POST adds one fault or an array, GET lists, DELETE clears", async () => {
    const added = await send(`${portal.origin}/_demo/faults`, {
      method: "POST",
      body: JSON.stringify([
        { method: "batch", kind: "reset-before" },
        { method: "*", kind: "hang", ms: 10, times: 3 },
      ]),
    });
    expect(added.body).toEqual([
      { method: "batch", kind: "reset-before", times: 1 },
      { method: "*", kind: "hang", ms: 10, times: 3 },
    ]);
    const cleared = await send(`${portal.origin}/_demo/faults`, { method: "DELETE" });
    expect(cleared).toMatchObject({ status: 200, body: [] });
    expect((await get(`${portal.origin}/_demo/faults`)).body).toEqual([]);
  });

  it("refuses invalid faults with the rule and the value, adding none of the batch", async () => {
    const refuse = async (body: string, description: string, error = "INVALID_FAULT") => {
      const reply = await send<ErrorBody>(`${portal.origin}/_demo/faults`, {
        method: "POST",
        body,
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual<ErrorBody>({ error, error_description: description });
    };
    await refuse(
      JSON.stringify({ method: "*", kind: "explode" }),
      'fault.kind must be one of http-error, html, malformed-json, hang, reset-before, reset-after, rate-limit, error, result, got "explode"',
    );
    await refuse(
      JSON.stringify([
        { method: "*", kind: "html" },
        { method: "*", kind: "http-error", status: 200 },
      ]),
      "faults[1]: fault.status must be an integer from 400 to 599, got 200",
    );
    await refuse(
      JSON.stringify({ method: "batch", kind: "result", result: 1 }),
      'a "result" fault hits method executions (batch commands included), not the batch request itself; use a method name or "*", got "batch"',
    );
    await refuse(
      JSON.stringify({ method: "*", kind: "hang", seconds: 1 }),
      'a "hang" fault accepts only method, times, kind, ms, got seconds',
    );
    await refuse(
      JSON.stringify({ method: "*", kind: "rate-limit", times: 0 }),
      "fault.times must be a positive integer, got 0",
    );
    await refuse("{oops", 'the body must be JSON, got "{oops"', "INVALID_JSON");
    expect((await get(`${portal.origin}/_demo/faults`)).body).toEqual([]);
  });

  it("works the same through injectFault, pendingFaults and clearFaults", async () => {
    portal.injectFault({ method: "booking.v1.clienttype.list", kind: "rate-limit", times: 2 });
    expect(portal.pendingFaults()).toEqual([
      { method: "booking.v1.clienttype.list", kind: "rate-limit", times: 2 },
    ]);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(503);
    portal.clearFaults();
    expect(portal.pendingFaults()).toEqual([]);
    expect((await get(call("booking.v1.clienttype.list"))).status).toBe(200);
    expect(() => portal.injectFault({ method: "", kind: "reset-after" })).toThrow(
      new TypeError('fault.method must be a method name, "batch" or "*", got ""'),
    );
  });

  it("injectFault takes an array too, and queues none of it when one is invalid", () => {
    expect(() =>
      portal.injectFault([
        { method: "*", kind: "html" },
        { method: "*", kind: "error", error: "1021", status: 99 },
      ]),
    ).toThrow("fault.status must be an integer from 400 to 599, got 99");
    expect(portal.pendingFaults()).toEqual([]);
    portal.injectFault([
      { method: "*", kind: "html" },
      { method: "batch", kind: "reset-after", times: 2 },
    ]);
    expect(portal.pendingFaults()).toEqual([
      { method: "*", kind: "html", times: 1 },
      { method: "batch", kind: "reset-after", times: 2 },
    ]);
  });

  it("POST /_demo/reset drops pending faults", async () => {
    portal.injectFault({ method: "*", kind: "rate-limit" });
    await resetPortal(portal.origin);
    expect(portal.pendingFaults()).toEqual([]);
  });
});
