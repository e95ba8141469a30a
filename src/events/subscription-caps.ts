import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";

/**
 * How many subscriptions each caller holds at once, over all its connections and transports, so that
 * one credential cannot hold the replica's memory and sockets hostage.
 */
export class SubscriptionCaps {
  private readonly held = new Map<string, number>();

  constructor(private readonly maxPerCaller: number) {}

  /** Refuses when `caller` holds as many subscriptions as it may. */
  check(caller: string): void {
    const count = this.held.get(caller) ?? 0;
    if (count >= this.maxPerCaller) {
      throw new RequestRefusal(
        ErrorCode.TooManySubscriptions,
        `This caller already holds ${count} subscriptions, the limit (MAX_SUBSCRIPTIONS_PER_CALLER)`,
        429,
        { limit: this.maxPerCaller },
      );
    }
  }

  /** Takes one place for `caller`, or refuses; the returned function gives it back (once). */
  acquire(caller: string): () => void {
    this.check(caller);
    this.held.set(caller, (this.held.get(caller) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(caller) ?? 1) - 1;
      if (left > 0) this.held.set(caller, left);
      else this.held.delete(caller);
    };
  }
}
