import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import {
  BookingChangedDocument,
  BookingDocument,
  RenameBookingDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { until, wsSubscriptions } from "../helpers/metrics";

/**
 * urql 5 (`@urql/core` 6) against the gateway with the generated typed documents: queries and
 * mutations over HTTP, subscriptions over graphql-ws through urql's subscription exchange. This is
 * the setup docs/api.md shows.
 */
function createUrqlClient(uri: string) {
  const ws = createClient({ url: uri.replace(/^http/, "ws"), webSocketImpl: WebSocket });
  const client = new Client({
    url: uri,
    // urql sends queries as GET; Apollo Server's CSRF prevention runs a GET only with this header
    // (or a JSON content type, which a GET has not). `preferGetMethod: false` would send POST instead.
    fetchOptions: { headers: { "apollo-require-preflight": "true" } },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
  return { client, close: () => ws.dispose() };
}

describe("urql against the gateway", () => {
  let stack: TestStack;
  let urql: ReturnType<typeof createUrqlClient>;

  beforeEach(async () => {
    stack = await startStack({ events: true });
    urql = createUrqlClient(stack.gateway.url);
  });
  afterEach(async () => {
    await urql.close();
    await stack.stop();
  });

  it("queries, mutates and receives the change over graphql-ws", async () => {
    const booking = await urql.client.query(BookingDocument, { id: 14 }).toPromise();
    expect(booking.error).toBeUndefined();
    expect(booking.data?.booking?.name).toBe("Client consultation");

    const names: string[] = [];
    const subscription = urql.client
      .subscription(BookingChangedDocument, { ids: [14] })
      .subscribe((result) => {
        const name = result.data?.bookingChanged.booking?.name;
        if (name) names.push(name);
      });
    try {
      await until(async () => (await wsSubscriptions(stack.gateway.url)) === 1);
      const renamed = await urql.client
        .mutation(RenameBookingDocument, { id: 14, name: "Renamed through urql" })
        .toPromise();
      expect(renamed.error).toBeUndefined();
      await until(() => names.includes("Renamed through urql"));
    } finally {
      subscription.unsubscribe();
    }
  });

  it("shows an error's extensions.code", async () => {
    const missing = await urql.client.query(BookingDocument, { id: 999 }).toPromise();
    expect(missing.error?.graphQLErrors[0]?.extensions.code).toBe("BOOKING_NOT_FOUND");
  });
});
