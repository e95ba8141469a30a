import WebSocket from "ws";
import { startStack, type TestStack } from "../helpers/gateway";
import { subscribe, wsClient } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";

const TOKEN = "a-gateway-token-of-enough-length";

async function held(stack: TestStack, count: number): Promise<void> {
  await until(async () => {
    const text = await scrape(stack.gateway.url);
    return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === count;
  });
}

describe("graphql-ws: authentication, limits, caps and shutdown", () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack({
      events: true,
      env: { GATEWAY_TOKENS: TOKEN, MAX_SUBSCRIPTIONS_PER_CONNECTION: "2", MAX_DEPTH: "4" },
    });
  });
  afterEach(() => stack.stop());

  it("refuses a connection without a valid credential, and admits one with it in connection_init", async () => {
    const refused = wsClient(stack.gateway.url, {
      Authorization: "Bearer wrong-token-of-enough-length",
    });
    const denied = subscribe(refused, "subscription { bookingChanged { id } }");
    await expect(denied.completed).rejects.toMatchObject({ code: 4403 });
    await refused.dispose();

    const admitted = wsClient(stack.gateway.url, { Authorization: `Bearer ${TOKEN}` });
    const changes = subscribe(admitted, "subscription { bookingChanged { id } }");
    await held(stack, 1);
    changes.stop();
    await admitted.dispose();
  });

  it("applies the query limits and the per-connection cap to subscriptions", async () => {
    const client = wsClient(stack.gateway.url, { Authorization: `Bearer ${TOKEN}` });
    const deep = subscribe(
      client,
      "subscription { bookingChanged { booking { resources { type { resources { items { id } } } } } } }",
    );
    await expect(deep.completed).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "QUERY_TOO_DEEP" }) }),
    ]);
    const first = subscribe(client, "subscription { bookingChanged { id } }");
    const second = subscribe(client, "subscription { resourceChanged { id } }");
    await held(stack, 2);
    const third = subscribe(client, "subscription { waitListItemChanged { id } }");
    await expect(third.completed).rejects.toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "TOO_MANY_SUBSCRIPTIONS", limit: 2 }),
      }),
    ]);
    first.stop();
    second.stop();
    await client.dispose();
  });

  it("caps the subscriptions of one caller over all its connections", async () => {
    await stack.stop();
    stack = await startStack({
      events: true,
      env: { GATEWAY_TOKENS: TOKEN, MAX_SUBSCRIPTIONS_PER_CALLER: "3" },
    });
    const params = { Authorization: `Bearer ${TOKEN}` };
    const first = wsClient(stack.gateway.url, params);
    const second = wsClient(stack.gateway.url, params);
    const held3 = [
      subscribe(first, "subscription { bookingChanged { id } }"),
      subscribe(first, "subscription { resourceChanged { id } }"),
      subscribe(second, "subscription { bookingChanged { id } }"),
    ];
    await held(stack, 3);
    const refused = subscribe(second, "subscription { waitListItemChanged { id } }");
    expect(await refused.next()).toMatchObject({
      errors: [{ extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: 3 } }],
    });
    // One ends: its place is free again.
    held3.pop()!.stop();
    await held(stack, 2);
    held3.push(subscribe(second, "subscription { waitListItemChanged { id } }"));
    await held(stack, 3);
    for (const subscription of held3) subscription.stop();
    await first.dispose();
    await second.dispose();
  });

  it("takes events without the router secret, which Bitrix24 cannot send", async () => {
    await stack.stop();
    stack = await startStack({ events: true, env: { ROUTER_SECRET: "a-router-secret-of-length" } });
    const graphql = await fetch(stack.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(graphql.status).toBe(401);
    const event = await fetch(stack.gateway.url.replace(/\/graphql$/, "/bitrix24/events"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        event: "ONBOOKINGUPDATE",
        "data[ID]": "14",
        ts: "1751285644",
        "auth[application_token]": stack.portal.applicationToken,
      }).toString(),
    });
    expect(event.status).toBe(200);
  });

  it("closes a connection that never sends connection_init with 4408", async () => {
    await stack.stop();
    stack = await startStack({ env: { WS_CONNECTION_INIT_TIMEOUT_MS: "100" } });
    const socket = new WebSocket(stack.gateway.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const code = await new Promise<number>((resolve) => socket.on("close", resolve));
    expect(code).toBe(4408);
  });

  it("completes every subscription when the gateway shuts down", async () => {
    const client = wsClient(stack.gateway.url, { Authorization: `Bearer ${TOKEN}` });
    const changes = subscribe(client, "subscription { bookingChanged { id } }");
    await held(stack, 1);
    await stack.gateway.shutdown();
    await expect(changes.completed).resolves.toBeUndefined();
    await client.dispose();
  });
});
