import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { createStore } from "../../src/demo-portal/seed";
import type { CrmData } from "../../src/demo-portal/store";

/**
 * A stand-in for a CRM team's subgraph: it owns Contact, Company and Deal, the entities the booking
 * subgraph refers to by id only (`@key(fields: "id", resolvable: false)` stubs there).
 */
export const CRM_SUBGRAPH_SDL = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Query {
  contact(id: Int!): Contact
  company(id: Int!): Company
  deal(id: Int!): Deal
}

"""A CRM contact: a person."""
type Contact @key(fields: "id") {
  id: Int!
  """Full name."""
  name: String!
}

"""A CRM company."""
type Company @key(fields: "id") {
  id: Int!
  title: String!
}

"""A CRM deal."""
type Deal @key(fields: "id") {
  id: Int!
  title: String!
}
`;

export interface CrmSubgraph {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly sdl: string;
  /** How many `_entities` requests the subgraph has answered, so tests can see the router's joins. */
  entityRequests(): number;
  stop(): Promise<void>;
}

/** Starts the CRM subgraph on a free loopback port, over the demo portal's CRM seed data. */
export async function startCrmSubgraph(
  crm: CrmData = createStore("demo").crm,
): Promise<CrmSubgraph> {
  let entityRequests = 0;
  const byId = { contact: crm.contacts, company: crm.companies, deal: crm.deals };
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(CRM_SUBGRAPH_SDL),
      resolvers: {
        Query: {
          contact: (_: unknown, args: { id: number }) => byId.contact.get(args.id) ?? null,
          company: (_: unknown, args: { id: number }) => byId.company.get(args.id) ?? null,
          deal: (_: unknown, args: { id: number }) => byId.deal.get(args.id) ?? null,
        },
        Contact: { __resolveReference: (ref: { id: number }) => byId.contact.get(ref.id) ?? null },
        Company: { __resolveReference: (ref: { id: number }) => byId.company.get(ref.id) ?? null },
        Deal: { __resolveReference: (ref: { id: number }) => byId.deal.get(ref.id) ?? null },
      },
    },
  ]);
  const server = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        requestDidStart: ({ request }) => {
          if (request.query?.includes("_entities")) entityRequests += 1;
          return Promise.resolve();
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
  return {
    url,
    sdl: CRM_SUBGRAPH_SDL,
    entityRequests: () => entityRequests,
    stop: () => server.stop(),
  };
}
