import type { ChangedEntity, ChangeKindName } from "./change";
import { PORTAL_EVENTS } from "./portal-events";

/** One event delivery, checked: what it says changed. (Its token is checked before, by the route.) */
export interface EventDelivery {
  event: string;
  entity: ChangedEntity;
  kind: ChangeKindName;
  id: number;
  /** The event's `ts`, Unix seconds. */
  ts: number;
}

export type DeliveryCheck = { ok: true; delivery: EventDelivery } | { ok: false; reason: string };

/**
 * Reads a delivery as Bitrix24 sends it: form fields with PHP-style keys (`data[ID]`,
 * `auth[application_token]`), already parsed into nested objects, or the same fields as JSON.
 * Anything that is not one of the twelve booking events with a positive integer ID is refused with
 * the reason, before anything is published.
 */
export function checkDelivery(body: unknown): DeliveryCheck {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, reason: "the body must be form fields or a JSON object" };
  }
  const fields = body as Record<string, unknown>;
  const event = typeof fields.event === "string" ? fields.event.toUpperCase() : undefined;
  if (!event) return { ok: false, reason: "`event` is missing" };
  const meaning = PORTAL_EVENTS[event];
  if (!meaning)
    return { ok: false, reason: `\`event\` ${JSON.stringify(event)} is not a booking event` };
  const id = positiveInteger(objectOf(fields.data).ID);
  if (id === undefined) return { ok: false, reason: "`data[ID]` must be a positive integer" };
  const ts = positiveInteger(fields.ts);
  if (ts === undefined) return { ok: false, reason: "`ts` must be a Unix time in seconds" };
  return { ok: true, delivery: { event, ...meaning, id, ts } };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function positiveInteger(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  return Number(text);
}
