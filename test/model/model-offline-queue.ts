import { createHash } from "node:crypto";
import type { Scheduler } from "fast-check";
import { PORTAL_EVENTS } from "../../src/events/portal-events";
import type { BitrixSuccess } from "../../src/transport/envelope";
import {
  BitrixAbortedError,
  BitrixApiError,
  BitrixNetworkError,
  BitrixNotExecutedError,
  type BitrixError,
} from "../../src/transport/errors";
import type { BitrixParams } from "../../src/transport/http-client";
import type { Upstream, UpstreamCall } from "../../src/transport/upstream";

/** One change made on the portal, stamped with the model's logical time. */
export interface PortalChange {
  at: number;
  event: string;
  /** `entity|id` for a booking event, `other|EVENT|id` for any other application event. */
  object: string;
  id: number;
}

/** One record of the queue, with the changes it stands for (the model's bookkeeping). */
export interface QueueRecord {
  readonly id: number;
  readonly messageId: string;
  /** Which changes go into this record while it is open. */
  readonly key: string;
  readonly object: string;
  readonly objectId: number;
  eventName: string;
  /** TIMESTAMP_X, in the model's logical time: the latest change recorded into it. */
  changedAt: number;
  /**
   * The changes it stands for: those recorded into it, and those of the records that
   * event.offline.error deleted in its favour.
   */
  readonly changes: PortalChange[];
  /** PROCESS_ID: "" while open, else the event.offline.get that reserved it. */
  processId: string;
  /** ERROR: marked by event.offline.error. */
  error: boolean;
}

/**
 * How the portal keys the queue. "event": the server's table (EventOfflineTable::callEvent), one
 * open record per event name and object, its MESSAGE_ID md5(EVENT_NAME|{"ID":"<id>"}), the same
 * for every record of one event and object. "object": one open record per entity and object, each
 * record with a MESSAGE_ID of its own (the demo portal's `offlineCollapse: "object"`).
 */
export type Collapse = "object" | "event";

/** A call that fails: before it runs on the portal, or after (it ran, and its answer was lost). */
export interface CallFault {
  /** Only calls of this method; any call when undefined. */
  method: string | undefined;
  when: "before" | "after";
  error: "network" | "api";
}

/** Who makes a call: a replica's instance, which may die with calls on their way. */
export interface Caller {
  name: string;
  /** False once the instance crashed: its calls still reach the portal, their answers never return. */
  alive(): boolean;
  /** The drain's closing signal: an aborted call is refused, or its answer dropped. */
  signal: AbortSignal | undefined;
}

export interface QueueHooks {
  /** The model's logical time, moved on by every change and delivery. */
  now(): number;
  /**
   * A record leaves the queue with the changes it stands for: event.offline.clear, a get with
   * clear=1, or event.offline.error deleting a record that no record of the marking process stands
   * for. `heldBy` names the other process that had it reserved (its drainer has the record's
   * contents, and may still deliver them).
   */
  onDelete(record: QueueRecord, processId: string, heldBy?: string): void;
  trace?(line: string): void;
}

const BASE_TIME = Date.parse("2026-12-01T00:00:00Z");
/** event.offline.list answers 50 records a page. */
const LIST_PAGE = 50;

