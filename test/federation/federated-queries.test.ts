import { startCrmSubgraph, type CrmSubgraph } from "../crm-subgraph/crm-subgraph";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";
import { startApolloGateway, startHiveGateway, type RunningGateway } from "./gateways";
import {
  apolloSupergraph,
  guildSupergraph,
  introspectSubgraphs,
  type Subgraph,
} from "./supergraph";

interface BookingWithCrm {
  booking: {
    id: number;
    clients: Array<{
      id: number;
      contact: { id: number; name: string } | null;
      company: { id: number; title: string } | null;
    }>;
    externalData: Array<{ value: string; deal: { id: number; title: string } | null }>;
  } | null;
}

const BOOKING_WITH_CRM = `query BookingWithCrm($id: Int!) {
  booking(id: $id) {
    id
    clients { id contact { id name } company { id title } }
    externalData { value deal { id title } }
  }
}`;

const SET_CONTACTS = `mutation {
  setBookingClients(
    bookingId: 14
    clients: [{ id: 1, type: { code: CONTACT } }, { id: 2, type: { code: CONTACT } }]
  ) { bookingId clients { id contact { name } } }
}`;

describe.each([
  {
    router: "Apollo Gateway (supergraph by @apollo/composition)",
    start: (subgraphs: Subgraph[]) => startApolloGateway(apolloSupergraph(subgraphs)),
  },
  {
    router: "Hive Gateway (supergraph by @apollo/composition)",
    start: (subgraphs: Subgraph[]) => startHiveGateway(apolloSupergraph(subgraphs)),
  },
  {
    router: "Hive Gateway (supergraph by @theguild/federation-composition)",
    start: (subgraphs: Subgraph[]) => startHiveGateway(guildSupergraph(subgraphs)),
  },
])("$router over the booking and CRM subgraphs", ({ start }) => {
  let stack: TestStack;
  let crm: CrmSubgraph;
  let router: RunningGateway;

  beforeAll(async () => {
    stack = await startStack();
    crm = await startCrmSubgraph();
    // Composed from what the running subgraphs serve, as a router's supergraph config would be.
    router = await start(await introspectSubgraphs({ booking: stack.gateway.url, crm: crm.url }));
  });
  afterAll(async () => {
    await router.stop();
    await crm.stop();
    await stack.stop();
  });

  it("joins the seed booking's company client and its linked deal with their CRM titles", async () => {
    stack.portal.resetStats();
    const result = await execute<BookingWithCrm, { id: number }>(router.url, BOOKING_WITH_CRM, {
      id: 14,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.booking).toEqual({
      id: 14,
      clients: [{ id: 1, contact: null, company: { id: 1, title: "Müller & Partner GmbH" } }],
      externalData: [
        { value: "1", deal: { id: 1, title: "Consulting retainer Müller & Partner" } },
      ],
    });
    // booking.get, then the booking's client.list and externalData.list together in one batch.
    expect(stack.portal.stats().httpRequests).toBe(2);
  });

  it("joins the contacts that setBookingClients attached with their names", async () => {
    const set = await execute<
      { setBookingClients: { clients: Array<{ id: number; contact: { name: string } }> } },
      never
    >(router.url, SET_CONTACTS);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setBookingClients.clients).toEqual([
      { id: 1, contact: { name: "Anna Schmidt" } },
      { id: 2, contact: { name: "Lukas Meyer" } },
    ]);

    const entityRequestsBefore = crm.entityRequests();
    const result = await execute<
      { booking: { clients: Array<{ contact: { name: string } | null }> } },
      never
    >(router.url, "{ booking(id: 14) { clients { contact { name } } } }");
    expect(result.errors).toBeUndefined();
    expect(result.data?.booking.clients).toEqual([
      { contact: { name: "Anna Schmidt" } },
      { contact: { name: "Lukas Meyer" } },
    ]);
    // Both contacts are fetched from the CRM subgraph in one `_entities` request.
    expect(crm.entityRequests() - entityRequestsBefore).toBe(1);
  });

  it("joins waitlist clients through the same BookingClient references", async () => {
    const result = await execute<
      { waitListItem: { clients: Array<{ contact: { name: string } | null }> } },
      never
    >(router.url, "{ waitListItem(id: 2) { clients { contact { name } company { title } } } }");
    expect(result.errors).toBeUndefined();
    expect(result.data?.waitListItem.clients).toEqual([
      { contact: { name: "Anna Schmidt" }, company: null },
    ]);
  });

  it("passes a missing booking through as null with its BOOKING_NOT_FOUND code", async () => {
    const result = await execute<BookingWithCrm, { id: number }>(router.url, BOOKING_WITH_CRM, {
      id: 999,
    });
    expect(result.data?.booking).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("BOOKING_NOT_FOUND");
  });
});
