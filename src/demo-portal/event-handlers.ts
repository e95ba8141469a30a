import { BOOKING_EVENTS, type BookingEventName } from "./booking-events";

/** A handler an application registered with event.bind, on behalf of user `userId` (auth_type). */
export interface BoundHandler {
  id: number;
  event: BookingEventName;
  url: string;
  userId: number;
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
 * booking data, so a reseed keeps them.
 */
export class EventHandlerRegistry {
  private readonly bound: BoundHandler[] = [];
  private lastId = BOOKING_EVENTS.length;

  constructor(private webhookUrl: string | undefined) {}

  /** Points the outgoing webhook at another URL (its handler ids stay), or turns it off. */
  setWebhookUrl(url: string | undefined): void {
    this.webhookUrl = url;
  }

  /** Everyone `event` goes to, by handler id: the outgoing webhook first, then bindings in order. */
  recipientsOf(event: BookingEventName): EventRecipient[] {
    const recipients: EventRecipient[] = [];
    if (this.webhookUrl !== undefined) {
      recipients.push({
        kind: "webhook",
        handlerId: BOOKING_EVENTS.indexOf(event) + 1,
        url: this.webhookUrl,
      });
    }
    for (const handler of this.bound) {
      if (handler.event !== event) continue;
      recipients.push({
        kind: "application",
        handlerId: handler.id,
        url: handler.url,
        userId: handler.userId,
      });
    }
    return recipients;
  }

  /**
   * Adds a binding; false when the same user already bound this URL to this event (the server's
   * unique key on the event table).
   */
  bind(event: BookingEventName, url: string, userId: number): boolean {
    const exists = this.bound.some(
      (handler) => handler.event === event && handler.url === url && handler.userId === userId,
    );
    if (exists) return false;
    this.lastId += 1;
    this.bound.push({ id: this.lastId, event, url, userId });
    return true;
  }

  /** Removes the bindings matching all three; returns how many there were. */
  unbind(event: string, url: string, userId: number): number {
    const before = this.bound.length;
    const kept = this.bound.filter(
      (handler) => !(handler.event === event && handler.url === url && handler.userId === userId),
    );
    this.bound.splice(0, this.bound.length, ...kept);
    return before - kept.length;
  }

  /** The bindings made on behalf of `userId`, by id. */
  boundBy(userId: number): BoundHandler[] {
    return this.bound
      .filter((handler) => handler.userId === userId)
      .map((handler) => ({
        ...handler,
      }));
  }
}
