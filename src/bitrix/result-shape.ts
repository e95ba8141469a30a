import { parseAddResult } from "./add-result";
import { resultOf } from "../transport/batch-command";
import { BitrixError } from "../transport/errors";
import type { BitrixParams } from "../transport/http-client";
import type { BitrixSuccess } from "../transport/envelope";
import type { Upstream } from "../transport/upstream";

/** `result[key]`, which must be an object; anything else is a protocol this client does not know. */
export function field<T>(method: string, result: unknown, key: string): T {
  const value = (result as Record<string, unknown> | null)?.[key];
  if (typeof value !== "object" || value === null) {
    throw new BitrixError("MALFORMED_RESPONSE", `result has no "${key}" object`, method, 200);
  }
  return value as T;
}

/** `result[key]` as an array; PHP sends an empty list as `[]` and sometimes as `{}`. */
export function list<T>(method: string, result: unknown, key: string): T[] {
  const value = field<T[] | Record<string, T>>(method, result, key);
  return Array.isArray(value) ? value : Object.values(value);
}

/** A `get` that reads one record back after a write: its method, params and result key. */
export interface RecordRead {
  method: string;
  params: BitrixParams;
  key: string;
}

/**
 * What `read` found, where `read` ran after a write in the same halting batch and the write has
 * already succeeded. If only the read failed, the write stands: the record is read again on its
 * own, never written again.
 */
export async function readBack<T>(
  upstream: Upstream,
  read: Promise<BitrixSuccess>,
  again: RecordRead,
): Promise<T> {
  try {
    return field<T>(again.method, (await read).result, again.key);
  } catch {
    const { result } = await upstream.call(again.method, again.params);
    return field<T>(again.method, result, again.key);
  }
}

/**
 * Sends `write` and, when `then` is given, the read of `then` in the same upstream request, the read
 * running only if the write succeeded. Resolves to what the read found, or undefined without one.
 */
export async function writeThenRead<T>(
  upstream: Upstream,
  write: { method: string; params: BitrixParams },
  then: RecordRead | undefined,
): Promise<T | undefined> {
  if (!then) {
    await upstream.call(write.method, write.params);
    return undefined;
  }
  const [written, read] = upstream.sequence([write, { method: then.method, params: then.params }]);
  await written;
  return readBack<T>(upstream, read!, then);
}

/**
 * Sends a call that creates a record (`add`, `createfrom*`) and the read of the new record, chained
 * to its id with `$result`, as one halting upstream request. If only the read fails, the record
 * exists: it is read again on its own, never created again.
 */
export async function createThenRead<T>(
  upstream: Upstream,
  create: { method: string; params: BitrixParams },
  readOf: (id: number | string) => RecordRead,
): Promise<T> {
  const chained = readOf(resultOf(0));
  const [created, read] = upstream.sequence([
    create,
    { method: chained.method, params: chained.params },
  ]);
  const id = parseAddResult(create.method, (await created!).result);
  return readBack<T>(upstream, read!, readOf(id));
}
