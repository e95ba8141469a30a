import { timeoutSignal, type Clock } from "../clock";
import { type StatsRecorder } from "./stats";

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/**
 * How long a handler may take to answer before its delivery counts as failed. GUESS: the docs
 * name no limit, only that slow handlers are called less often; a limit keeps one hanging handler
 * from holding back every later event to its URL.
 */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Posts event bodies to handler URLs the way the Bitrix24 queue server does: once, with no retry
 * ("If your server does not respond or returns an error, the Bitrix24 queue server will log the
 * failure but will not resend the event", api-reference/events/index.md, "Event Limitations").
 * Each outcome is counted: eventsSent for a 2xx answer, eventsFailed for anything else.
 *
 * Deliveries to one URL go one at a time in the order they were queued, so a handler sees the
 * events of a batch in command order; different URLs do not wait for each other. Nothing here
 * ever rejects: a delivery failure cannot reach the REST caller or the process.
 */
export class EventDelivery {
  /** The last delivery queued for each URL; the next one starts when it has settled. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly stats: StatsRecorder,
    /** Aborted when the portal closes: deliveries in flight or queued then fail at once. */
    private readonly closing: AbortSignal,
  ) {}

  /** Queues one POST and returns at once. */
  post(url: string, body: string): void {
    void this.send(url, body);
  }

  /**
   * Queues one POST like `post`, and resolves with the handler's HTTP status once it answered, or
   * 0 when it could not be reached or did not answer in time. For the calls whose sender wants to
   * know how they went (the installation's), never rejecting either.
   */
  send(url: string, body: string): Promise<number> {
    const previous = this.queues.get(url) ?? Promise.resolve();
    const status = previous.then(() => this.deliver(url, body));
    const delivered = status.then(() => undefined);
    this.queues.set(url, delivered);
    // An idle URL is forgotten, so a portal that saw many handler URLs holds no settled promises.
    void delivered.then(() => {
      if (this.queues.get(url) === delivered) this.queues.delete(url);
    });
    return status;
  }

  private async deliver(url: string, body: string): Promise<number> {
    const status = await this.attempt(url, body);
    if (status >= 200 && status < 300) this.stats.recordEventSent();
    else this.stats.recordEventFailed();
    return status;
  }

  /** The handler's status; 0 for a refused connection, a timeout or an abort. */
  private async attempt(url: string, body: string): Promise<number> {
    const timeout = timeoutSignal(this.clock, DELIVERY_TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": FORM_CONTENT_TYPE },
        body,
        signal: AbortSignal.any([timeout.signal, this.closing]),
      });
      // The answer's body means nothing to the portal; dropping it frees the connection.
      await response.body?.cancel();
      return response.status;
    } catch {
      return 0;
    } finally {
      timeout.dispose();
    }
  }
}
