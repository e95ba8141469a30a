import { type OfflineRecord } from "./offline-queue";

/** The fields event.offline.* sort by (event.offline.get only the first four). */
export const OFFLINE_ORDER_FIELDS = [
  "ID",
  "TIMESTAMP_X",
  "EVENT_NAME",
  "MESSAGE_ID",
  "PROCESS_ID",
  "ERROR",
] as const;

export type OfflineOrderField = (typeof OFFLINE_ORDER_FIELDS)[number];

/** Sort keys in order of precedence; ID ASC always breaks the remaining ties. */
export type OfflineOrder = ReadonlyArray<readonly [OfflineOrderField, "ASC" | "DESC"]>;

/** By the order given, then ID ascending. */
export function compareRecords(a: OfflineRecord, b: OfflineRecord, order: OfflineOrder): number {
  for (const [field, direction] of order) {
    const left = sortValue(a, field);
    const right = sortValue(b, field);
    if (left === right) continue;
    const ascending = left < right ? -1 : 1;
    return direction === "ASC" ? ascending : -ascending;
  }
  return a.id - b.id;
}

function sortValue(record: OfflineRecord, field: OfflineOrderField): string | number {
  switch (field) {
    case "ID":
      return record.id;
    case "TIMESTAMP_X":
      return record.timestamp;
    case "EVENT_NAME":
      return record.eventName;
    case "MESSAGE_ID":
      return record.messageId;
    case "PROCESS_ID":
      return record.processId;
    case "ERROR":
      return record.error ? 1 : 0;
  }
}