/**
 * The portal's offline event queue as the Bitrix24 server keeps it (EventOfflineTable and
 * Api\Event::eventOffline*; the demo portal's src/demo-portal/offline-queue.ts does the same):
 *
 * - a change goes into the open record of its key (PROCESS_ID "" and ERROR 0) when there is one
 *   (TIMESTAMP_X and EVENT_NAME move on, ID and MESSAGE_ID stay), else into a new record;
 * - `event.offline.get` {clear, limit, error?} without process_id reserves up to `limit` open
 *   records whose ERROR equals `error` (0 unless error=1) under a new process id, oldest TIMESTAMP_X
 *   first, then by ID; with process_id it reserves nothing new. Either way it answers
 *   {process_id, events} with that process's records whose ERROR equals `error`; clear=1 deletes
 *   every record of the process once any was returned. One step: parallel gets never share a record;
 * - `event.offline.clear` {process_id, message_id?} deletes that process's records (those named);
 * - `event.offline.error` {process_id, message_id[]}: among the records with ERROR 0 and those
 *   MESSAGE_IDs, deletes those of other processes or open, then makes the process's own error
 *   records open to everyone (PROCESS_ID "", ERROR 1). Records already marked are left as they are;
 * - `event.offline.list` {order?, start?}: every record with its PROCESS_ID and ERROR, 50 a page, by
 *   ID or by `order` ({PROCESS_ID: "DESC"}: reserved ones first); `filter` is ignored;
 * - `event.bind` answers true, or ERROR_CORE "Handler already binded" for a binding that exists.
 *
 * Every call is two steps of the fast-check scheduler: it runs on the portal at the first, and its
 * answer arrives at the second. Faults (`faults`) make a call fail before it runs, or after it ran
 * (applied, and answered with an error: the answer lost).
 */
