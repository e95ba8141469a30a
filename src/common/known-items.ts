import { responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import type { ClassType } from "type-graphql";
import { leftOutOfList, type PartialErrorSink } from "../errors/partial-errors";
import { unknownValueError } from "../errors/unknown-value-error";

/** One kind of item a record's list holds (a client, an external-data link), on both sides. */
export interface ItemKind<TWire, TItem extends object, TInput extends object> {
  itemType: ClassType<TItem>;
  inputType: ClassType<TInput>;
  /** The GraphQL form of a wire item, or undefined when the portal sent a kind this API lacks. */
  toItem: (wire: TWire) => TItem | undefined;
  /** What of an unknown item the error names: its subject and the value this API does not know. */
  unknown: (index: number, ownerLabel: string, wire: TWire) => { subject: string; value: unknown };
  toWire: (input: TInput) => TWire;
  /** The accepted input as the list now holds it. */
  inputToItem: (input: TInput) => TItem;
  /** The rules of a replacement list of these items; `unsetMutation` is named for empty lists. */
  validate: (field: string, inputs: TInput[], unsetMutation: string) => void;
}

/**
 * The items this API knows. One it does not know (a newer portal may add a client type or a kind
 * of link) is left out and reported as an error of its own, so the rest of the list still arrives.
 */
export function keepKnownItems<TWire, TItem extends object>(
  sink: PartialErrorSink,
  kind: Pick<ItemKind<TWire, TItem, object>, "toItem" | "unknown">,
  wire: TWire[],
  owner: { label: string } & Record<string, string | number>,
  info: GraphQLResolveInfo,
): TItem[] {
  const { label, ...ownerIds } = owner;
  const items: TItem[] = [];
  wire.forEach((item, index) => {
    const known = kind.toItem(item);
    if (known !== undefined) {
      items.push(known);
      return;
    }
    const { subject, value } = kind.unknown(index, label, item);
    sink.record.partialErrors.push(
      leftOutOfList([...responsePathAsArray(info.path), index], unknownValueError(subject, value), {
        ...ownerIds,
        item,
      }),
    );
  });
  return items;
}
