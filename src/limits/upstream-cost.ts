import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  OperationTypeNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { MAX_BATCH_COMMANDS } from "../transport/protocol";
import { collectFields } from "./collect-fields";
import { declaredCost, DEFAULT_LIST_LENGTH, ENTITY_REFERENCE_COMMANDS } from "./field-cost";

/** What an operation is expected to cost upstream, at worst. */
export interface UpstreamCost {
  /** Bitrix24 method calls. */
  upstreamCommands: number;
  /** HTTP requests those calls need once folded into batches of 50. */
  upstreamRequests: number;
}

/** Multipliers are capped so that absurd nesting cannot overflow into Infinity or NaN. */
const CAP = 1e12;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Prices an operation in upstream commands, walking it with its fragments and (coerced) variables the
 * way the executor will: each field pays the cost it declares once per time it is evaluated, and lists
 * multiply their selection by their page size (or 50). Ids are deduplicated only at run time, so this
 * is the worst case. Calls of one level of the tree leave together and are folded into batches of 50;
 * the levels follow each other, and so do the root fields of a mutation, which gives the request count.
 */
export function estimateUpstreamCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): UpstreamCost {
  const root = schema.getRootType(operation.operation);
  if (!root) return { upstreamCommands: 0, upstreamRequests: 0 };
  const walk: Walk = { schema, fragments, variables };
  const fields = collectFields(walk, root, [operation.selectionSet]);
  // A mutation's root fields run one after the other, each with its own requests.
  const groups =
    operation.operation === OperationTypeNode.MUTATION
      ? [...fields].map((f) => new Map([f]))
      : [fields];
  let upstreamCommands = 0;
  let upstreamRequests = 0;
  for (const group of groups) {
    const levels: number[] = [];
    priceFields(walk, root, group, 1, 0, levels);
    for (const commands of levels) {
      upstreamCommands += commands ?? 0;
      upstreamRequests += Math.ceil((commands ?? 0) / MAX_BATCH_COMMANDS);
    }
  }
  return {
    upstreamCommands: Math.min(CAP, upstreamCommands),
    upstreamRequests: Math.min(CAP, upstreamRequests),
  };
}

/** How many representations `_entities` fields of the operation carry, at most per field. */
export function largestRepresentationCount(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const root = schema.getQueryType();
  if (!root || operation.operation !== OperationTypeNode.QUERY) return 0;
  const walk: Walk = { schema, fragments, variables };
  let largest = 0;
  for (const nodes of collectFields(walk, root, [operation.selectionSet]).values()) {
    if (nodes[0]!.name.value !== "_entities") continue;
    largest = Math.max(largest, representationsOf(walk, root, nodes[0]!).length);
  }
  return largest;
}

function priceFields(
  walk: Walk,
  parent: GraphQLObjectType,
  fields: Map<string, FieldNode[]>,
  multiplier: number,
  level: number,
  levels: number[],
): void {
  for (const nodes of fields.values()) {
    const node = nodes[0]!;
    const name = node.name.value;
    // Introspection fields (__typename, __schema) are not among the type's fields: they cost nothing.
    const definition = parent.getFields()[name];
    if (!definition) continue;
    if (parent === walk.schema.getQueryType() && name === "_entities") {
      priceEntities(walk, parent, nodes, multiplier, level, levels);
      continue;
    }
    const args = argumentsOf(definition, node, walk.variables);
    const cost = declaredCost(definition);
    const commands = (cost.commands?.(args) ?? 0) * multiplier;
    levels[level] = Math.min(CAP, (levels[level] ?? 0) + commands);
    const items = cost.items
      ? cost.items(args)
      : isListType(getNullableType(definition.type))
        ? DEFAULT_LIST_LENGTH
        : 1;
    priceSelection(
      walk,
      definition,
      nodes,
      Math.min(CAP, multiplier * items),
      commands > 0 ? level + 1 : level,
      levels,
    );
  }
}

/** The field's own selection, for each type it may return (the dearest of them counts). */
function priceSelection(
  walk: Walk,
  definition: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  multiplier: number,
  level: number,
  levels: number[],
): void {
  const selections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  const named = getNamedType(definition.type);
  const types = isAbstractType(named)
    ? walk.schema.getPossibleTypes(named)
    : isObjectType(named)
      ? [named]
      : [];
  let dearest: number[] = [];
  for (const type of types) {
    const candidate: number[] = [];
    priceFields(walk, type, collectFields(walk, type, selections), multiplier, level, candidate);
    if (sum(candidate) > sum(dearest)) dearest = candidate;
  }
  dearest.forEach((commands, index) => {
    levels[index] = Math.min(CAP, (levels[index] ?? 0) + commands);
  });
}

/** `_entities(representations)`: one read per representation, then its type's selection. */
function priceEntities(
  walk: Walk,
  query: GraphQLObjectType,
  nodes: FieldNode[],
  multiplier: number,
  level: number,
  levels: number[],
): void {
  const byType = new Map<string, number>();
  for (const representation of representationsOf(walk, query, nodes[0]!)) {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    const key = typeof typename === "string" ? typename : "";
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  const selections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const [typename, count] of byType) {
    const reads = count * multiplier * ENTITY_REFERENCE_COMMANDS;
    levels[level] = Math.min(CAP, (levels[level] ?? 0) + reads);
    const type = walk.schema.getType(typename);
    if (!isObjectType(type)) continue;
    const fields = collectFields(walk, type, selections);
    priceFields(walk, type, fields, Math.min(CAP, count * multiplier), level + 1, levels);
  }
}

function representationsOf(walk: Walk, query: GraphQLObjectType, node: FieldNode): unknown[] {
  const definition = query.getFields()._entities;
  if (!definition) return [];
  const value = argumentsOf(definition, node, walk.variables).representations;
  return Array.isArray(value) ? value : [];
}

function argumentsOf(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    // A bad argument fails the field before it runs: it costs nothing.
    return {};
  }
}

function sum(values: number[]): number {
  return values.reduce((acc, value) => acc + (value ?? 0), 0);
}
