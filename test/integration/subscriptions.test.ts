import type { Client } from "graphql-ws";
import { eventsUrl, startStack, type TestStack } from "../helpers/gateway";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";
import { failNextCall, portalCall } from "../helpers/portal-rest";
import { execute } from "../helpers/graphql-http";
import { MANUAL_CLOCK_START, ManualClock } from "../helpers/manual-clock";

/** Waits until the gateway holds `count` subscriptions: each is listening from then on. */
async function subscriptionsHeld(stack: TestStack, count: number): Promise<void> {
  await until(async () => {
    const text = await scrape(stack.gateway.url);
    return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === count;
  });
}

async function eventOutcome(stack: TestStack, outcome: string): Promise<number> {
  return (
    sample(await scrape(stack.gateway.url), "b24gw_events_total", `{outcome="${outcome}"}`) ?? 0
  );
}

async function changeReads(stack: TestStack, outcome: string): Promise<number> {
  return (
    sample(await scrape(stack.gateway.url), "b24gw_change_reads_total", `{outcome="${outcome}"}`) ??
    0
  );
}

async function changesPublished(stack: TestStack): Promise<number> {
  const text = await scrape(stack.gateway.url);
  return (
    (sample(text, "b24gw_changes_published_total", '{source="gateway"}') ?? 0) +
    (sample(text, "b24gw_changes_published_total", '{source="portal"}') ?? 0)
  );
}

/** Renames booking 14 through the gateway, which publishes the change at once. */
async function renameThroughGateway(stack: TestStack, name: string): Promise<void> {
  const update = await execute(
    stack.gateway.url,
    `mutation { updateBooking(id: 14, input: { name: ${JSON.stringify(name)} }) { id } }`,
  );
  expect(update.errors).toBeUndefined();
}

/**
 * Runs `test` on a stack of its own whose gateway and portal share `clock`, with a graphql-ws
 * client, and closes both whatever the outcome (closing twice is safe, so `test` may stop first).
 */
async function onClockedStack(
  clock: ManualClock,
  options: { events?: boolean },
  test: (stack: TestStack, client: Client) => Promise<void>,
): Promise<void> {
  const stack = await startStack({ clock, ...options });
  const client = wsClient(stack.gateway.url);
  try {
    await test(stack, client);
  } finally {
    await client.dispose();
    await stack.stop();
  }
}

const datePeriod = (from: number) => ({
  from: { timestamp: from, timezone: "Europe/Berlin" },
  to: { timestamp: from + 3600, timezone: "Europe/Berlin" },
});

