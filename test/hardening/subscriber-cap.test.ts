import { CallbackReceiver } from "../helpers/callback-receiver";
import { startStack, type TestStack } from "../helpers/gateway";
import { subscribe, wsClient, type Subscription } from "../helpers/graphql-ws";
import { sample, scrape, until } from "../helpers/metrics";

// Two distinct tokens the portal accepts for one user (anna, 5), as she gets a fresh one whenever
// she asks; and one token of another user (lukas, 6).
const ANNA_A = "token-anna-first";
const ANNA_B = "token-anna-second";
const LUKAS = "token-lukas";
const ROUTER_SECRET = "subscriber-cap-router-secret";

describe("MAX_SUBSCRIPTIONS_PER_CALLER in OAuth mode counts verified users, not tokens", () => {
  let stack: TestStack;
  let receiver: CallbackReceiver;
  let callbackUrl: string;

  beforeEach(async () => {
    receiver = new CallbackReceiver();
    callbackUrl = await receiver.start();
    stack = await startStack({
      oauth: true,
      portal: { oauthTokens: { [ANNA_A]: 5, [ANNA_B]: 5, [LUKAS]: 6 } },
      env: {
        MAX_SUBSCRIPTIONS_PER_CALLER: "2",
        ROUTER_SECRET,
        SUBSCRIPTION_CALLBACK_ORIGINS: new URL(callbackUrl).origin,
      },
    });
  });
  afterEach(async () => {
    await stack.stop();
    await receiver.allCompleted();
    await receiver.close();
  });

  const active = async (transport: string) =>
    sample(
      await scrape(stack.gateway.url),
      "b24gw_subscriptions_active",
      `{transport="${transport}"}`,
    );
  const held = (transport: string, count: number) =>
    until(async () => (await active(transport)) === count);

  const viaWs = (token: string) =>
    wsClient(stack.gateway.url, {
      authorization: `Bearer ${token}`,
      "x-router-secret": ROUTER_SECRET,
    });

  /** Starts a subscription over the callback protocol, as the router does for `token`'s holder. */
  async function viaCallback(token: string, subscriptionId: string): Promise<void> {
    const answer = await fetch(stack.gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json;callbackSpec=1.0",
        authorization: `Bearer ${token}`,
        "x-router-secret": ROUTER_SECRET,
      },
      body: JSON.stringify({
        query: "subscription { bookingChanged { id } }",
        extensions: {
          subscription: {
            // One URL per subscription, as the router sends: Apollo keeps one heartbeat per URL.
            callbackUrl: `${callbackUrl}/${subscriptionId}`,
            subscriptionId,
            verifier: "v",
            heartbeatIntervalMs: 60_000,
          },
        },
      }),
    });
    expect(answer.status).toBe(200);
  }

  /**
   * The code a new subscription was refused with, or "admitted" once the gateway holds `count` on
   * `transport`: whichever comes first, so that a wrongly admitted one fails fast.
   */
  function outcome(refusal: Promise<string | undefined>, transport: string, count: number) {
    return Promise.race([refusal, held(transport, count).then(() => "admitted")]);
  }

  const wsRefusal = (subscription: Subscription<unknown>) =>
    subscription.next().then((result) => codeOf(result.errors));

  const callbackRefusal = (subscriptionId: string) =>
    receiver.completeOf(subscriptionId).then((complete) => codeOf(complete.errors));

  it("over graphql-ws: a fresh token of the same user gets no new share, another user does", async () => {
    const first = viaWs(ANNA_A);
    const second = viaWs(ANNA_B);
    const other = viaWs(LUKAS);
    try {
      subscribe(first, "subscription { bookingChanged { id } }");
      subscribe(first, "subscription { resourceChanged { id } }");
      await held("ws", 2);

      const refused = subscribe(second, "subscription { bookingChanged { id } }");
      expect(await outcome(wsRefusal(refused), "ws", 3)).toBe("TOO_MANY_SUBSCRIPTIONS");

      subscribe(other, "subscription { bookingChanged { id } }");
      await held("ws", 3);
      // Each token was checked with the portal once: both of anna's as hers, so B was admitted to
      // the connection and refused only by the cap.
      expect(stack.portal.stats().callsByMethod).toEqual({ profile: 3 });
      expect(stack.portal.stats().callsByUser).toEqual({ "5": 2, "6": 1 });
    } finally {
      await Promise.all([first.dispose(), second.dispose(), other.dispose()]);
    }
  });

  it("over the callback protocol: the same", async () => {
    await viaCallback(ANNA_A, "anna-1");
    await viaCallback(ANNA_A, "anna-2");
    await held("callback", 2);

    await viaCallback(ANNA_B, "anna-3");
    expect(await outcome(callbackRefusal("anna-3"), "callback", 3)).toBe("TOO_MANY_SUBSCRIPTIONS");

    await viaCallback(LUKAS, "lukas-1");
    await held("callback", 3);
    expect(stack.portal.stats().callsByUser).toEqual({ "5": 2, "6": 1 });
  });

  it("over the callback protocol: a token the portal refuses gets no change feed", async () => {
    const answer = await fetch(stack.gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json;callbackSpec=1.0",
        authorization: "Bearer not-a-real-token",
        "x-router-secret": ROUTER_SECRET,
      },
      body: JSON.stringify({
        query: "subscription { bookingChanged { kind id occurredAt } }",
        extensions: {
          subscription: {
            callbackUrl: `${callbackUrl}/junk-1`,
            subscriptionId: "junk-1",
            verifier: "v",
            heartbeatIntervalMs: 60_000,
          },
        },
      }),
    });
    const body = (await answer.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/refused this access token/);
    // A real subscription after it is the only one held, and the junk one was never checked.
    await viaCallback(LUKAS, "lukas-1");
    await held("callback", 1);
    expect(receiver.checked()).toEqual(["lukas-1"]);
  });

  it("over the callback protocol: a token the portal could not be asked about is refused for now, with 503's message", async () => {
    stack.portal.injectFault({ method: "profile", kind: "reset-before" });
    const refused = await fetch(stack.gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json;callbackSpec=1.0",
        authorization: `Bearer ${LUKAS}`,
        "x-router-secret": ROUTER_SECRET,
      },
      body: JSON.stringify({
        query: "subscription { bookingChanged { kind id occurredAt } }",
        extensions: {
          subscription: {
            callbackUrl: `${callbackUrl}/unchecked-1`,
            subscriptionId: "unchecked-1",
            verifier: "v",
            heartbeatIntervalMs: 60_000,
          },
        },
      }),
    });
    const body = (await refused.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toBe(
      "The portal could not be reached to check the access token; try again shortly",
    );
    // Not remembered as refused: once the portal answers, the same token subscribes.
    stack.portal.clearFaults();
    await viaCallback(LUKAS, "lukas-1");
    await held("callback", 1);
    expect(receiver.checked()).toEqual(["lukas-1"]);
  });

  it("across both transports: one user's subscriptions count together", async () => {
    const client = viaWs(ANNA_A);
    try {
      subscribe(client, "subscription { bookingChanged { id } }");
      subscribe(client, "subscription { resourceChanged { id } }");
      await held("ws", 2);

      await viaCallback(ANNA_B, "anna-3");
      expect(await outcome(callbackRefusal("anna-3"), "callback", 1)).toBe(
        "TOO_MANY_SUBSCRIPTIONS",
      );

      await viaCallback(LUKAS, "lukas-1");
      await held("callback", 1);
    } finally {
      await client.dispose();
    }
  });
});

function codeOf(errors: unknown): string | undefined {
  const first = (errors as Array<{ extensions?: { code?: string } }> | undefined)?.[0];
  return first?.extensions?.code;
}
