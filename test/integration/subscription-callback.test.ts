import { CallbackReceiver } from "../helpers/callback-receiver";
import { startStack, type TestStack } from "../helpers/gateway";
import { sample, scrape, until } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";

const ROUTER_SECRET = "callback-test-router-secret";

describe("subscriptions over Apollo's HTTP callback protocol (as Apollo Router uses it)", () => {
  let stack: TestStack;
  let receiver: CallbackReceiver;
  let callbackUrl: string;

  beforeEach(async () => {
    receiver = new CallbackReceiver();
    callbackUrl = await receiver.start();
    stack = await startStack({
      events: true,
      env: { ROUTER_SECRET, SUBSCRIPTION_CALLBACK_ORIGINS: new URL(callbackUrl).origin },
    });
  });
  afterEach(async () => {
    await stack.stop();
    await receiver.close();
  });

  async function startSubscription(heartbeatIntervalMs: number): Promise<Response> {
    return fetch(stack.gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json;callbackSpec=1.0",
        "x-router-secret": ROUTER_SECRET,
      },
      body: JSON.stringify({
        query: "subscription { bookingChanged(ids: [14]) { kind booking { name } } }",
        extensions: {
          subscription: {
            callbackUrl,
            subscriptionId: "sub-1",
            verifier: "verifier-1",
            heartbeatIntervalMs,
          },
        },
      }),
    });
  }

  const held = async (count: number) =>
    until(async () => {
      const text = await scrape(stack.gateway.url);
      return sample(text, "b24gw_subscriptions_active", '{transport="callback"}') === count;
    });

  it("checks the callback, sends next for a change, heartbeats, and ends on a 404", async () => {
    const answer = await startSubscription(50);
    expect(answer.status).toBe(200);
    await receiver.waitFor((message) => message.action === "check");
    await held(1);

    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Seen by the router" },
    });
    const next = await receiver.waitFor((message) => message.action === "next");
    expect(next).toMatchObject({
      kind: "subscription",
      id: "sub-1",
      verifier: "verifier-1",
      payload: {
        data: { bookingChanged: { kind: "UPDATED", booking: { name: "Seen by the router" } } },
      },
    });
    // Heartbeats are `check` messages that keep coming while the subscription lives.
    const checksSoFar = receiver.count("check");
    await receiver.waitFor(() => receiver.count("check") > checksSoFar);

    // The router forgot the subscription: its 404 ends it on the gateway.
    receiver.gone = true;
    await held(0);
  });

  it("refuses a plain HTTP subscription and a callback it could not use, with 400 and the reason", async () => {
    const send = (extensions?: unknown) =>
      fetch(stack.gateway.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json;callbackSpec=1.0",
          "x-router-secret": ROUTER_SECRET,
        },
        body: JSON.stringify({
          query: "subscription { bookingChanged { id } }",
          ...(extensions !== undefined && { extensions }),
        }),
      });
    for (const [extensions, reason] of [
      [undefined, /graphql-ws/],
      [{ subscription: { callbackUrl: 5, subscriptionId: "s", verifier: "v" } }, /callbackUrl/],
      [{ subscription: { callbackUrl } }, /subscriptionId and a verifier/],
      [
        {
          subscription: {
            callbackUrl: "http://169.254.169.254/latest/meta-data",
            subscriptionId: "s",
            verifier: "v",
          },
        },
        /SUBSCRIPTION_CALLBACK_ORIGINS, got http:\/\/169\.254\.169\.254/,
      ],
    ] as const) {
      const answer = await send(extensions);
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
      expect(body.errors[0]!.message).toMatch(reason);
    }
    // None of them reached the callback.
    expect(receiver.messages).toEqual([]);
  });

  it("sends complete when the gateway shuts down", async () => {
    expect((await startSubscription(60_000)).status).toBe(200);
    await held(1);
    await stack.gateway.shutdown();
    const complete = await receiver.waitFor((message) => message.action === "complete");
    expect(complete).toMatchObject({ kind: "subscription", id: "sub-1", verifier: "verifier-1" });
  });
});

describe("callbacks from anyone but the router", () => {
  let receiver: CallbackReceiver;
  let callbackUrl: string;

  beforeEach(async () => {
    receiver = new CallbackReceiver();
    callbackUrl = await receiver.start();
  });
  afterEach(() => receiver.close());

  const subscribeWithCallback = (url: string, headers: Record<string, string>) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json;callbackSpec=1.0",
        ...headers,
      },
      body: JSON.stringify({
        query: "subscription { bookingChanged { id } }",
        extensions: { subscription: { callbackUrl, subscriptionId: "s-1", verifier: "v-1" } },
      }),
    });

  it("refuses a callback from a caller with a gateway token, with 400 and no outbound request", async () => {
    // A frontend's token is public (it ships in the browser bundle): it must not make the gateway
    // call an address of the caller's choosing, even one among the allowed origins.
    const token = "frontend-token-0123456789";
    const stack = await startStack({
      env: { GATEWAY_TOKENS: token, SUBSCRIPTION_CALLBACK_ORIGINS: new URL(callbackUrl).origin },
    });
    try {
      const answer = await subscribeWithCallback(stack.gateway.url, {
        authorization: `Bearer ${token}`,
      });
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { errors: Array<{ message: string }> };
      expect(body.errors[0]!.message).toMatch(/only from the federation router/);
      expect(receiver.requests).toBe(0);
    } finally {
      await stack.stop();
    }
  });

  it("refuses a callback on an open development gateway too", async () => {
    const stack = await startStack({
      env: { SUBSCRIPTION_CALLBACK_ORIGINS: new URL(callbackUrl).origin },
    });
    try {
      expect((await subscribeWithCallback(stack.gateway.url, {})).status).toBe(400);
      expect(receiver.requests).toBe(0);
    } finally {
      await stack.stop();
    }
  });
});