describe("subscriptions over graphql-ws, fed by the demo portal's events", () => {
  let stack: TestStack;
  let client: Client;

  beforeEach(async () => {
    stack = await startStack({ events: true });
    client = wsClient(stack.gateway.url);
  });
  afterEach(async () => {
    await client.dispose();
    await stack.stop();
  });

  it("delivers UPDATED with the booking's new name when it changes through REST on the portal", async () => {
    const changes = subscribe(
      client,
      "subscription { bookingChanged(ids: [14]) { kind id occurredAt booking { id name } } }",
    );
    await subscriptionsHeld(stack, 1);
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Moved to the big room" },
    });
    const message = await changes.next();
    expect(message.errors).toBeUndefined();
    expect(message.data?.bookingChanged).toMatchObject({
      kind: "UPDATED",
      id: 14,
      booking: { id: 14, name: "Moved to the big room" },
    });
    changes.stop();
  });

  it.each([
    ["resourceChanged", "resource", "booking.v1.resource"],
    ["resourceTypeChanged", "resourceType", "booking.v1.resourceType"],
    ["waitListItemChanged", "waitListItem", "booking.v1.waitlist"],
    ["bookingChanged", "booking", "booking.v1.booking"],
  ])("%s delivers ADDED, UPDATED and DELETED in order", async (field, record, prefix) => {
    const changes = subscribe(client, `subscription { ${field} { kind id ${record} { id } } }`);
    await subscriptionsHeld(stack, 1);
    const fields: Record<string, Record<string, unknown>> = {
      resource: { name: "Room 9", typeId: 1 },
      resourceType: { name: "Bikes", code: "bikes-9" },
      waitListItem: { note: "call back" },
      booking: {
        resourceIds: [1],
        name: "New",
        datePeriod: datePeriod(Date.UTC(2027, 0, 5, 9) / 1000),
      },
    };
    const updates: Record<string, Record<string, unknown>> = {
      resource: { name: "Room 10" },
      resourceType: { name: "E-bikes" },
      waitListItem: { note: "called" },
      booking: { name: "Renamed" },
    };
    // Each change is awaited before the next: the record field is the state when it is read.
    const id = await portalCall<number>(stack.portal, `${prefix}.add`, { fields: fields[record] });
    expect((await changes.next()).data?.[field]).toEqual({ kind: "ADDED", id, [record]: { id } });
    await portalCall(stack.portal, `${prefix}.update`, { id, fields: updates[record] });
    expect((await changes.next()).data?.[field]).toEqual({ kind: "UPDATED", id, [record]: { id } });
    await portalCall(stack.portal, `${prefix}.delete`, { id });
    expect((await changes.next()).data?.[field]).toEqual({ kind: "DELETED", id, [record]: null });
    changes.stop();
  });

  it("sends a subscription the changes of its own kind of record only", async () => {
    const changes = subscribe(client, "subscription { bookingChanged { kind id } }");
    await subscriptionsHeld(stack, 1);
    await portalCall(stack.portal, "booking.v1.resource.update", {
      id: 1,
      fields: { name: "Not a booking" },
    });
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "A booking" },
    });
    expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "UPDATED", id: 14 });
    changes.stop();
  });

  it("publishes a write made through the gateway at once, and drops the portal's echo of it", async () => {
    const changes = subscribe(
      client,
      "subscription { bookingChanged(ids: [14]) { kind booking { name } } }",
    );
    await subscriptionsHeld(stack, 1);
    await renameThroughGateway(stack, "Through the gateway");
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: { name: "Through the gateway" },
    });
    // The portal's own event for that write arrives too (before or after the gateway's report):
    // both are published; of the two re-reads, one sent the state and the other found it sent
    // already, or was superseded by it while still reading.
    await until(async () => (await changesPublished(stack)) === 2);
    await until(
      async () =>
        (await changeReads(stack, "unchanged")) + (await changeReads(stack, "superseded")) === 1,
    );
    expect(await changeReads(stack, "changed")).toBe(1);
    // The next message is the next change, not the echo: here a rename in the same second, which
    // carries the same event, ID and ts as the echo.
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Through the portal" },
    });
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: { name: "Through the portal" },
    });
    changes.stop();
  });

  it("filters by ids and kinds", async () => {
    const changes = subscribe(
      client,
      "subscription { bookingChanged(ids: [15], kinds: [DELETED]) { kind id } }",
    );
    await subscriptionsHeld(stack, 1);
    // Neither id nor kind; the id but not the kind; the kind but not the id.
    await portalCall(stack.portal, "booking.v1.booking.update", { id: 14, fields: { name: "x" } });
    await portalCall(stack.portal, "booking.v1.booking.update", { id: 15, fields: { name: "y" } });
    await portalCall(stack.portal, "booking.v1.booking.delete", { id: 14 });
    // All three were published before the change that passes: had one got through, it would have
    // been sent first.
    await until(async () => (await eventOutcome(stack, "published")) === 3);
    await portalCall(stack.portal, "booking.v1.booking.delete", { id: 15 });
    expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "DELETED", id: 15 });
    changes.stop();
  });
});

