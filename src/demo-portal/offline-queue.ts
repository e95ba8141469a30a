import { createHash } from "node:crypto";
import { type OfflineCollapse } from "./application-settings";
import { entityOf, type BookingEvent, type BookingEventName } from "./booking-events";
import { compareRecords, type OfflineOrder } from "./offline-order";
import { randomToken } from "./random-token";

/** One row of the queue (b_rest_event_offline). */
export interface OfflineRecord {
  readonly id: number;
  /** Unix seconds of the latest change it stands for (TIMESTAMP_X is a datetime: whole seconds). */
  timestamp: number;
  eventName: BookingEventName;
  /** The object's id, data[ID] of the event. */
  readonly objectId: number;
  /** Changes with the same key and an open record share it (see OfflineCollapse). */
  readonly collapseKey: string;
  readonly messageId: string;
  /** "" while no event.offline.get reserved it. */
  processId: string;
  /** Marked by event.offline.error. */
  error: boolean;
}

export interface TakeRequest {
  limit: number;
  /** Delete what is returned (clear=1), or leave it reserved under the process id (clear=0). */
  clear: boolean;
  /** Re-read the records this process reserved before, instead of reserving new ones. */
  processId: string | undefined;
  /** Records marked by event.offline.error (error=1), else the others. */
  errors: boolean;
  order: OfflineOrder;
}

export interface TakenBatch {
  /** null when clear=1 reserved the records only for the moment of deleting them. */
  processId: string | null;
  records: OfflineRecord[];
}

/**
 * The application's offline event queue, kept the way the server keeps it (EventOfflineTable):
 * a change goes into the open record of its key when there is one (TIMESTAMP_X and the event name
 * move on, ID and MESSAGE_ID stay), else into a new record. Records that an event.offline.get
 * reserved, or that event.offline.error marked, are never updated: a change arriving meanwhile gets
 * a record of its own, so the change survives the reservation's clear.
 *
 * Everything here runs in one turn of the event loop, so parallel gets never share a record.
 * `onSizeChange` hears the number of records after every change.
 */
export class OfflineQueue {
  private records: OfflineRecord[] = [];
  private lastId = 0;

  constructor(
    private readonly collapse: OfflineCollapse,
    private readonly onSizeChange: (size: number) => void,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** Records one change at `timestamp` (Unix seconds). */
  record(event: BookingEvent, timestamp: number): void {
    const collapseKey = this.keyOf(event);
    const open = this.records.find(
      (record) => record.collapseKey === collapseKey && record.processId === "" && !record.error,
    );
    if (open !== undefined) {
      open.eventName = event.name;
      open.timestamp = Math.floor(timestamp);
      return;
    }
    this.lastId += 1;
    this.records.push({
      id: this.lastId,
      timestamp: Math.floor(timestamp),
      eventName: event.name,
      objectId: event.id,
      collapseKey,
      messageId: this.messageIdOf(event),
      processId: "",
      error: false,
    });
    this.onSizeChange(this.records.length);
  }

  /**
   * event.offline.get (Api\Event::eventOfflineGet). Without a process id: reserves up to `limit`
   * open records (or error-marked ones, with `errors`) under a new random id. With one: reserves
   * nothing new and returns that process's records again. With `clear`, and when anything was
   * returned, deletes every record of the process, returned or not, as the server does.
   */
  take(request: TakeRequest): TakenBatch {
    const owner = request.processId ?? randomToken();
    if (request.processId === undefined) {
      const open = this.sorted((record) => isOpen(record, request.errors), request.order);
      for (const record of open.slice(0, request.limit)) record.processId = owner;
    }
    const records = this.sorted(
      (record) => record.processId === owner && record.error === request.errors,
      request.order,
    )
      .slice(0, request.limit)
      .map((record) => ({ ...record }));
    if (request.clear && records.length > 0) this.remove((record) => record.processId === owner);
    const returnsProcessId = !request.clear || request.processId !== undefined;
    return { processId: returnsProcessId ? owner : null, records };
  }

  /** event.offline.clear: the process's records, all or those with the given ids or MESSAGE_IDs. */
  clear(processId: string, only?: { ids: readonly number[] } | { messageIds: readonly string[] }) {
    this.remove(
      (record) =>
        record.processId === processId &&
        (only === undefined ||
          ("ids" in only
            ? only.ids.includes(record.id)
            : only.messageIds.includes(record.messageId))),
    );
  }

  /**
   * event.offline.error (EventOfflineTable::markError): among the unmarked records with these
   * MESSAGE_IDs, the process's own become error records open to everyone (PROCESS_ID ""), and the
   * others, open or reserved elsewhere, are deleted: the error record stands for them.
   */
  markError(processId: string, messageIds: readonly string[]): void {
    const named = (record: OfflineRecord) => !record.error && messageIds.includes(record.messageId);
    this.remove((record) => named(record) && record.processId !== processId);
    for (const record of this.records) {
      if (!named(record)) continue;
      record.error = true;
      record.processId = "";
    }
  }

  /** event.offline.list: every record, reserved and marked ones included. */
  list(order: OfflineOrder): OfflineRecord[] {
    return this.sorted(() => true, order).map((record) => ({ ...record }));
  }

  /** Uninstall: the application's queue goes with it. */
  removeAll(): void {
    this.remove(() => true);
  }

  private keyOf(event: BookingEvent): string {
    const subject = this.collapse === "event" ? event.name : entityOf(event.name);
    return `${subject}|${event.id}`;
  }

  /**
   * The server's MESSAGE_ID is md5(EVENT_NAME|json(EVENT_DATA)): the same for every record of one
   * event and object, before and after a reservation. The "object" rule gives each record a fresh
   * one instead, as the docs' reading of the queue would have it.
   */
  private messageIdOf(event: BookingEvent): string {
    if (this.collapse === "object") return randomToken();
    const data = JSON.stringify({ ID: String(event.id) });
    return createHash("md5").update(`${event.name}|${data}`).digest("hex");
  }

  private sorted(keep: (record: OfflineRecord) => boolean, order: OfflineOrder): OfflineRecord[] {
    return this.records.filter(keep).sort((a, b) => compareRecords(a, b, order));
  }

  private remove(drop: (record: OfflineRecord) => boolean): void {
    const before = this.records.length;
    this.records = this.records.filter((record) => !drop(record));
    if (this.records.length !== before) this.onSizeChange(this.records.length);
  }
}

/** Open for a new reservation: not reserved, and marked or not as asked. */
function isOpen(record: OfflineRecord, errors: boolean): boolean {
  return record.processId === "" && record.error === errors;
}
