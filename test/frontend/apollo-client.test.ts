import { CombinedGraphQLErrors, type NormalizedCacheObject } from "@apollo/client";
import {
  BookingClientIdsDocument,
  BookingCrmReferencesDocument,
  BookingDocument,
  BookingsWithResourcesDocument,
  ClientTypesDocument,
  SetBookingClientsWithBookingDocument,
} from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { createApolloClient } from "./apollo-client";

describe("Apollo Client 4 against the gateway", () => {
  let stack: TestStack;
  let requests: number;
  let client: ReturnType<typeof createApolloClient>;

  beforeEach(async () => {
    stack = await startStack();
    requests = 0;
    client = createApolloClient({
      uri: stack.gateway.url,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
  });
  afterEach(async () => {
    client.stop();
    await stack.stop();
  });

  it("runs the example operations with their typed documents", async () => {
    const booking = await client.query({ query: BookingDocument, variables: { id: 14 } });
    expect(booking.data?.booking).toMatchObject({
      id: 14,
      name: "Client consultation",
      datePeriod: { from: { iso: "2026-03-03T11:00:00+01:00" } },
      clients: [{ id: 1, type: { code: "COMPANY" } }],
    });

    const graph = await client.query({
      query: BookingsWithResourcesDocument,
      variables: { page: { limit: 10 } },
    });
    expect(graph.data?.bookings.items.map((item) => item.id)).toEqual([12, 13, 14, 15]);
    expect(graph.data?.bookings.pageInfo.hasMore).toBe(false);

    const types = await client.query({ query: ClientTypesDocument });
    expect(types.data?.clientTypes).toEqual(
      expect.arrayContaining([
        { __typename: "ClientType", module: "CRM", code: "CONTACT" },
        { __typename: "ClientType", module: "CRM", code: "COMPANY" },
      ]),
    );

    const crm = await client.query({ query: BookingCrmReferencesDocument, variables: { id: 14 } });
    expect(crm.data?.booking?.clients[0]).toMatchObject({
      contact: null,
      company: { __typename: "Company", id: 1 },
    });
    expect(crm.data?.booking?.externalData[0]?.deal).toEqual({ __typename: "Deal", id: 1 });
  });

  it("normalizes entities by __typename and id, e.g. Booking:14", async () => {
    await client.query({ query: BookingCrmReferencesDocument, variables: { id: 14 } });
    const cache = client.cache.extract() as NormalizedCacheObject;
    expect(cache["Booking:14"]).toMatchObject({ __typename: "Booking", id: 14 });
    expect(cache["Company:1"]).toEqual({ __typename: "Company", id: 1 });
    expect(cache["Deal:1"]).toEqual({ __typename: "Deal", id: 1 });
    expect(client.cache.identify({ __typename: "Booking", id: 14 })).toBe("Booking:14");
    // Booking clients are values inside their booking: contact 1 and company 1 never merge.
    expect(Object.keys(cache).some((key) => key.startsWith("BookingClient"))).toBe(false);
  });

  it("shows the clients a mutation set in a cached query, without refetching", async () => {
    const before = await client.query({ query: BookingClientIdsDocument, variables: { id: 14 } });
    expect(before.data?.booking?.clients).toEqual([{ __typename: "BookingClient", id: 1 }]);

    await client.mutate({
      mutation: SetBookingClientsWithBookingDocument,
      variables: {
        bookingId: 14,
        clients: [
          { id: 1, type: { module: "CRM", code: "CONTACT" } },
          { id: 2, type: { code: "CONTACT" } },
        ],
      },
    });
    const requestsAfterMutation = requests;

    const cached = await client.query({
      query: BookingClientIdsDocument,
      variables: { id: 14 },
      fetchPolicy: "cache-only",
    });
    expect(cached.data?.booking?.clients.map((item) => item.id)).toEqual([1, 2]);
    expect(requests).toBe(requestsAfterMutation);
  });

  it("hands a missing booking over as null data and an error with its code", async () => {
    const result = await client.query({
      query: BookingDocument,
      variables: { id: 999 },
      errorPolicy: "all",
    });
    expect(result.data?.booking).toBeNull();
    expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
    if (!CombinedGraphQLErrors.is(result.error)) return;
    expect(result.error.errors[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
  });

  it("throws CombinedGraphQLErrors under the default error policy, the code in extensions", async () => {
    const failure = await client.query({ query: BookingDocument, variables: { id: -3 } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(CombinedGraphQLErrors.is(failure)).toBe(true);
    if (!CombinedGraphQLErrors.is(failure)) return;
    expect(failure.errors[0]).toMatchObject({
      message: "id must be a positive integer, got -3",
      extensions: { code: "BAD_USER_INPUT", field: "id" },
    });
  });
});
