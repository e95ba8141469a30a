import { PORTAL_EVENTS } from "../events/portal-events";
import { BitrixError } from "../transport/errors";
import type { Upstream } from "../transport/upstream";

/** The event that tells an application its offline queue has new records. */
export const OFFLINE_SIGNAL_EVENT = "ONOFFLINEEVENT";

export interface BindingPlan {
  /** Where pushed events go (`…/bitrix24/events`); undefined in poll-only mode: nothing is pushed. */
  handlerUrl: string | undefined;
  /** Least seconds between two ONOFFLINEEVENT signals (its `minTimeout`). */
  signalMinSeconds: number;
}

/**
 * Binds what the application listens to, at install and at every start: the twelve booking events
 * as offline events (the queue that loses nothing), and, when the gateway can be reached, the same
 * twelve pushed to its events route (the fast path) plus ONOFFLINEEVENT (the signal to drain).
 * Binding is idempotent: a binding that exists already is answered ERROR_CORE "already binded",
 * which counts as done. All calls go at once, so the queue folds them into one batch request.
 */
export async function bindEvents(upstream: Upstream, plan: BindingPlan): Promise<void> {
  const events = Object.keys(PORTAL_EVENTS);
  const calls: Array<Record<string, unknown>> = events.map((event) => ({
    event,
    event_type: "offline",
  }));
  if (plan.handlerUrl) {
    for (const event of events) calls.push({ event, handler: plan.handlerUrl });
    calls.push({
      event: OFFLINE_SIGNAL_EVENT,
      handler: plan.handlerUrl,
      options: { minTimeout: plan.signalMinSeconds },
    });
  }
  const outcomes = await Promise.allSettled(
    calls.map((params) => upstream.call("event.bind", params)),
  );
  const failure = outcomes.find(
    (outcome): outcome is PromiseRejectedResult =>
      outcome.status === "rejected" && !alreadyBound(outcome.reason),
  );
  if (failure) throw failure.reason;
}

function alreadyBound(error: unknown): boolean {
  return (
    error instanceof BitrixError &&
    error.code === "ERROR_CORE" &&
    /already bind/i.test(error.description)
  );
}
