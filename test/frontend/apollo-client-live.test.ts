import WebSocket from "ws";
import { BookingChangedDocument, RenameBookingDocument } from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { until, wsSubscriptions } from "../helpers/metrics";
import { createLiveApolloClient } from "./apollo-client";

describe("Apollo Client 4 with live data (GraphQLWsLink split from HttpLink)", () => {
  let stack: TestStack;
  let live: ReturnType<typeof createLiveApolloClient>;

  beforeEach(async () => {
    stack = await startStack({ events: true });
    live = createLiveApolloClient({ uri: stack.gateway.url, webSocketImpl: WebSocket });
  });
  afterEach(async () => {
    await live.close();
    await stack.stop();
  });

  it("receives a rename made with a mutation through the same client", async () => {
    const names: string[] = [];
    const subscription = live.client
      .subscribe({ query: BookingChangedDocument, variables: { ids: [14] } })
      .subscribe({
        next: (result) => {
          const name = result.data?.bookingChanged.booking?.name;
          if (name) names.push(name);
        },
      });
    try {
      await until(async () => (await wsSubscriptions(stack.gateway.url)) === 1);
      const renamed = await live.client.mutate({
        mutation: RenameBookingDocument,
        variables: { id: 14, name: "Renamed through Apollo Client" },
      });
      expect(renamed.data?.updateBooking.name).toBe("Renamed through Apollo Client");
      await until(() => names.includes("Renamed through Apollo Client"));
    } finally {
      subscription.unsubscribe();
    }
  });
});
