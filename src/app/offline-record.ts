import type { EventDelivery } from "../events/event-delivery";
import { PORTAL_EVENTS } from "../events/portal-events";

/** One record of the portal's offline event queue, as `event.offline.get` returns it. */
export interface OfflineRecord {
  ID: string;
  TIMESTAMP_X: string;
  EVENT_NAME: string;
  EVENT_DATA: unknown;
  MESSAGE_ID: string;
}

/** What `event.offline.get` answers: the batch it reserved, and its records. */
export interface OfflineBatch {
  processId: string | undefined;
  records: OfflineRecord[];
}

/** Reads the answer of `event.offline.get`; anything that is not a record is left out. */
export function readOfflineBatch(result: unknown): OfflineBatch {
  const fields = (typeof result === "object" && result !== null ? result : {}) as {
    process_id?: unknown;
    events?: unknown;
  };
  const records = Array.isArray(fields.events) ? fields.events.filter(isRecord) : [];
  const processId =
    typeof fields.process_id === "string" && fields.process_id !== ""
      ? fields.process_id
      : undefined;
  return { processId, records };
}

/**
 * The change a record names, as a pushed event would: the queue keeps one record per object with
 * its latest event, and its `EVENT_DATA` carries the object's `ID` as a push's `data` does.
 * Undefined for a record that names no booking change (it is cleared, never retried).
 */
export function deliveryOf(record: OfflineRecord): EventDelivery | undefined {
  const event = record.EVENT_NAME.toUpperCase();
  const meaning = PORTAL_EVENTS[event];
  if (!meaning) return undefined;
  const data = (
    typeof record.EVENT_DATA === "object" && record.EVENT_DATA !== null ? record.EVENT_DATA : {}
  ) as Record<string, unknown>;
  const nested = (data.FIELDS ?? {}) as Record<string, unknown>;
  const id = positiveInteger(data.ID ?? nested.ID);
  if (id === undefined) return undefined;
  const changedAt = Date.parse(record.TIMESTAMP_X);
  const ts = Number.isFinite(changedAt) ? Math.floor(changedAt / 1000) : 0;
  return { event, ...meaning, id, ts };
}

function isRecord(value: unknown): value is OfflineRecord {
  const record = value as Partial<OfflineRecord> | null;
  return (
    typeof record?.MESSAGE_ID === "string" &&
    typeof record.EVENT_NAME === "string" &&
    typeof record.TIMESTAMP_X === "string"
  );
}

function positiveInteger(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  return Number(text);
}