export class ModelOfflineQueue {
  readonly records: QueueRecord[] = [];
  readonly bindings = new Set<string>();
  /** Faults still to happen, each taken by the first call it matches. */
  readonly faults: CallFault[] = [];
  private lastId = 0;
  private lastMessage = 0;
  private lastProcess = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly collapse: Collapse,
    private readonly hooks: QueueHooks,
  ) {}

  /** A change on the portal, recorded at the model's current time. */
  change(event: string, id: number): PortalChange {
    const change: PortalChange = { at: this.hooks.now(), event, object: objectOf(event, id), id };
    const key = this.collapse === "event" ? `${event}|${id}` : change.object;
    const open = this.records.find(
      (record) => record.key === key && record.processId === "" && !record.error,
    );
    if (open) {
      open.eventName = event;
      open.changedAt = change.at;
      open.changes.push(change);
      this.trace(`portal: ${event} ${id} updates record ${open.id}`);
      return change;
    }
    this.lastId += 1;
    this.records.push({
      id: this.lastId,
      messageId: this.messageIdOf(event, id),
      key,
      object: change.object,
      objectId: id,
      eventName: event,
      changedAt: change.at,
      changes: [change],
      processId: "",
      error: false,
    });
    this.trace(`portal: ${event} ${id} adds record ${this.lastId}`);
    return change;
  }

  /** The application's view of the portal for one caller. */
  upstream(caller: Caller): Upstream {
    const call = <T>(method: string, params: BitrixParams) =>
      this.call(caller, method, params) as Promise<BitrixSuccess<T>>;
    return {
      call,
      sequence: (calls: UpstreamCall[]) => {
        let previous: Promise<unknown> = Promise.resolve();
        return calls.map(({ method, params }) => {
          const next = previous.then(
            () => call(method, params),
            () => Promise.reject(new BitrixNotExecutedError(method)),
          );
          previous = next;
          return next;
        });
      },
    };
  }

  describe(record: QueueRecord): string {
    const state = record.processId === "" ? "open" : `reserved by ${record.processId}`;
    return `record ${record.id} (${record.eventName} ${record.objectId}, ${short(record.messageId)}, TIMESTAMP_X ${record.changedAt}, latest change ${latestChange(record)}, ${state}${record.error ? ", ERROR 1" : ""})`;
  }

  private messageIdOf(event: string, id: number): string {
    if (this.collapse === "object") {
      this.lastMessage += 1;
      return `m${this.lastMessage}`;
    }
    const data = JSON.stringify({ ID: String(id) });
    return createHash("md5").update(`${event}|${data}`).digest("hex");
  }

  private async call(caller: Caller, method: string, params: BitrixParams): Promise<BitrixSuccess> {
    if (caller.signal?.aborted) throw new BitrixAbortedError(method);
    const index = this.faults.findIndex((fault) => (fault.method ?? method) === method);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
    await this.scheduler.schedule(Promise.resolve(), `${caller.name} ${method}`);
    let outcome: BitrixSuccess | { error: BitrixError };
    if (fault?.when === "before") {
      outcome = { error: errorOf(fault, method) };
      this.trace(`${caller.name} ${method} fails before it runs`);
    } else {
      try {
        outcome = this.run(caller, method, params);
      } catch (error) {
        // Parameters the portal refuses: its answer is an error envelope.
        const description = error instanceof Error ? error.message : String(error);
        outcome = { error: new BitrixApiError("INVALID_ARG_VALUE", description, method, 400) };
      }
    }
    await this.scheduler.schedule(Promise.resolve(), `${caller.name} ${method} answered`);
    // A crashed replica: the answer comes to no one.
    if (!caller.alive()) return new Promise<never>(() => undefined);
    if (caller.signal?.aborted) throw new BitrixAbortedError(method);
    if (fault?.when === "after") {
      this.trace(`${caller.name} ${method} ran, and its answer is lost`);
      throw errorOf(fault, method);
    }
    if ("error" in outcome) throw outcome.error;
    return outcome;
  }

  private run(
    caller: Caller,
    method: string,
    params: BitrixParams,
  ): BitrixSuccess | { error: BitrixError } {
    switch (method) {
      case "event.offline.get":
        return { result: this.get(caller, params) };
      case "event.offline.clear": {
        const processId = requiredString(params.process_id);
        const named = optionalList(params.message_id);
        const gone = this.records.filter(
          (record) =>
            record.processId === processId && (!named || named.includes(record.messageId)),
        );
        this.remove(gone, processId);
        this.trace(`${caller.name} clear ${processId}: ${ids(gone)}`);
        return { result: true };
      }
      case "event.offline.error": {
        const processId = requiredString(params.process_id);
        const named = optionalList(params.message_id) ?? [];
        this.markError(caller, processId, named);
        return { result: true };
      }
      case "event.offline.list":
        return this.list(params);
      case "event.bind": {
        this.trace(`${caller.name} bind ${JSON.stringify(params)}`);
        const binding = [params.event, params.event_type ?? "online", params.handler ?? ""].join(
          "|",
        );
        if (this.bindings.has(binding)) {
          return {
            error: new BitrixApiError("ERROR_CORE", "Handler already binded", method, 400),
          };
        }
        this.bindings.add(binding);
        return { result: true };
      }
      default:
        return {
          error: new BitrixApiError("ERROR_METHOD_NOT_FOUND", "Method not found!", method, 404),
        };
    }
  }

  private get(caller: Caller, params: BitrixParams): unknown {
    const given =
      typeof params.process_id === "string" && params.process_id !== ""
        ? params.process_id
        : undefined;
    const errors = Number(params.error ?? 0) === 1;
    const limit = Number(params.limit ?? 50);
    if (!(limit > 0)) throw new Error(`limit must be a positive integer, got ${limit}`);
    const processId = given ?? this.newProcessId();
    if (given === undefined) {
      const open = this.sorted((record) => record.processId === "" && record.error === errors);
      for (const record of open.slice(0, limit)) record.processId = processId;
    }
    const selected = this.sorted(
      (record) => record.processId === processId && record.error === errors,
    ).slice(0, limit);
    const events = selected.map((record) => ({
      ID: String(record.id),
      TIMESTAMP_X: new Date(BASE_TIME + record.changedAt * 1000).toISOString(),
      EVENT_NAME: record.eventName,
      EVENT_DATA: { ID: String(record.objectId) },
      EVENT_ADDITIONAL: false,
      MESSAGE_ID: record.messageId,
    }));
    this.trace(
      `${caller.name} get ${given ?? "(new)"}${errors ? " error=1" : ""} -> ${processId}: ${ids(selected)}`,
    );
    const clear = Number(params.clear ?? 1) !== 0;
    if (clear && selected.length > 0) {
      this.remove(
        this.records.filter((record) => record.processId === processId),
        processId,
      );
    }
    return { process_id: !clear || given !== undefined ? processId : null, events };
  }

  /**
   * EventOfflineTable::markError: deletes the unmarked records with these MESSAGE_IDs that are not
   * the process's, then marks the process's unmarked ones and opens them to everyone. A deleted
   * record's changes pass to the process's record with its MESSAGE_ID, which stands for it; with
   * none there, they leave the queue.
   */
  private markError(caller: Caller, processId: string, named: readonly string[]): void {
    const hit = (record: QueueRecord) => !record.error && named.includes(record.messageId);
    const others = this.records.filter((record) => hit(record) && record.processId !== processId);
    for (const other of others) {
      const heir = this.records.find(
        (record) => record.processId === processId && record.messageId === other.messageId,
      );
      this.records.splice(this.records.indexOf(other), 1);
      if (heir) {
        heir.changes.push(...other.changes);
        this.trace(`  record ${other.id} deleted: record ${heir.id} stands for it`);
      } else {
        this.trace(`  record ${other.id} deleted, and no record stands for it`);
        this.hooks.onDelete(other, processId, other.processId || undefined);
      }
    }
    const marked = this.records.filter((record) => hit(record) && record.processId === processId);
    for (const record of marked) {
      record.error = true;
      record.processId = "";
    }
    this.trace(
      `${caller.name} error ${processId} [${named.map(short).join(",")}]: marks ${ids(marked)}, deletes ${ids(others)}`,
    );
  }

  private list(params: BitrixParams): BitrixSuccess {
    const order = (params.order ?? {}) as Record<string, unknown>;
    const direction = typeof order.PROCESS_ID === "string" ? order.PROCESS_ID.toUpperCase() : "";
    const all = [...this.records].sort(
      (a, b) =>
        (direction === "DESC"
          ? b.processId.localeCompare(a.processId)
          : direction === "ASC"
            ? a.processId.localeCompare(b.processId)
            : 0) || a.id - b.id,
    );
    const start = Number(params.start ?? 0);
    const page = all.slice(start, start + LIST_PAGE).map((record) => ({
      ID: String(record.id),
      TIMESTAMP_X: new Date(BASE_TIME + record.changedAt * 1000).toISOString(),
      EVENT_NAME: record.eventName,
      EVENT_DATA: { ID: String(record.objectId) },
      EVENT_ADDITIONAL: false,
      MESSAGE_ID: record.messageId,
      PROCESS_ID: record.processId,
      ERROR: record.error ? "1" : "0",
    }));
    const next = start + LIST_PAGE;
    return {
      result: page,
      total: all.length,
      ...(next < all.length ? { next } : {}),
    };
  }

  /** Oldest TIMESTAMP_X first, then by ID: event.offline.get's default order. */
  private sorted(keep: (record: QueueRecord) => boolean): QueueRecord[] {
    return this.records.filter(keep).sort((a, b) => a.changedAt - b.changedAt || a.id - b.id);
  }

  private remove(gone: readonly QueueRecord[], processId: string): void {
    for (const record of gone) {
      this.hooks.onDelete(record, processId);
      this.records.splice(this.records.indexOf(record), 1);
    }
  }

  private newProcessId(): string {
    this.lastProcess += 1;
    return `p${this.lastProcess}`;
  }

  private trace(line: string): void {
    this.hooks.trace?.(line);
  }
}

/** The latest change a record stands for. */
export function latestChange(record: QueueRecord): number {
  return Math.max(...record.changes.map((change) => change.at));
}

/** The object a change is about: entity and id for a booking event. */
export function objectOf(event: string, id: number): string {
  const meaning = PORTAL_EVENTS[event];
  return meaning ? `${meaning.entity}|${id}` : `other|${event}|${id}`;
}

function ids(records: readonly QueueRecord[]): string {
  return records.map((record) => record.id).join(",");
}

function short(messageId: string): string {
  return messageId.length > 8 ? messageId.slice(0, 8) : messageId;
}

function errorOf(fault: CallFault, method: string): BitrixError {
  return fault.error === "network"
    ? new BitrixNetworkError(method, "ECONNRESET")
    : new BitrixApiError("INTERNAL_SERVER_ERROR", "Internal server error", method, 500);
}

function requiredString(value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new Error(`process_id must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Error(`message_id must be an array, got ${typeof value}`);
  return value.map(String);
}
