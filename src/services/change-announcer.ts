/** What changed: one of the four booking.v1 entities Bitrix24 sends events about. */
export type ChangedEntity = "booking" | "resource" | "resourceType" | "waitListItem";

export type ChangeKindName = "ADDED" | "UPDATED" | "DELETED";

/** A change as a writer announces it; the bus adds the key, the source and the times. */
export interface ChangeNotice {
  entity: ChangedEntity;
  kind: ChangeKindName;
  id: number;
}

/** Told of every write the gateway makes that Bitrix24 will also announce as an event. */
export interface ChangeAnnouncer {
  announce(notice: ChangeNotice): void;
}

/** For code that writes without anyone listening (tools, tests of the services alone). */
export const SILENT_ANNOUNCER: ChangeAnnouncer = { announce: () => undefined };
