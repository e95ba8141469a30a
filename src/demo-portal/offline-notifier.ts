import { type Clock } from "../clock";
import {
  OFFLINE_NOTIFICATION_EVENT,
  type BoundHandler,
  type EventHandlerRegistry,
} from "./event-handlers";

/** "The value is specified in seconds, defaulting to 1" (on-offline-event.md, "Notification Frequency"). */
export const DEFAULT_MIN_TIMEOUT_SECONDS = 1;

interface NotifierState {
  /** The handler as bound, for the notification sent when a quiet period ends. */
  handler: BoundHandler;
  /** Cancels the end of the quiet period; undefined when none is running. */
  endQuiet: (() => void) | undefined;
  /** The queue changed during the quiet period. */
  pending: boolean;
  /** The REST request last notified about, for minTimeout 0. */
  lastRequestId: number | undefined;
}

/**
 * Decides when each ONOFFLINEEVENT handler hears that the offline queue changed, by its
 * `minTimeout` (on-offline-event.md, "Notification Frequency"):
 * - 0: at most one notification per REST request, however many records it queued (a batch is one
 *   request);
 * - above 0: the first change is notified at once and starts a quiet period of that many seconds
 *   on the portal's clock, in which further changes send nothing.
 *
 * When changes came during a quiet period, one notification is sent as it ends (and starts the
 * next one). That trailing notification is this portal's choice: the server (checkSendTime) only
 * drops them, so a change just after a notification is announced by nobody until the next change.
 * A handler should still poll now and then; with the trailing one, a test can count on the signal.
 */
export class OfflineNotifier {
  private readonly states = new Map<number, NotifierState>();

  constructor(
    private readonly clock: Clock,
    private readonly handlers: EventHandlerRegistry,
    private readonly notify: (handler: BoundHandler) => void,
    closing: AbortSignal,
  ) {
    // A closed portal leaves no timer behind to keep the process alive.
    closing.addEventListener("abort", () => this.forget(), { once: true });
  }

  /** The queue got new or changed records while answering REST request `requestId`. */
  queueChanged(requestId: number): void {
    for (const handler of this.handlers.onlineHandlersOf(OFFLINE_NOTIFICATION_EVENT)) {
      const state = this.stateOf(handler);
      const minTimeout = handler.options.minTimeout ?? DEFAULT_MIN_TIMEOUT_SECONDS;
      if (minTimeout <= 0) {
        if (state.lastRequestId === requestId) continue;
        state.lastRequestId = requestId;
        this.notify(handler);
      } else if (state.endQuiet !== undefined) {
        state.pending = true;
      } else {
        this.notify(handler);
        this.startQuiet(state, minTimeout * 1000);
      }
    }
  }

  /** Cancels every quiet period and forgets every handler (uninstall, shutdown). */
  forget(): void {
    for (const state of this.states.values()) state.endQuiet?.();
    this.states.clear();
  }

  private stateOf(handler: BoundHandler): NotifierState {
    let state = this.states.get(handler.id);
    if (state === undefined) {
      state = { handler, endQuiet: undefined, pending: false, lastRequestId: undefined };
      this.states.set(handler.id, state);
    }
    return state;
  }

  private startQuiet(state: NotifierState, quietMs: number): void {
    state.pending = false;
    state.endQuiet = this.clock.setTimer(quietMs, () => {
      state.endQuiet = undefined;
      if (!state.pending) return;
      // An unbound handler is told nothing more.
      if (!this.handlers.has(state.handler.id)) {
        this.states.delete(state.handler.id);
        return;
      }
      this.notify(state.handler);
      this.startQuiet(state, quietMs);
    });
  }
}
