/** What changed: one of the four booking.v1 entities Bitrix24 sends events about. */
export type ChangedEntity = "booking" | "resource" | "resourceType" | "waitListItem";

export type ChangeKindName = "ADDED" | "UPDATED" | "DELETED";

/** What hangs off a record and is written apart from it: a booking's clients, a resource's slots. */
export type RecordPart = "clients" | "externalData" | "slots";

/** A change as a writer announces it; the bus adds the key, the source and the times. */
export interface ChangeNotice {
  entity: ChangedEntity;
  kind: ChangeKindName;
  id: number;
  /**
   * Set when only this part of the record changed (an UPDATED). The record's own fields are as they
   * were, so the content rule cannot see the change: subscribers are sent it whatever those say.
   */
  part?: RecordPart;
}

/**
 * Told of every write the gateway makes: those Bitrix24 also announces as events, and those of a
 * record's parts, which it announces with none.
 */
export interface ChangeAnnouncer {
  announce(notice: ChangeNotice): void;
}

/** For code that writes without anyone listening (tools, tests of the services alone). */
export const SILENT_ANNOUNCER: ChangeAnnouncer = { announce: () => undefined };
