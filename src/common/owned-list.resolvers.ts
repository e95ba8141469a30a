import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Resolver,
  Root,
  type ClassType,
} from "type-graphql";
import { MAX_REPLACEMENT_ITEMS } from "./replacement-list-validation";
import type { GatewayContext } from "../context";
import type { OwnedListService } from "../services/owned-list.service";
import { requirePositiveId } from "./id-validation";
import { keepKnownItems, type ItemKind } from "./known-items";
import { selectsField } from "./selection";
import { COST, Costs } from "../limits/field-cost";

/** The record that owns a list, as the list's resolvers need to know it. */
export interface ListOwner<TWire, TOwner extends object> {
  type: ClassType<TOwner>;
  /** The mutations' id argument and the payloads' id field: "bookingId". */
  idArg: string;
  /** The payload field holding the owner after the write: "booking". */
  payloadField: string;
  /** How messages name one owner: "booking 7". */
  label: (id: number) => string;
  idOf: (owner: TOwner) => number;
  toGraphQL: (wire: TWire) => TOwner;
}

export interface OwnedListResolverOptions<
  TWireOwner,
  TOwner extends object,
  TWireItem,
  TItem extends object,
  TInput extends object,
> {
  owner: ListOwner<TWireOwner, TOwner>;
  kind: ItemKind<TWireItem, TItem, TInput>;
  /** The owner's list field, which is also the `set` argument and payload field: "clients". */
  field: { name: string; description: string };
  set: { name: string; payload: ClassType; description: string };
  unset: { name: string; payload: ClassType; description: string };
  service: (ctx: GatewayContext) => OwnedListService<TWireItem, TWireOwner>;
}

/**
 * The resolvers of a list a record owns and the portal replaces whole (the clients and links of
 * bookings and waitlist items): the owner's list field, `set…` and `unset…`. After a write the
 * payload's list is the accepted input, and the owner is read in the same upstream request only
 * when the payload selects it.
 */
export function ownedListResolvers<
  TWireOwner,
  TOwner extends object,
  TWireItem,
  TItem extends object,
  TInput extends object,
>(options: OwnedListResolverOptions<TWireOwner, TOwner, TWireItem, TItem, TInput>): ClassType[] {
  const { owner, kind, field, set, unset, service } = options;
  // type-graphql pairs a field resolver with its field by method name, so the method is named after
  // the field: two lists on one owner type then stay apart.
  const listField = field.name;

  @Resolver(() => owner.type)
  class OwnedListFieldResolver {
    @Costs(COST.oneCall)
    @FieldResolver(() => [kind.itemType], { name: field.name, description: field.description })
    async [listField](
      @Root() root: TOwner,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<TItem[]> {
      const id = owner.idOf(root);
      const wire = await service(ctx).of(id);
      return keepKnownItems(ctx, kind, wire, { label: owner.label(id), [owner.idArg]: id }, info);
    }
  }

  @Resolver()
  class OwnedListMutationResolver {
    @Costs(COST.oneCall)
    @Mutation(() => set.payload, { name: set.name, description: set.description })
    async replace(
      @Arg(owner.idArg, () => Int) ownerId: number,
      @Arg(field.name, () => [kind.inputType], {
        description: `The whole new list: at least one item, at most ${MAX_REPLACEMENT_ITEMS}, none repeated.`,
      })
      inputs: TInput[],
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Record<string, unknown>> {
      requirePositiveId(owner.idArg, ownerId);
      kind.validate(field.name, inputs, unset.name);
      const wire = await service(ctx).replace(
        ownerId,
        inputs.map(kind.toWire),
        selectsField(info, owner.payloadField),
      );
      return {
        [owner.idArg]: ownerId,
        [field.name]: inputs.map(kind.inputToItem),
        ...(wire && { [owner.payloadField]: owner.toGraphQL(wire) }),
      };
    }

    @Costs(COST.oneCall)
    @Mutation(() => unset.payload, { name: unset.name, description: unset.description })
    async clear(
      @Arg(owner.idArg, () => Int) ownerId: number,
      @Ctx() ctx: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Record<string, unknown>> {
      requirePositiveId(owner.idArg, ownerId);
      const wire = await service(ctx).clear(ownerId, selectsField(info, owner.payloadField));
      return {
        [owner.idArg]: ownerId,
        ...(wire && { [owner.payloadField]: owner.toGraphQL(wire) }),
      };
    }
  }

  return [OwnedListFieldResolver, OwnedListMutationResolver];
}
