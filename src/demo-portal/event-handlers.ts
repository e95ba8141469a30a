import { BOOKING_EVENTS, isBookingEventName, type BookingEventName } from "./booking-events";

/**
 * The event that tells an application its offline queue got new records (on-offline-event.md). It
 * can only be bound online: it announces the queue, so it never goes into it.
 */
export const OFFLINE_NOTIFICATION_EVENT = "ONOFFLINEEVENT";

/** What event.bind accepts: the twelve booking events and the offline queue's notification. */
export type BindableEventName = BookingEventName | typeof OFFLINE_NOTIFICATION_EVENT;

export function isBindableEventName(name: string): name is BindableEventName {
  return name === OFFLINE_NOTIFICATION_EVENT || isBookingEventName(name);
}

/** The options event.bind keeps (only those the event allows: minTimeout for ONOFFLINEEVENT). */
export interface HandlerOptions {
  /** Seconds between two ONOFFLINEEVENT notifications at least; 0: one per REST request. */
  minTimeout?: number;
}

/**
 * A handler an application registered with event.bind. `url` is "" for an offline binding, whose
 * changes go into the queue instead. `userId` is the auth_type: the user whose token the handler's
 * events carry, 0 when an administrator gave none (and for offline bindings).
 */
export interface BoundHandler {
  id: number;
  event: BindableEventName;
  url: string;
  userId: number;
  options: HandlerOptions;
}

/**
 * Where one event goes: the outgoing webhook (configured in code, like the portal UI configures
 * it) or a handler an application bound. `handlerId` is the event_handler_id the payload carries.
 */
export type EventRecipient =
  | { kind: "webhook"; handlerId: number; url: string }
  | { kind: "application"; handlerId: number; url: string; userId: number };

/**
 * Every handler the portal sends events to. On the server each (event, handler) pair is a row of
 * its own with its own id (b_rest_event): the outgoing webhook subscribed to all twelve booking
 * events owns ids 1-12, one per event, whether or not a URL is set; bindings made with event.bind
 * are numbered after them and, like database ids, never reused. Bindings are portal settings, not
 * booking data, so a reseed keeps them; an uninstall of the application removes them all.
 */
export class EventHandlerRegistry {
  private bound: BoundHandler[] = [];
  private lastId = BOOKING_EVENTS.length;

  constructor(private webhookUrl: string | undefined) {}

  /** Points the outgoing webhook at another URL (its handler ids stay), or turns it off. */
  setWebhookUrl(url: string | undefined): void {
    this.webhookUrl = url;
  }

  /**
   * Everyone a booking event is posted to, by handler id: the outgoing webhook first, then the
   * online bindings in order.
   */
  recipientsOf(event: BookingEventName): EventRecipient[] {
    const recipients: EventRecipient[] = [];
    if (this.webhookUrl !== undefined) {
      recipients.push({
        kind: "webhook",
        handlerId: BOOKING_EVENTS.indexOf(event) + 1,
        url: this.webhookUrl,
      });
    }
    for (const handler of this.onlineHandlersOf(event)) {
      recipients.push({
        kind: "application",
        handlerId: handler.id,
        url: handler.url,
        userId: handler.userId,
      });
    }
    return recipients;
  }

  /** The online bindings of `event`, by id. */
  onlineHandlersOf(event: BindableEventName): BoundHandler[] {
    return this.bound.filter((handler) => handler.event === event && handler.url !== "");
  }

  /** Whether the application asked for `event` to go into its offline queue. */
  isBoundOffline(event: BookingEventName): boolean {
    return this.bound.some((handler) => handler.event === event && handler.url === "");
  }

  /**
   * Adds a binding; false when the same event, URL and user are bound already (the server's
   * unique key on the event table), offline bindings ("" and user 0) included.
   */
  bind(event: BindableEventName, url: string, userId: number, options: HandlerOptions): boolean {
    const exists = this.bound.some(
      (handler) => handler.event === event && handler.url === url && handler.userId === userId,
    );
    if (exists) return false;
    this.lastId += 1;
    this.bound.push({ id: this.lastId, event, url, userId, options: { ...options } });
    return true;
  }

  /**
   * Removes the bindings of `event` with this URL ("" for the offline one) and, unless undefined,
   * this user; returns how many there were.
   */
  unbind(event: string, url: string, userId: number | undefined): number {
    const before = this.bound.length;
    this.bound = this.bound.filter(
      (handler) =>
        !(
          handler.event === event &&
          handler.url === url &&
          (userId === undefined || handler.userId === userId)
        ),
    );
    return before - this.bound.length;
  }

  /** Uninstall: "When an application is deleted ... its actions will be removed" (event-bind.md). */
  unbindAll(): void {
    this.bound = [];
  }

  /** The bindings made on behalf of `userId`, or every binding for undefined, by id. */
  boundBy(userId: number | undefined): BoundHandler[] {
    return this.bound
      .filter((handler) => userId === undefined || handler.userId === userId)
      .map((handler) => ({ ...handler, options: { ...handler.options } }));
  }

  /** Whether the binding `id` still exists (a timer set for it may outlive it). */
  has(id: number): boolean {
    return this.bound.some((handler) => handler.id === id);
  }
}
