import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Whether the field being resolved selects `name` directly below it, through fragments too. Lets a
 * mutation fetch what its payload will need in the same upstream request as its write.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some(
    (node) => node.selectionSet !== undefined && inSet(node.selectionSet, name, info),
  );
}

function inSet(set: SelectionSetNode, name: string, info: GraphQLResolveInfo): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet, name, info);
    const fragment = info.fragments[selection.name.value];
    return fragment !== undefined && inSet(fragment.selectionSet, name, info);
  });
}
