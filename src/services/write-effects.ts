import { unitsOfChange, unitsOfPart } from "./cache-entries";
import type { ScopedCache } from "../cache/read-cache";
import type { ChangeAnnouncer, ChangedEntity, ChangeNotice, RecordPart } from "./change-announcer";

/**
 * What follows a write the portal accepted: what it changed is invalidated in the cache, on every
 * replica, before the write's response goes out (so a read that follows anywhere sees it), and the
 * change is announced to subscribers.
 */
export class WriteEffects {
  constructor(
    private readonly cache: ScopedCache,
    private readonly announcer: ChangeAnnouncer,
  ) {}

  /**
   * A write Bitrix24 also reports as events (one, or two for a move between waitlist and calendar):
   * invalidated together, then announced.
   */
  async changed(...notices: ChangeNotice[]): Promise<void> {
    await this.cache.invalidate(
      notices.flatMap((notice) => unitsOfChange(notice.entity, notice.kind, notice.id)),
    );
    for (const notice of notices) this.announcer.announce(notice);
  }

  /**
   * A write of what hangs off a record (clients, links, slots): invalidated, then announced as an
   * update of the record. Bitrix24 sends no event for it, so without the announcement a subscriber
   * would keep showing the old clients of a booking the gateway knows has new ones.
   */
  async changedPart(entity: ChangedEntity, id: number, part: RecordPart): Promise<void> {
    await this.cache.invalidate(unitsOfPart(entity, id));
    this.announcer.announce({ entity, kind: "UPDATED", id, part });
  }
}
