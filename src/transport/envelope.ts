import { BitrixApiError, BitrixMalformedResponseError } from "./errors";

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
 * Turns an HTTP answer into a success envelope, or throws the matching BitrixError. `scrub` removes
 * credentials from any text the portal echoes back.
 */
export function parseEnvelope<T>(
  method: string,
  response: RawResponse,
  scrub: (text: string) => string,
): BitrixSuccess<T> {
  const json = parseJsonObject(response.body);
  if (json === undefined) {
    throw new BitrixMalformedResponseError(method, response.status, response.contentType);
  }
  if ("error" in json && (typeof json.error === "string" || typeof json.error === "number")) {
    const description =
      typeof json.error_description === "string" ? scrub(json.error_description) : "";
    // The docs show numeric codes, the server sends strings; both become strings here.
    throw new BitrixApiError(String(json.error), description, method, response.status);
  }
  if (response.status >= 300 || !("result" in json)) {
    throw new BitrixMalformedResponseError(method, response.status, response.contentType);
  }
  const success: BitrixSuccess<T> = { result: json.result as T };
  if (isObject(json.time)) success.time = json.time as unknown as BitrixTime;
  if (typeof json.total === "number") success.total = json.total;
  if (typeof json.next === "number") success.next = json.next;
  return success;
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
