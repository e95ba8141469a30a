import { Repeater, SlidingBuffer } from "@repeaterjs/repeater";
import type { Change, ChangedEntity, ChangeKindName } from "./change";

/** Which changes a subscription wants; an absent list lets everything through. */
export interface ChangeFilter {
  ids?: readonly number[] | null;
  kinds?: readonly ChangeKindName[] | null;
}

/** Live data as one subscriber sees it: its changes, and the current state of a changed record. */
export interface LiveFeed {
  /** Changes of `entity` from now on that pass `filter`; ends when the subscriber leaves. */
  changes(entity: ChangedEntity, filter: ChangeFilter): AsyncIterable<Change>;
  /** The record's state now, read once per change and identity; null once it is deleted. */
  current<T>(change: Change): Promise<T | null>;
}

/**
 * The changes a listener source sends that pass `filter`, as an async iterator. A subscriber that
 * reads slower than changes arrive keeps only the latest 100: a calendar wants the present, and the
 * replica's memory stays bounded whatever a slow socket does.
 */
export function filteredChanges(
  listen: (listener: (change: Change) => void) => () => void,
  entity: ChangedEntity,
  filter: ChangeFilter,
  hooks: { started(end: () => void): () => void },
): AsyncIterable<Change> {
  const ids = filter.ids ? new Set(filter.ids) : undefined;
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  return new Repeater<Change>(async (push, stop) => {
    const ended = hooks.started(() => void stop());
    const stopListening = listen((change) => {
      if (change.entity !== entity) return;
      if (ids && !ids.has(change.id)) return;
      if (kinds && !kinds.has(change.kind)) return;
      void push(change);
    });
    await stop;
    stopListening();
    ended();
  }, new SlidingBuffer(100));
}
