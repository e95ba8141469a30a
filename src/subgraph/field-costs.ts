import { isObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage, type ClassType } from "type-graphql";
import { UPSTREAM_COST } from "../limits/field-cost";

/**
 * The Query, Mutation and field-resolver methods of `resolvers` that declare no upstream cost, as
 * `Class.method`. Only those can reach the portal (plain fields map data already read), so each of
 * them must say what it costs. Read after type-graphql has built a schema from `resolvers`.
 */
export function resolverFieldsWithoutCost(resolvers: readonly ClassType[]): string[] {
  const storage = getMetadataStorage();
  const own = new Set<unknown>(resolvers);
  return [...storage.queries, ...storage.mutations, ...storage.fieldResolvers]
    .filter((handler) => own.has(handler.target))
    .filter((handler) => handler.extensions?.[UPSTREAM_COST] === undefined)
    .map((handler) => `${handler.target.name}.${handler.methodName}`);
}

/**
 * Copies each field's declared cost from the code-first schema onto the federated one, which
 * @apollo/subgraph rebuilds from SDL (and SDL carries no extensions).
 */
export function carryFieldCosts(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const target = to.getType(type.name);
    if (!isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const field of Object.values(type.getFields())) {
      const cost = field.extensions[UPSTREAM_COST];
      const targetField = targetFields[field.name];
      if (cost === undefined || !targetField) continue;
      targetField.extensions = { ...targetField.extensions, [UPSTREAM_COST]: cost };
    }
  }
}
