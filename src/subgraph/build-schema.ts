import "reflect-metadata";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, type PubSub } from "type-graphql";
import { carryFieldCosts, resolverFieldsWithoutCost } from "./field-costs";
import { resolvePlainFieldsByDefault } from "./plain-fields";
import { REFERENCE_RESOLVERS } from "./reference-resolvers";
import { RESOLVERS } from "./resolvers";

/** The Federation 2 version and directives this subgraph links. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

/**
 * type-graphql asks for a pub/sub whenever there are subscriptions, but each of ours has its own
 * `subscribe` over the gateway's change bus (src/events), so topics are never used.
 */
const TOPICS_UNUSED: PubSub = {
  publish() {
    throw new Error("subscriptions read the change bus; type-graphql topics are not used");
  },
  subscribe() {
    throw new Error("subscriptions read the change bus; type-graphql topics are not used");
  },
};

/**
 * Builds the subgraph schema: type-graphql makes the code-first schema, then @apollo/subgraph adds
 * `_service`, `_entities` and the federation directives. type-graphql's own SDL printer drops
 * directives, so the SDL is printed from the AST with them.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  resolvePlainFieldsByDefault();
  const typeGraphQLSchema = await buildSchema({
    resolvers: [...RESOLVERS],
    validate: false,
    skipCheck: true,
    pubSub: TOPICS_UNUSED,
  });
  const unpriced = resolverFieldsWithoutCost(RESOLVERS);
  if (unpriced.length > 0) {
    throw new Error(`these resolvers declare no upstream cost (@Costs): ${unpriced.join(", ")}`);
  }
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, entityResolvers] of Object.entries(REFERENCE_RESOLVERS)) {
    resolvers[typeName] = {
      ...resolvers[typeName],
      ...entityResolvers,
    } as GraphQLResolverMap<unknown>[string];
  }
  const subgraphSdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema).trim()}\n`;
  const schema = buildSubgraphSchema([{ typeDefs: parse(subgraphSdl), resolvers }]);
  SUBGRAPH_SDL.set(schema, subgraphSdl);
  carryFieldCosts(typeGraphQLSchema, schema);
  // @apollo/subgraph answers `_service { sdl }` with the whole built schema: every federation
  // directive definition, `_entities` and `_service`. Composition adds those itself from the @link,
  // so the service answers with the subgraph SDL instead: the very text committed as
  // schema/booking.graphql, which is what a router or `rover subgraph introspect` then sees.
  const sdl = printGatewaySdl(schema);
  const service = schema.getQueryType()?.getFields()._service;
  if (!service) throw new Error("buildSubgraphSchema gave no Query._service field");
  service.resolve = () => ({ sdl });
  return schema;
}

/**
 * The SDL committed as schema/booking.graphql: the subgraph's own definitions with their federation
 * @link, as they went into buildSubgraphSchema, without what it adds. (@apollo/subgraph's
 * printSubgraphSchema prints the complete schema since 2.15.)
 */
export function printGatewaySdl(schema: GraphQLSchema): string {
  const sdl = SUBGRAPH_SDL.get(schema);
  if (sdl === undefined) throw new Error("not a schema built by buildGatewaySchema");
  return sdl;
}

/** The subgraph SDL of each schema buildGatewaySchema built. */
const SUBGRAPH_SDL = new WeakMap<GraphQLSchema, string>();
