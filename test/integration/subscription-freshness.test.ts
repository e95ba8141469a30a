import type { Client } from "graphql-ws";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { until, wsSubscriptions } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";

const WITH_CLIENTS =
  "subscription { bookingChanged(ids: [14]) { kind booking { name clients { id type { code } } } } }";
const TWO_CONTACTS = [
  { id: 1, type: { module: "crm", code: "CONTACT" } },
  { id: 2, type: { module: "crm", code: "CONTACT" } },
];

/**
 * A subscriber is never sent a booking older than a change the gateway knows of, in the fields that
 * hang off it too: its clients are written by their own method, which Bitrix24 announces with no
 * event, and a subscription's fields are resolved in a context that lives as long as it does.
 */
describe("subscriptions send what hangs off a record as it is now", () => {
  let stack: TestStack;
  let client: Client;

  beforeEach(async () => {
    stack = await startStack({ events: true, env: { CACHE: "memory" } });
    client = wsClient(stack.gateway.url);
  });
  afterEach(async () => {
    await client.dispose();
    await stack.stop();
  });

  it("sends the booking with its new clients after setBookingClients through the gateway, though the portal sends no event", async () => {
    const changes = subscribe(client, WITH_CLIENTS);
    await until(async () => (await wsSubscriptions(stack.gateway.url)) === 1);
    // The booking's own fields were sent once already, and a client change leaves them as they are.
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Sent" },
    });
    expect((await changes.next()).data?.bookingChanged).toMatchObject({
      booking: { name: "Sent" },
    });
    const set = await execute(
      stack.gateway.url,
      "mutation { setBookingClients(bookingId: 14, clients: [{id: 1, type: {code: CONTACT}}, {id: 2, type: {code: CONTACT}}]) { bookingId } }",
    );
    expect(set.errors).toBeUndefined();
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: {
        name: "Sent",
        clients: [
          { id: 1, type: { code: "CONTACT" } },
          { id: 2, type: { code: "CONTACT" } },
        ],
      },
    });
    changes.stop();
  });

  it("reads each change's fields afresh: clients set on the portal show with its next change", async () => {
    const changes = subscribe(client, WITH_CLIENTS);
    await until(async () => (await wsSubscriptions(stack.gateway.url)) === 1);
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "First" },
    });
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: { name: "First", clients: [{ id: 1, type: { code: "COMPANY" } }] },
    });
    // Straight on the portal: no event, so nothing is sent yet; the next event's message must
    // carry these clients, not those read for the first change.
    await portalCall(stack.portal, "booking.v1.booking.client.set", {
      bookingId: 14,
      clients: TWO_CONTACTS,
    });
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Second" },
    });
    expect((await changes.next()).data?.bookingChanged).toEqual({
      kind: "UPDATED",
      booking: {
        name: "Second",
        clients: [
          { id: 1, type: { code: "CONTACT" } },
          { id: 2, type: { code: "CONTACT" } },
        ],
      },
    });
    changes.stop();
  });
});

describe("a change sent to many subscribers", () => {
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

  it("executes a change once for every subscriber running the same operation, and apart for another", async () => {
    // Five subscribers of one operation, two of another (its variables differ), one identity.
    const same = Array.from({ length: 5 }, () => subscribe(client, WITH_CLIENTS));
    const other = [
      subscribe(client, WITH_CLIENTS.replace("ids: [14]", "ids: [14, 15]")),
      subscribe(client, WITH_CLIENTS.replace("ids: [14]", "ids: [14, 15]")),
    ];
    await until(async () => (await wsSubscriptions(stack.gateway.url)) === 7);
    const clientLists = () =>
      stack.portal.stats().callsByMethod["booking.v1.booking.client.list"] ?? 0;
    const before = clientLists();
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Once" },
    });
    for (const changes of [...same, ...other]) {
      expect((await changes.next()).data?.bookingChanged).toMatchObject({
        booking: { name: "Once" },
      });
      changes.stop();
    }
    // `clients` is read by each execution (no cache here): once per distinct operation.
    expect(clientLists() - before).toBe(2);
  });
});
