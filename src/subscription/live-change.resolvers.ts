import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
  type ClassType,
} from "type-graphql";
import type { GatewayContext } from "../context";
import type { ChangedEntity } from "../events/change";
import type { LiveMessage } from "../events/live-reads";
import { COST, Costs } from "../limits/field-cost";
import { userInputError } from "../errors/user-input-error";
import { ChangeKind } from "./change-kind.enum";
import { changedRecordUnavailable } from "./changed-record-unavailable";

/**
 * Most records one subscription may watch by id: every subscriber's filter is checked against every
 * change, so an unbounded list is unbounded work per change (a client watching more subscribes to
 * all, without `ids`).
 */
export const MAX_WATCHED_IDS = 100;

/** What a subscription resolver hands on: the change, and the record's state for its field. */
interface ChangeMessage {
  kind: ChangeKind;
  id: number;
  occurredAt: number;
  message: LiveMessage;
}

export interface LiveChangeSpec<TWire, TRecord extends object> {
  entity: ChangedEntity;
  /** The change type's name: "BookingChange". */
  typeName: string;
  /** The subscription field: "bookingChanged". */
  subscription: string;
  /** The field holding the record's current state: "booking". */
  recordField: string;
  recordType: ClassType<TRecord>;
  /** How messages name the record: "booking". */
  noun: string;
  toGraphQL: (wire: TWire) => TRecord;
}

/**
 * The change type of one entity, its subscription and its record field: `bookingChanged(ids,
 * kinds)` yields a `BookingChange` whose `booking` is the booking now, read once per change for
 * all subscribers of the same identity, and null once deleted (or, with a
 * CHANGED_RECORD_UNAVAILABLE error, when it could not be read).
 */
export function liveChangeResolvers<TWire, TRecord extends object>(
  spec: LiveChangeSpec<TWire, TRecord>,
): ClassType[] {
  @ObjectType(spec.typeName, { description: `A change of a ${spec.noun}.` })
  class EntityChange {
    @Field(() => ChangeKind, { description: "What happened." })
    kind!: ChangeKind;

    @Field(() => Int, { description: `The ${spec.noun}'s id.` })
    id!: number;

    @Field(() => Int, {
      description: "When it happened, Unix seconds (the Bitrix24 event's `ts`).",
    })
    occurredAt!: number;
  }

  @Resolver(() => EntityChange)
  class EntityChangeResolver {
    // Read before the message is sent (to tell a real change from an echo); the cost is counted here.
    @Costs(COST.oneCall)
    @FieldResolver(() => spec.recordType, {
      name: spec.recordField,
      nullable: true,
      description: `The ${spec.noun} as it is now; null when it was deleted. Null with a CHANGED_RECORD_UNAVAILABLE error when it could not be read: not deleted.`,
    })
    record(@Root() root: ChangeMessage): TRecord | null {
      const { message } = root;
      if ("failure" in message) throw changedRecordUnavailable(message, spec.noun);
      const wire = message.state as TWire | null;
      return wire === null ? null : spec.toGraphQL(wire);
    }
  }

  @Resolver()
  class EntitySubscriptionResolver {
    @Costs(COST.none)
    @Subscription(() => EntityChange, {
      name: spec.subscription,
      description: `Changes of ${spec.noun}s as they happen: Bitrix24 events, and writes made through this gateway at once. \`ids\` and \`kinds\` narrow them; absent, everything comes through.`,
      subscribe: ({ args, context }) => {
        const ids = (args as { ids?: number[] | null }).ids ?? null;
        if (ids && ids.length > MAX_WATCHED_IDS) {
          throw userInputError("ids", `may name at most ${MAX_WATCHED_IDS} records`, ids.length);
        }
        return (context as GatewayContext).live.changes(spec.entity, {
          ids,
          kinds: (args as { kinds?: ChangeKind[] | null }).kinds ?? null,
        });
      },
    })
    changed(
      // Declared here so that they appear in the schema; `subscribe` above applies them.
      // type-graphql lists these arguments in the reverse order of the parameters here.
      @Arg("kinds", () => [ChangeKind], { nullable: true }) _kinds: ChangeKind[] | null,
      @Arg("ids", () => [Int], {
        nullable: true,
        description: `Only changes of these records; at most ${MAX_WATCHED_IDS}.`,
      })
      _ids: number[] | null,
      @Root() message: LiveMessage,
      @Ctx() context: GatewayContext,
    ): ChangeMessage {
      // The subscription's context outlives each change: what its fields read for the last one
      // (a booking's clients, its resources) may predate this one.
      context.forgetReads();
      const { change } = message;
      return {
        kind: change.kind as ChangeKind,
        id: change.id,
        occurredAt: change.occurredAt,
        message,
      };
    }
  }

  return [EntityChangeResolver, EntitySubscriptionResolver];
}
