import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { isSubscriptionOperation } from "@apollo/client/utilities";
import type { DocumentNode } from "graphql";
import { createClient, type Client } from "graphql-ws";
import { connection } from "../live/connection";

/** Where the gateway answers: `/graphql` on the page's own origin (Vite passes it on). */
const httpUrl = new URL("/graphql", window.location.href).href;
const wsUrl = httpUrl.replace(/^http/, "ws");

/**
 * One Apollo Client for the board:
 * - every operation goes by its manifest id alone (trusted documents): the codegen client preset put
 *   the sha256 of each document's text in `__meta__.hash`, and the gateway runs the text it holds;
 * - subscriptions go over graphql-ws, everything else over HTTP (`split`);
 * - the cache keys records by `__typename` and `id` (`Booking:14`), so a change that arrives on the
 *   subscription updates every query that shows that booking; clients are values, not records.
 */
export function createBoardClient(): ApolloClient {
  const ws = createClient({ url: wsUrl, retryAttempts: Infinity, shouldRetry: () => true });

  const byId = new PersistedQueryLink({ generateHash: manifestId });
  const transport = ApolloLink.split(
    ({ query }) => isSubscriptionOperation(query),
    new GraphQLWsLink(sendingIdsAlone(ws)),
    new HttpLink({ uri: httpUrl }),
  );

  const client = new ApolloClient({
    link: byId.concat(transport),
    cache: new InMemoryCache({
      typePolicies: {
        // A client's id is a contact's or a company's (contact 1 is not company 1): kept as values
        // inside their booking, never merged into one `BookingClient:1`.
        BookingClient: { keyFields: false },
      },
    }),
  });
  ws.on("connected", (_socket, _payload, wasRetry) => {
    connection.set("live");
    // Changes made while the connection was down were never sent to this page: read what is shown
    // again, or the board would keep a state older than a change it could have known of.
    if (wasRetry) void client.refetchQueries({ include: "active" });
  });
  ws.on("closed", () => connection.set("offline"));
  return client;
}

/**
 * The id codegen gave the document (`sha256:<hex>`), as the bare hex that persisted queries carry:
 * the gateway looks it up in the manifest and hands the manifest's text to Apollo Server, which checks
 * that the hash matches that text.
 */
function manifestId(document: DocumentNode): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== "string") {
    throw new Error("a document without a manifest id: run `npm run codegen`");
  }
  return hash.replace(/^sha256:/, "");
}

/**
 * GraphQLWsLink sends the document's text along with the id the persisted-query link added; the
 * gateway judges a document by its text when there is one. Sending the id with an empty text makes
 * the WebSocket path match HTTP: the gateway runs the manifest's text.
 */
function sendingIdsAlone(ws: Client): Client {
  return {
    ...ws,
    subscribe: (payload, sink) =>
      ws.subscribe(payload.extensions?.persistedQuery ? { ...payload, query: "" } : payload, sink),
  };
}
