/**
 * The Apollo Client 4 setup a frontend copies (browser or Node): an HttpLink to the GraphQL endpoint
 * (this gateway, or the router in front of it) and an InMemoryCache with this API's type policies.
 * Typed documents come from GraphQL Code Generator's client preset (codegen.yml → test/generated/).
 */
import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type TypePolicies,
} from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { isSubscriptionOperation } from "@apollo/client/utilities";
import { createClient } from "graphql-ws";

/**
 * Entities (Booking, Resource, ResourceType, WaitListItem, Slot, and the CRM's Contact, Company and
 * Deal) are normalized by the default `__typename:id` key, e.g. `Booking:14`.
 */
export const TYPE_POLICIES: TypePolicies = {
  // A booking client's `id` is a CRM contact's *or* company's id: contact 1 and company 1 are two
  // clients. A client is a value inside its booking or waitlist item, not something of its own, so
  // it gets no cache key; the list is replaced as a whole, as client.set replaces it upstream.
  BookingClient: { keyFields: false },
};

export function createApolloClient(options: {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  uri: string;
  /** E.g. `{ Authorization: "Bearer <Bitrix24 access token>" }` in OAuth mode. */
  headers?: Record<string, string>;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: options.uri, headers: options.headers, fetch: options.fetch }),
    cache: new InMemoryCache({ typePolicies: TYPE_POLICIES }),
  });
}

/**
 * The same client with live data: subscriptions over graphql-ws on the same URL (`ws://…/graphql`),
 * everything else over HTTP, split by the operation's type. In a browser, `webSocketImpl` is not
 * needed (the global WebSocket is used); in Node pass the `ws` package's.
 */
export function createLiveApolloClient(options: {
  uri: string;
  headers?: Record<string, string>;
  webSocketImpl?: unknown;
}): { client: ApolloClient; close(): Promise<void> } {
  const ws = createClient({
    url: options.uri.replace(/^http/, "ws"),
    // Credentials go in connection_init: browsers cannot set headers on a WebSocket.
    connectionParams: options.headers ?? {},
    ...(options.webSocketImpl !== undefined && { webSocketImpl: options.webSocketImpl }),
  });
  const link = ApolloLink.split(
    ({ query }) => isSubscriptionOperation(query),
    new GraphQLWsLink(ws),
    new HttpLink({ uri: options.uri, headers: options.headers }),
  );
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies: TYPE_POLICIES }),
  });
  return {
    client,
    close: async () => {
      client.stop();
      await ws.dispose();
    },
  };
}
