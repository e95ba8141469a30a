import {
  isPhpArray,
  phpEntries,
  phpGet,
  phpIntval,
  phpIsset,
  phpToString,
  phpValues,
  type PhpArray,
} from "../php-array";
import { type OfflineOrder, type OfflineOrderField } from "../offline-order";
import { type OfflineRecord } from "../offline-queue";
import { PortalError } from "../portal-error";
import { phpIsoDate } from "../rest-time";

/**
 * Reading the parameters of event.offline.* as Api\Event does (names in any case, values through
 * intval() and trim()), and writing the queue's records as the methods answer them.
 */

/** The fields event.offline.get sorts by; event.offline.list adds PROCESS_ID and ERROR. */
export const GET_ORDER_FIELDS: readonly OfflineOrderField[] = [
  "ID",
  "TIMESTAMP_X",
  "EVENT_NAME",
  "MESSAGE_ID",
];

/** MESSAGE_IDs are md5 digests (or 32 random hex digits): anything else is refused. */
const MESSAGE_ID_LENGTH = 32;

/**
 * A trimmed process_id, or undefined when it was not given at all. An empty one counts, as on the
 * server: it names the records no process reserved, so a get with it reserves nothing and a
 * clear with it deletes every open record.
 */
export function readProcessId(query: PhpArray): string | undefined {
  return phpIsset(query, "PROCESS_ID")
    ? phpToString(phpGet(query, "PROCESS_ID")).trim()
    : undefined;
}

/**
 * `order` as {FIELD: "ASC"|"DESC"}. Fields the method does not sort by and other directions are
 * left out (GUESS: the server's sanitizeOrder was not read; dropping them is the forgiving choice).
 */
export function readOrder(
  query: PhpArray,
  fields: readonly OfflineOrderField[],
  fallback: OfflineOrder,
): OfflineOrder {
  const given = phpGet(query, "ORDER");
  if (!isPhpArray(given)) return fallback;
  const order: Array<[OfflineOrderField, "ASC" | "DESC"]> = [];
  for (const [key, value] of phpEntries(given)) {
    const field = fields.find((candidate) => candidate === key.toUpperCase());
    const direction = phpToString(value).toUpperCase();
    if (field !== undefined && (direction === "ASC" || direction === "DESC")) {
      order.push([field, direction]);
    }
  }
  return order.length > 0 ? order : fallback;
}

/** message_id: an array of 32-character MESSAGE_IDs, trimmed. */
export function readMessageIds(value: unknown, checkLength: boolean): string[] {
  if (!isPhpArray(value)) throw messageIdsExpected();
  return phpValues(value).map((item) => {
    const messageId = phpToString(item).trim();
    if (checkLength && messageId.length !== MESSAGE_ID_LENGTH) throw messageIdsExpected();
    return messageId;
  });
}

/** id: an array of positive record ids. */
export function readRecordIds(value: unknown): number[] {
  const rule = new PortalError("ERROR_ARGUMENT", "Value must be array of integers");
  if (!isPhpArray(value)) throw rule;
  return phpValues(value).map((item) => {
    const id = phpIntval(item);
    if (id <= 0) throw rule;
    return id;
  });
}

/** A record as event.offline.get answers it. */
export function recordView(record: OfflineRecord) {
  return {
    ID: String(record.id),
    TIMESTAMP_X: phpIsoDate(record.timestamp),
    EVENT_NAME: record.eventName,
    EVENT_DATA: { ID: String(record.objectId) },
    EVENT_ADDITIONAL: false,
    MESSAGE_ID: record.messageId,
  };
}

/** A record as event.offline.list answers it: who reserved it ("" nobody) and its error mark. */
export function listedRecordView(record: OfflineRecord) {
  return { ...recordView(record), PROCESS_ID: record.processId, ERROR: record.error ? "1" : "0" };
}

function messageIdsExpected(): PortalError {
  return new PortalError("ERROR_ARGUMENT", "Value must be array of MESSAGE_ID values");
}
