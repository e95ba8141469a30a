// Hive Gateway, the federation router of deploy/compose.yaml: it serves supergraph.graphql (beside
// this file; `npm run schema` writes it) and reaches the booking subgraph, the gateway replicas, at
// the URL written there. Plain JavaScript, no import: the router's image loads it as it is.
//
// The gateways run with ROUTER_SECRET, so every request to them must carry it in x-router-secret;
// callers' credentials (GATEWAY_TOKENS here) still travel in Authorization, which the router passes
// on. Subscriptions reach the gateways over graphql-ws, with both in the connection_init payload
// (a WebSocket carries no per-request headers); clients may use SSE or graphql-ws towards the router.

export const gatewayConfig = {
  transportEntries: {
    booking: {
      headers: [["x-router-secret", "{env.ROUTER_SECRET}"]],
      options: {
        subscriptions: {
          kind: "ws",
          options: {
            connectionParams: {
              "x-router-secret": "{env.ROUTER_SECRET}",
              authorization: "{context.headers.authorization}",
            },
          },
        },
      },
    },
  },
  propagateHeaders: {
    /** @param {{ request: Request }} incoming the client's request */
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get("authorization"),
      "x-request-id": request.headers.get("x-request-id"),
    }),
  },
};
