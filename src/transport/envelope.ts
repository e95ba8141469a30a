import { BitrixApiError, BitrixMalformedResponseError } from "./errors";
import { scrubJson, type Scrub } from "./scrub";

/** The `time` object of a successful answer. `operating*` appear only when the portal's limiter is on. */
export interface BitrixTime {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  /** Seconds this method has used in the portal's 10-minute operating window. */
  operating?: number;
  /** Unix seconds when the operating window resets. */
  operating_reset_at?: number;
}

/** A successful answer: `result` plus the envelope fields the portal may add. */
export interface BitrixSuccess<T = unknown> {
  result: T;
  time?: BitrixTime;
  /** Lists report `total`; booking.v1 lists always send 0 (see the wire-protocol notes). */
  total?: number;
  /** booking.v1 lists never send `next`; kept for other methods. */
  next?: number;
}

export interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * Turns an HTTP answer into a success envelope, or throws the matching BitrixError. This is the one
 * place where what the portal sent is scrubbed of credentials (`scrub`): the whole answer, as it is
 * parsed, so that no later layer (batch results, error mapping, logs, the client) ever holds an
 * unscrubbed string, whichever field a portal or a proxy chose to echo a webhook URL in.
 */
export function parseEnvelope<T>(
  method: string,
  response: RawResponse,
  scrub: Scrub,
): BitrixSuccess<T> {
  const contentType = response.contentType === undefined ? undefined : scrub(response.contentType);
  const json = parseJsonObject(response.body, scrub);
  if (json === undefined) {
    throw new BitrixMalformedResponseError(method, response.status, contentType);
  }
  if ("error" in json && (typeof json.error === "string" || typeof json.error === "number")) {
    const description = typeof json.error_description === "string" ? json.error_description : "";
    // The docs show numeric codes, the server sends strings; both become strings here.
    throw new BitrixApiError(String(json.error), description, method, response.status);
  }
  if (response.status >= 300 || !("result" in json)) {
    throw new BitrixMalformedResponseError(method, response.status, contentType);
  }
  const success: BitrixSuccess<T> = { result: json.result as T };
  if (isObject(json.time)) success.time = json.time as unknown as BitrixTime;
  if (typeof json.total === "number") success.total = json.total;
  if (typeof json.next === "number") success.next = json.next;
  return success;
}

function parseJsonObject(body: string, scrub: Scrub): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  return isObject(value) ? (scrubJson(value, body, scrub) as Record<string, unknown>) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
