import { startCrmSubgraph, type CrmSubgraph } from "../crm-subgraph/crm-subgraph";
import { startStack, type TestStack } from "../helpers/gateway";
import { sample, scrape, until } from "../helpers/metrics";
import { portalCall } from "../helpers/portal-rest";
import { startHiveGateway, type RunningGateway } from "./gateways";
import { apolloSupergraph, introspectSubgraphs } from "./supergraph";

/**
 * The first `next` event of a GraphQL-over-SSE response, as a browser's EventSource would read it
 * from a router; the stream is then cancelled.
 */
async function firstSseEvent(response: Response): Promise<unknown> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended without an event: ${text}`);
      text += decoder.decode(value as Uint8Array, { stream: true });
      const match = /event: next\ndata: (.+)\n\n/.exec(text);
      if (match) return JSON.parse(match[1]!);
    }
  } finally {
    await reader.cancel();
  }
}

describe("a subscription through Hive Gateway, with graphql-ws to this subgraph", () => {
  let stack: TestStack;
  let crm: CrmSubgraph;
  let router: RunningGateway;

  beforeAll(async () => {
    // Hive Gateway keeps its socket to this subgraph open without reading after it is disposed, so
    // the subscription cannot be completed on it: the gateway's shutdown waits out its grace.
    stack = await startStack({ events: true, env: { SHUTDOWN_GRACE_MS: "500" } });
    crm = await startCrmSubgraph();
    const subgraphs = await introspectSubgraphs({ booking: stack.gateway.url, crm: crm.url });
    router = await startHiveGateway(apolloSupergraph(subgraphs), ["booking"]);
  });
  afterAll(async () => {
    await router.stop();
    await crm.stop();
    await stack.stop();
  });

  it("delivers bookingChanged end to end, with fields the CRM subgraph resolves", async () => {
    const response = await fetch(router.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query:
          "subscription { bookingChanged(ids: [14]) { kind id booking { name clients { id contact { name } } } } }",
      }),
    });
    expect(response.status).toBe(200);
    const first = firstSseEvent(response);
    // The router has opened its graphql-ws subscription to this subgraph.
    await until(async () => {
      const text = await scrape(stack.gateway.url);
      return sample(text, "b24gw_subscriptions_active", '{transport="ws"}') === 1;
    });
    await portalCall(stack.portal, "booking.v1.booking.client.set", {
      bookingId: 14,
      clients: [{ id: 1, type: { module: "crm", code: "CONTACT" } }],
    });
    await portalCall(stack.portal, "booking.v1.booking.update", {
      id: 14,
      fields: { name: "Federated" },
    });
    expect(await first).toEqual({
      data: {
        bookingChanged: {
          kind: "UPDATED",
          id: 14,
          booking: {
            name: "Federated",
            clients: [{ id: 1, contact: { name: expect.any(String) } }],
          },
        },
      },
    });
  });
});
