import {
  isAbstractType,
  type DocumentNode,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

interface FragmentScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * The fields the executor evaluates on an object of `type`, merged by response key as it does (two
 * selections of one key run once), with fragments applied when their type condition matches. @skip and
 * @include are ignored: the worst case counts.
 */
export function collectFields(
  walk: FragmentScope,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fields = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const existing = fields.get(key);
        if (existing) existing.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(walk, selection.typeCondition?.name.value, type)) {
          collectFields(walk, type, [selection.selectionSet], fields, visited);
        }
      } else {
        const name = selection.name.value;
        const fragment = walk.fragments[name];
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        if (appliesTo(walk, fragment.typeCondition.name.value, type)) {
          collectFields(walk, type, [fragment.selectionSet], fields, visited);
        }
      }
    }
  }
  return fields;
}

function appliesTo(
  walk: FragmentScope,
  condition: string | undefined,
  type: GraphQLObjectType,
): boolean {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = walk.schema.getType(condition);
  return isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
}

/** The fragments of a document by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}
