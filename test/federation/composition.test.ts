import { composeServices as composeWithApollo } from "@apollo/composition";
import { diff } from "@graphql-inspector/core";
import { composeServices as composeWithGuild } from "@theguild/federation-composition";
import { buildSchema, isObjectType, type GraphQLSchema } from "graphql";
import { committedSubgraphs, compositionInput } from "./supergraph";

const URLS = { booking: "http://booking.invalid/graphql", crm: "http://crm.invalid/" };

/**
 * Composition hints that are accepted, by code, each with the reason. None today: the CRM stubs carry
 * no descriptions (a description there would differ from the CRM subgraph's and give
 * INCONSISTENT_DESCRIPTION), and `id` as a key field needs no @shareable.
 */
const ACCEPTED_HINTS: Readonly<Record<string, string>> = {};

describe("composing schema/booking.graphql with a CRM subgraph", () => {
  it("composes with @apollo/composition, with no errors and no hints", () => {
    const result = composeWithApollo(compositionInput(committedSubgraphs(URLS)));
    expect(result.errors?.map(String)).toBeUndefined();
    const hints = (result.hints ?? [])
      .filter((hint) => !(hint.definition.code in ACCEPTED_HINTS))
      .map((hint) => `${hint.definition.code}: ${hint.message}`);
    expect(hints).toEqual([]);
  });

  it("composes with @theguild/federation-composition, with no errors", () => {
    const result = composeWithGuild(compositionInput(committedSubgraphs(URLS)));
    expect(result.errors?.map(String)).toBeUndefined();
  });

  it("gives clients and links their CRM entities, with the CRM subgraph's fields, in both", async () => {
    const apollo = composeWithApollo(compositionInput(committedSubgraphs(URLS)));
    const guild = composeWithGuild(compositionInput(committedSubgraphs(URLS)));
    if (apollo.errors || guild.errors) throw new Error("composition failed");
    const apolloApi = apollo.schema.toAPISchema().toGraphQLJSSchema();
    const guildApi = buildSchema(guild.publicSdl);

    for (const api of [apolloApi, guildApi]) {
      expect(fieldsOf(api, "BookingClient")).toEqual(
        expect.objectContaining({ contact: "Contact", company: "Company" }),
      );
      expect(fieldsOf(api, "ExternalData")).toEqual(expect.objectContaining({ deal: "Deal" }));
      expect(fieldsOf(api, "Contact")).toEqual({ id: "Int!", name: "String!" });
      expect(fieldsOf(api, "Company")).toEqual({ id: "Int!", title: "String!" });
      expect(fieldsOf(api, "Deal")).toEqual({ id: "Int!", title: "String!" });
    }
    // Both compositions give clients the same API schema.
    expect(await diff(apolloApi, guildApi)).toEqual([]);
  });
});

function fieldsOf(schema: GraphQLSchema, typeName: string): Record<string, string> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.fromEntries(
    Object.values(type.getFields()).map((field) => [field.name, String(field.type)]),
  );
}