describe("POST /bitrix24/events", () => {
  let stack: TestStack;
  let client: Client;

  beforeEach(async () => {
    stack = await startStack({ env: { BITRIX24_APPLICATION_TOKEN: "app-token-1,app-token-2" } });
    client = wsClient(stack.gateway.url);
  });
  afterEach(async () => {
    await client.dispose();
    await stack.stop();
  });

  const form = (fields: Record<string, string>) =>
    fetch(eventsUrl(stack.gateway), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });

  it("accepts the docs' example delivery, form-encoded, and refuses forged or missing tokens with 401", async () => {
    const changes = subscribe(client, "subscription { bookingChanged { kind id } }");
    await subscriptionsHeld(stack, 1);
    const forged = await form({
      event: "ONBOOKINGDELETE",
      "data[ID]": "14",
      ts: "1751285594",
      "auth[application_token]": "forged",
    });
    expect(forged.status).toBe(401);
    const missing = await form({ event: "ONBOOKINGDELETE", "data[ID]": "14", ts: "1751285594" });
    expect(missing.status).toBe(401);
    const example = await form({
      event: "ONBOOKINGADD",
      event_handler_id: "7",
      "data[ID]": "66",
      ts: "1751285594",
      "auth[access_token]": "",
      "auth[expires_in]": "3600",
      "auth[scope]": "booking",
      "auth[domain]": "some-domain.bitrix24.com",
      "auth[server_endpoint]": "https://oauth.bitrix.info/rest/",
      "auth[status]": "L",
      "auth[client_endpoint]": "https://some-domain.bitrix24.com/rest/",
      "auth[member_id]": "a223c6b3710f85df22e9377d6c4f7553",
      "auth[refresh_token]": "",
      "auth[application_token]": "app-token-2",
    });
    expect(example.status).toBe(200);
    // The forged deliveries came first; the first message is the genuine one.
    expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "ADDED", id: 66 });
    changes.stop();
  });

  it("refuses unknown events, bad ids and oversize bodies with a 4xx and a reason", async () => {
    const token = { "auth[application_token]": "app-token-1", ts: "1751285594" };
    const unknown = await form({ ...token, event: "ONCRMDEALADD", "data[ID]": "1" });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: '`event` "ONCRMDEALADD" is not a booking event',
    });
    const badId = await form({ ...token, event: "ONBOOKINGADD", "data[ID]": "abc" });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({ error: "`data[ID]` must be a positive integer" });
    const huge = await form({
      ...token,
      event: "ONBOOKINGADD",
      "data[ID]": "1",
      pad: "x".repeat(20_000),
    });
    expect(huge.status).toBe(413);
    const json = await fetch(eventsUrl(stack.gateway), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        event: "ONBOOKINGADD",
        data: { ID: 5 },
        ts: 1751285594,
        auth: { application_token: "app-token-1" },
      }),
    });
    expect(json.status).toBe(200);
    expect(await eventOutcome(stack, "refused")).toBe(3);
  });

  it("refuses a delivery without an event, with an id or ts that is not a plain positive integer, or without data", async () => {
    const token = { "auth[application_token]": "app-token-1" };
    const refusals: [Record<string, string>, string][] = [
      [{ ...token, "data[ID]": "1", ts: "1751285594" }, "`event` is missing"],
      [
        { ...token, event: "ONBOOKINGADD", "data[ID]": "012", ts: "1751285594" },
        "`data[ID]` must be a positive integer",
      ],
      [
        { ...token, event: "ONBOOKINGADD", "data[ID]": "12abc", ts: "1751285594" },
        "`data[ID]` must be a positive integer",
      ],
      [
        { ...token, event: "ONBOOKINGADD", "data[ID]": "1", ts: "1751285594.5" },
        "`ts` must be a Unix time in seconds",
      ],
      [{ ...token, event: "ONBOOKINGADD", "data[ID]": "1" }, "`ts` must be a Unix time in seconds"],
    ];
    const before = await eventOutcome(stack, "refused");
    for (const [fields, reason] of refusals) {
      const response = await form(fields);
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 400,
        body: { error: reason },
      });
    }
    // As JSON, `data` may be anything: null is no object with an ID.
    const nullData = await fetch(eventsUrl(stack.gateway), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        event: "ONBOOKINGADD",
        data: null,
        ts: 1751285594,
        auth: { application_token: "app-token-1" },
      }),
    });
    expect({ status: nullData.status, body: await nullData.json() }).toEqual({
      status: 400,
      body: { error: "`data[ID]` must be a positive integer" },
    });
    expect(await eventOutcome(stack, "refused")).toBe(before + refusals.length + 1);
  });

  it("sends a delivery that arrives twice once", async () => {
    const changes = subscribe(client, "subscription { bookingChanged { kind id } }");
    await subscriptionsHeld(stack, 1);
    const delivery = {
      event: "ONBOOKINGDELETE",
      "data[ID]": "77",
      ts: "1751285600",
      "auth[application_token]": "app-token-1",
    };
    expect((await form(delivery)).status).toBe(200);
    expect((await form(delivery)).status).toBe(200);
    // Both invalidate and are published; the second finds the state already sent.
    await until(async () => (await changeReads(stack, "unchanged")) === 1);
    expect((await form({ ...delivery, "data[ID]": "78" })).status).toBe(200);
    expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "DELETED", id: 77 });
    expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "DELETED", id: 78 });
    changes.stop();
  });
});

