import { type Caller } from "../auth";
import { type BookingEvent } from "../booking-events";
import { type EventHandlerRegistry } from "../event-handlers";
import { LIST_PAGE_SIZE, type ListWindow } from "../list-window";
import { type RequestParams } from "../params";
import { type PortalApplication } from "../portal-application";
import { type PortalStore } from "../store";

/**
 * What one REST method receives: merged request parameters, the data, the list window, the time
 * the call started, who is calling, the event handlers (which event.* manages), and the application
 * (whose offline queue event.offline.* works on).
 */
export interface MethodCall {
  readonly params: RequestParams;
  readonly store: PortalStore;
  readonly window: ListWindow;
  /** Unix seconds (with fractions) on the portal's clock, for createdAt and "in the future". */
  readonly now: number;
  readonly caller: Caller;
  readonly eventHandlers: EventHandlerRegistry;
  readonly application: PortalApplication;
}

/**
 * `total` and `next` are lifted to the top level of the envelope, next to `result`. `events` are
 * the changes the call made, in the order it made them: they are sent only when the call
 * succeeds, and never appear in the answer.
 */
export interface MethodOutcome {
  readonly result: unknown;
  readonly total?: number;
  readonly next?: number;
  readonly events?: readonly BookingEvent[];
}

export type MethodHandler = (call: MethodCall) => MethodOutcome;

/** Lower-case method name → handler; one group per file under methods/. */
export type MethodGroup = Readonly<Record<string, MethodHandler>>;

/**
 * Every booking.v1 list action answers with a D7 Page built with totalCount 0, so `total` is
 * always 0 (omitted for start=-1) and there is never a `next`: clients page until a short page.
 */
export function pagedList(entityKey: string, rows: unknown[], window: ListWindow): MethodOutcome {
  const page = rows.slice(window.offset, window.offset + LIST_PAGE_SIZE);
  return wholeList(entityKey, page, window);
}

/** Lists the server returns in one piece (a booking's clients, the client types). */
export function wholeList(entityKey: string, rows: unknown[], window: ListWindow): MethodOutcome {
  const result = { [entityKey]: rows };
  return window.includeTotal ? { result, total: 0 } : { result };
}
