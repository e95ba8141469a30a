import { Repeater, SlidingBuffer } from "@repeaterjs/repeater";
import type { Change, ChangedEntity, ChangeKindName } from "./change";
import type { LiveMessage } from "./live-reads";

/** Which changes a subscription wants; an absent list lets everything through. */
export interface ChangeFilter {
  ids?: readonly number[] | null;
  kinds?: readonly ChangeKindName[] | null;
}

/** Live data as one subscriber sees it. */
export interface LiveFeed {
  /**
   * Changes of `entity` from now on that pass `filter`, each with the record's state as this
   * subscriber's identity reads it, sent only when that state differs from the last one sent; ends
   * when the subscriber leaves.
   */
  changes(entity: ChangedEntity, filter: ChangeFilter): AsyncIterable<LiveMessage>;
}

/**
 * The messages for the changes a listener source sends that pass `filter`, as an async iterator;
 * `decide` says what each change is worth sending (nothing, when the state is unchanged). A
 * subscriber that reads slower than changes arrive keeps only the latest 100: a calendar wants the
 * present, and the replica's memory stays bounded whatever a slow socket does.
 */
export function filteredChanges(
  listen: (listener: (change: Change) => void) => () => void,
  entity: ChangedEntity,
  filter: ChangeFilter,
  decide: (change: Change) => Promise<LiveMessage | undefined>,
  hooks: { started(end: () => void): () => void },
): AsyncIterable<LiveMessage> {
  const ids = filter.ids ? new Set(filter.ids) : undefined;
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  return new Repeater<LiveMessage>(async (push, stop) => {
    const ended = hooks.started(() => void stop());
    const stopListening = listen((change) => {
      if (change.entity !== entity) return;
      if (ids && !ids.has(change.id)) return;
      if (kinds && !kinds.has(change.kind)) return;
      // A failed read becomes a message that carries the failure; the catch is for the unforeseen.
      decide(change).then(
        (message) => message && void push(message),
        () => undefined,
      );
    });
    await stop;
    stopListening();
    ended();
  }, new SlidingBuffer(100));
}