describe("the delivery lag of subscriptions", () => {
  it("is measured on the gateway's clock, from publishing to handing the message over", async () => {
    await onClockedStack(new ManualClock(), {}, async (stack, client) => {
      const changes = subscribe(client, "subscription { bookingChanged(ids: [14]) { kind } }");
      await subscriptionsHeld(stack, 1);
      await renameThroughGateway(stack, "Lag");
      expect((await changes.next()).data?.bookingChanged).toEqual({ kind: "UPDATED" });
      changes.stop();
      // The clock stood still: the one message was handed over no time after it was published.
      const metrics = await scrape(stack.gateway.url);
      expect(sample(metrics, "b24gw_subscription_delivery_lag_seconds_count")).toBe(1);
      expect(sample(metrics, "b24gw_subscription_delivery_lag_seconds_sum")).toBe(0);
    });
  });
});

describe("live data on the gateway's clock", () => {
  it("dates a write made through the gateway by the gateway's clock, in Unix seconds", async () => {
    const clock = new ManualClock(MANUAL_CLOCK_START + 1_500);
    await onClockedStack(clock, {}, async (stack, client) => {
      const changes = subscribe(
        client,
        "subscription { bookingChanged(ids: [14]) { occurredAt } }",
      );
      await subscriptionsHeld(stack, 1);
      await renameThroughGateway(stack, "Dated");
      const message = await changes.next();
      expect(message.errors).toBeUndefined();
      expect(message.data?.bookingChanged).toEqual({ occurredAt: MANUAL_CLOCK_START / 1000 + 1 });
      changes.stop();
    });
  });

  it("leaves no re-read of a change waiting to be retried once the gateway has stopped", async () => {
    const clock = new ManualClock();
    await onClockedStack(clock, { events: true }, async (stack, client) => {
      subscribe(client, "subscription { bookingChanged(ids: [14]) { kind } }");
      await subscriptionsHeld(stack, 1);
      // The re-read of the change fails, so the gateway waits on its clock to read again.
      failNextCall(stack.portal, "booking.v1.booking.get");
      await portalCall(stack.portal, "booking.v1.booking.update", {
        id: 14,
        fields: { name: "Read again later" },
      });
      await clock.whenDelays((delays) => delays.includes(100));
      await client.dispose();
      await stack.stop();
      // Nothing is left waiting on the clock: no read of the stopped gateway is still to come, and
      // a real timer would have held the process up to the last retry's wait (2 s).
      expect(clock.pendingDelays).toEqual([]);
    });
  });
});
