import { LIST_PAGE_SIZE } from "../list-window";
import { OFFLINE_ORDER_FIELDS } from "../offline-order";
import { phpGet, phpIntval, phpIsset, phpUpperCaseKeys } from "../php-array";
import { PortalError } from "../portal-error";
import { argumentNullOrEmpty, requireAdministrator } from "./event-query";
import { type MethodGroup } from "./method";
import {
  GET_ORDER_FIELDS,
  listedRecordView,
  readMessageIds,
  readOrder,
  readProcessId,
  readRecordIds,
  recordView,
} from "./offline-query";

/** "Number of records to select. Default is 50" (event-offline-get.md). */
const DEFAULT_LIMIT = 50;

/**
 * event.offline.get, .clear, .error and .list: the application's offline queue, as Api\Event and
 * EventOfflineTable handle it. Only the installed application's own token may call them (an
 * administrator in an application's context). `filter` and `auth_connector` are not supported:
 * a filter is ignored, and every record belongs to the connector "".
 */
export const eventOfflineMethods: MethodGroup = {
  /**
   * Without process_id: reserves up to `limit` records in TIMESTAMP_X order (error=1: the records
   * event.offline.error marked, else the others) and either deletes them (clear=1, the default;
   * process_id null) or leaves them reserved under a new process_id (clear=0) that hides them from
   * every other get. With process_id: returns that process's records again and reserves nothing
   * new; with clear=1 it then deletes every record of the process, as the server does.
   */
  "event.offline.get": ({ params, caller, application }) => {
    requireAdministrator(caller);
    const query = phpUpperCaseKeys(params);
    const clear = phpIsset(query, "CLEAR") ? phpIntval(phpGet(query, "CLEAR")) !== 0 : true;
    if (!clear && !application.offlineExtended) throw extendedModeUnavailable();
    const limit = phpIsset(query, "LIMIT") ? phpIntval(phpGet(query, "LIMIT")) : DEFAULT_LIMIT;
    if (limit <= 0) throw new PortalError("ERROR_ARGUMENT", "Value must be positive integer");
    const batch = application.offlineQueue.take({
      limit,
      clear,
      processId: readProcessId(query),
      errors: phpIsset(query, "ERROR") && phpIntval(phpGet(query, "ERROR")) === 1,
      order: readOrder(query, GET_ORDER_FIELDS, [["TIMESTAMP_X", "ASC"]]),
    });
    return { result: { process_id: batch.processId, events: batch.records.map(recordView) } };
  },

  /**
   * Deletes the process's records: those with the MESSAGE_IDs in message_id, else those with the
   * ids in id, else all of them. message_id wins over id, as in the server's code (the docs say
   * the opposite).
   */
  "event.offline.clear": ({ params, caller, application }) => {
    requireAdministrator(caller);
    const query = phpUpperCaseKeys(params);
    const processId = readProcessId(query);
    if (processId === undefined) throw argumentNullOrEmpty("PROCESS_ID");
    const queue = application.offlineQueue;
    if (phpIsset(query, "MESSAGE_ID")) {
      queue.clear(processId, { messageIds: readMessageIds(phpGet(query, "MESSAGE_ID"), true) });
    } else if (phpIsset(query, "ID")) {
      queue.clear(processId, { ids: readRecordIds(phpGet(query, "ID")) });
    } else {
      queue.clear(processId);
    }
    return { result: true };
  },

  /**
   * Marks the process's records with these MESSAGE_IDs as errors: they leave the reservation and
   * wait for an event.offline.get with error=1. Unmarked records with the same MESSAGE_IDs that
   * belong to nobody or to another process are deleted (EventOfflineTable::markError).
   */
  "event.offline.error": ({ params, caller, application }) => {
    requireAdministrator(caller);
    const query = phpUpperCaseKeys(params);
    const processId = readProcessId(query);
    if (processId === undefined) throw argumentNullOrEmpty("PROCESS_ID");
    const messageIds = readMessageIds(phpGet(query, "MESSAGE_ID"), false);
    if (messageIds.length > 0) application.offlineQueue.markError(processId, messageIds);
    return { result: true };
  },

  /** Every record, reserved and marked ones too, 50 a page by `start`, by ID unless ordered. */
  "event.offline.list": ({ params, caller, application, window }) => {
    requireAdministrator(caller);
    const query = phpUpperCaseKeys(params);
    const records = application.offlineQueue.list(
      readOrder(query, OFFLINE_ORDER_FIELDS, [["ID", "ASC"]]),
    );
    const page = records.slice(window.offset, window.offset + LIST_PAGE_SIZE);
    const next = window.offset + LIST_PAGE_SIZE;
    return {
      result: page.map(listedRecordView),
      total: records.length,
      ...(next < records.length ? { next } : {}),
    };
  },
};

/**
 * clear=0 on a plan without the extended mode (feature rest_offline_extended): LicenseException.
 * GUESS: its code and text were not found; it is taken to be an AccessException like the others.
 */
function extendedModeUnavailable(): PortalError {
  return new PortalError("ACCESS_DENIED", "Access denied! extended offline events handling", 403);
}
